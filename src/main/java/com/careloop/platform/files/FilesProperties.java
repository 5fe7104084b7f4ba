package com.careloop.platform.files;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.files.*}: where the bytes of stored files live ({@code store=database}, the default,
 * {@code directory} under {@code directory}, default {@code ./data/files}, or {@code s3}: a bucket of an
 * S3-compatible store under {@code s3.*}) and the largest file ({@code max-size}, default 20MB).
 */
@Validated
@ConfigurationProperties("careloop.files")
public record FilesProperties(@DefaultValue("database") @NotNull Backend store,
                              @DefaultValue("./data/files") @NotNull Path directory,
                              @DefaultValue("20MB") @NotNull DataSize maxSize,
                              @DefaultValue S3 s3) {

    public enum Backend { DATABASE, DIRECTORY, S3 }

    /**
     * An S3-compatible bucket: {@code endpoint} (empty: AWS by region; MinIO {@code http://minio:9000}, OSS
     * {@code https://oss-cn-hangzhou.aliyuncs.com}, COS {@code https://cos.ap-shanghai.myqcloud.com}), {@code region},
     * the access key (empty: the SDK's default credential chain), {@code pathStyle} (true for MinIO; false for OSS and
     * COS, which want virtual-hosted buckets), an optional key {@code prefix} and the {@code timeout} of a request.
     */
    public record S3(String bucket, String endpoint, @DefaultValue("us-east-1") String region, String accessKey,
                     String secretKey, @DefaultValue("true") boolean pathStyle, @DefaultValue("") String prefix,
                     @DefaultValue("60s") Duration timeout) {
    }
}
