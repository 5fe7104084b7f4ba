package com.careloop.property.register;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.careloop.property.PropertyCommands.Upload;

import org.springframework.web.multipart.MultipartFile;

/** A multipart file as the register's {@link Upload} (null when none was sent: the service says the file is required). */
final class Uploads {

    private Uploads() {
    }

    static Upload of(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
