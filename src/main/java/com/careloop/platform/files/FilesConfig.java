package com.careloop.platform.files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The backend for the bytes of stored files, by {@code careloop.files.store}. */
@Configuration(proxyBeanMethods = false)
class FilesConfig {

    @Bean
    FileContentStore fileContentStore(FilesProperties properties, JdbcClient jdbc) {
        return switch (properties.store()) {
            case DATABASE -> new DatabaseContentStore(jdbc);
            case DIRECTORY -> new DirectoryContentStore(properties.directory());
            case S3 -> new S3ContentStore(properties.s3());
        };
    }
}
