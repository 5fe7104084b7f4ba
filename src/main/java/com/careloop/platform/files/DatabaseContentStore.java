package com.careloop.platform.files;

import com.careloop.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default backend: the bytes in {@code stored_file_content}, a table of their own so listing files never reads
 * a blob; written in the storing transaction, so one database backup holds records and files together.
 */
class DatabaseContentStore implements FileContentStore {

    private final JdbcClient jdbc;

    DatabaseContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String key, byte[] bytes) {
        jdbc.sql("insert into stored_file_content (storage_key, content) values (:k, :c)")
                .param("k", key).param("c", bytes).update();
    }

    @Override
    public byte[] get(String key) {
        return jdbc.sql("select content from stored_file_content where storage_key = :k").param("k", key)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new NotFoundException("stored-file-content", key));
    }

    @Override
    public void delete(String key) {
        jdbc.sql("delete from stored_file_content where storage_key = :k").param("k", key).update();
    }

    @Override
    public boolean transactional() {
        return true;
    }
}
