package com.careloop.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ties an API create to its {@code Idempotency-Key} inside the create's own transaction. The key's response is
 * stored only after the commit; a crash in between used to leave the key "in progress" for ever. A create that
 * calls {@link #created(String)} leaves the location of its record on the key in the same commit, so a retry
 * after such a crash is sent to the record (303) instead of creating it twice or being refused.
 */
@Component
public class IdempotentCreates {

    /** The caller and key of the request being handled on this thread (bound by the idempotency filter). */
    public record Key(String principal, String key) {
    }

    private static final ThreadLocal<Key> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final java.util.Set<String> marking = java.util.concurrent.ConcurrentHashMap.newKeySet();

    IdempotentCreates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Declares that every create POSTed to {@code path} calls {@link #created(String)} in its transaction. For
     * such a path a key still "in progress" without a location long after it started means nothing was
     * created (the node died before the commit): a retry may then run again instead of getting 409 for ever.
     */
    public void marksCreatesOf(String path) {
        marking.add(path);
    }

    public boolean marks(String path) {
        return marking.contains(path);
    }

    /** Call inside the creating transaction; without an {@code Idempotency-Key} it does nothing. */
    public void created(String location) {
        Key key = CURRENT.get();
        if (key == null) {
            return;
        }
        jdbc.sql("update idempotency_record set created_location = :l where principal = :p and idem_key = :k")
                .param("l", location).param("p", key.principal()).param("k", key.key()).update();
    }

    public static Key current() {
        return CURRENT.get();
    }

    /** Binds {@code key} (or nothing) to this thread until {@link #unbind(Key)}; returns what was bound before. */
    public static Key bind(Key key) {
        Key before = CURRENT.get();
        if (key == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(key);
        }
        return before;
    }

    public static void unbind(Key before) {
        bind(before);
    }
}
