package com.careloop.platform.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.FieldChange;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.UploadedFiles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link StoredFiles} with the metadata in {@code stored_file} and the bytes in the configured
 * {@link FileContentStore}. Storing writes the bytes first (durable), then the row and its audit entry in the caller's
 * transaction; should that transaction roll back, a directory backend's bytes are removed again. Deleting removes the
 * row at once and the bytes of a directory backend once the removal is committed, so a rollback never loses bytes.
 * Thumbnails are made on first request and kept in a small Caffeine cache (docs/files.md says why).
 */
@Service
@Transactional
class JdbcStoredFiles implements StoredFiles {

    static final String FILE_ADDED = "FILE_ADDED";
    static final String FILE_DELETED = "FILE_DELETED";

    private static final String COLUMNS =
            "id, owner_type, owner_id, slot, file_name, content_type, size_bytes, image, stored_at, stored_by";

    private final JdbcClient jdbc;
    private final FileContentStore contents;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final FilesProperties properties;
    private final Cache<Long, Optional<byte[]>> thumbnails = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .weigher((Long id, Optional<byte[]> t) -> 64 + t.map(b -> b.length).orElse(0))
            .build();

    JdbcStoredFiles(JdbcClient jdbc, FileContentStore contents, AuditTrail audit, CurrentUsers users, Clock clock,
                    FilesProperties properties) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public UploadedFiles.Checked check(String fileName, String declaredType, byte[] bytes) {
        return UploadedFiles.check(fileName, declaredType, bytes, properties.maxSize());
    }

    @Override
    public StoredFile store(String ownerType, long ownerId, String slot, UploadedFiles.Checked file) {
        if (ownerType == null || ownerType.isBlank() || slot == null || slot.isBlank()) {
            throw new IllegalArgumentException("a stored file needs an owner type and a slot");
        }
        // a Checked may have been made with another module's limit or by hand: the store's own rules hold regardless
        UploadedFiles.Checked checked = check(file.fileName(), file.contentType(), file.bytes());
        byte[] bytes = checked.bytes();
        String key = UUID.randomUUID().toString().replace("-", "");
        contents.put(key, bytes);
        if (!contents.transactional()) {
            whenTransactionEnds(false, () -> contents.delete(key));
        }
        Instant now = Instant.now(clock);
        Long by = users.current().map(CurrentUser::id).orElse(null);
        boolean image = checked.contentType().startsWith("image/");
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stored_file (owner_type, owner_id, slot, file_name, content_type, size_bytes, image, sha256,
                                         storage_key, stored_at, stored_by)
                values (:ownerType, :ownerId, :slot, :name, :type, :size, :image, :sha, :key, :at, :by)""")
                .param("ownerType", ownerType).param("ownerId", ownerId).param("slot", slot)
                .param("name", checked.fileName()).param("type", checked.contentType()).param("size", (long) bytes.length)
                .param("image", image).param("sha", sha256(bytes)).param("key", key)
                .param("at", Timestamp.from(now)).param("by", by)
                .update(id, "id");
        StoredFile stored = new StoredFile(id.getKeyAs(Number.class).longValue(), ownerType, ownerId, slot,
                checked.fileName(), checked.contentType(), bytes.length, image, now, by);
        audit.record(ownerType, String.valueOf(ownerId), FILE_ADDED, List.of(new FieldChange(slot, null, describe(stored))));
        return stored;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredFile> list(String ownerType, long ownerId) {
        return jdbc.sql("select " + COLUMNS + " from stored_file where owner_type = :t and owner_id = :o order by id")
                .param("t", ownerType).param("o", ownerId).query(JdbcStoredFiles::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from stored_file where id = :id").param("id", id)
                .query(JdbcStoredFiles::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] content(long id) {
        return contents.get(storageKey(id));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> thumbnail(long id) {
        StoredFile file = find(id).orElseThrow(() -> new NotFoundException("stored-file", id));
        if (!file.image()) {
            return Optional.empty();
        }
        return thumbnails.get(id, k -> Thumbnails.of(content(id)));
    }

    @Override
    public void delete(long id) {
        StoredFile file = find(id).orElseThrow(() -> new NotFoundException("stored-file", id));
        String key = storageKey(id);
        jdbc.sql("delete from stored_file where id = :id").param("id", id).update();
        audit.record(file.ownerType(), String.valueOf(file.ownerId()), FILE_DELETED,
                List.of(new FieldChange(file.slot(), describe(file), null)));
        if (contents.transactional()) {
            contents.delete(key);
        } else {
            whenTransactionEnds(true, () -> contents.delete(key));
        }
        thumbnails.invalidate(id);
    }

    private String storageKey(long id) {
        return jdbc.sql("select storage_key from stored_file where id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("stored-file", id));
    }

    /**
     * Runs the action once the (always present: the class is transactional) transaction has ended committed, or ended
     * without committing.
     */
    private static void whenTransactionEnds(boolean committed, Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == committed) {
                    action.run();
                }
            }
        });
    }

    private static String describe(StoredFile f) {
        return f.fileName() + " (" + f.contentType() + ", " + f.size() + " B)";
    }

    private static StoredFile row(ResultSet rs, int n) throws SQLException {
        long by = rs.getLong("stored_by");
        Long storedBy = rs.wasNull() ? null : by;
        return new StoredFile(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"), rs.getString("slot"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getBoolean("image"),
                rs.getTimestamp("stored_at").toInstant(), storedBy);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
