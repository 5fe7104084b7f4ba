package com.careloop.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one store for every module's files and photos (contract scans, evidence photos, attachments). The bytes live in
 * the backend chosen by {@code careloop.files.store} (database by default, or a directory); the metadata in
 * {@code stored_file}. Access control stays with the owning module: it checks the reader may see the owner record and
 * serves the bytes from its own endpoint through {@link UploadedFiles#download}. See docs/files.md.
 */
public interface StoredFiles {

    record StoredFile(long id, String ownerType, long ownerId, String slot, String fileName, String contentType,
                      long size, boolean image, Instant storedAt, Long storedBy) {
    }

    /**
     * Stores a checked upload for a record (ownerType e.g. "contract", slot e.g. "scan"); audited on the owner record
     * in the caller's transaction. The bytes are checked again (kind by magic bytes, {@code careloop.files.max-size}):
     * a broken rule is a 422 naming {@code file}.
     */
    StoredFile store(String ownerType, long ownerId, String slot, UploadedFiles.Checked file);

    /** The files of one record, oldest first (metadata only, never the bytes). */
    List<StoredFile> list(String ownerType, long ownerId);

    Optional<StoredFile> find(long id);

    /** The bytes (the caller has checked the reader may see the owner record); 404 when there is no such file. */
    byte[] content(long id);

    /** A JPEG thumbnail (max 320 px) of an image file; empty for other files. */
    Optional<byte[]> thumbnail(long id);

    /** Removes the file (row and bytes); audited on the owner record. 404 when there is no such file. */
    void delete(long id);

    /**
     * {@link UploadedFiles#check} with the store's size limit ({@code careloop.files.max-size}, default 20 MB), for
     * modules that take an upload and store it here.
     */
    UploadedFiles.Checked check(String fileName, String declaredType, byte[] bytes);
}
