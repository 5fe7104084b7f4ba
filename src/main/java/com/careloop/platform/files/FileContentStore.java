package com.careloop.platform.files;

/**
 * Where the bytes of stored files live, by storage key (the SPI a further backend, e.g. S3, implements). The metadata
 * row in {@code stored_file} is always in the database; {@link JdbcStoredFiles} writes it after {@link #put} returned,
 * so a backend must have the bytes durably stored when {@code put} returns, and calls {@link #delete} only once the
 * row's removal is committed (or the row's insert rolled back).
 */
interface FileContentStore {

    /** Stores the bytes under a new key; durable when it returns. Runs inside the storing transaction. */
    void put(String key, byte[] bytes);

    byte[] get(String key);

    /** Removes the bytes; a missing key is not an error. */
    void delete(String key);

    /** True when the bytes are part of the database transaction (they commit and roll back with the row). */
    boolean transactional();
}
