package com.careloop.platform.files;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.files.*}: where the bytes of stored files live ({@code store=database}, the default,
 * or {@code directory} under {@code directory}, default {@code ./data/files}) and the largest file
 * ({@code max-size}, default 20MB).
 */
@Validated
@ConfigurationProperties("careloop.files")
public record FilesProperties(@DefaultValue("database") @NotNull Backend store,
                              @DefaultValue("./data/files") @NotNull Path directory,
                              @DefaultValue("20MB") @NotNull DataSize maxSize) {

    public enum Backend { DATABASE, DIRECTORY }
}
