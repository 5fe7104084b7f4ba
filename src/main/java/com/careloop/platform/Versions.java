package com.careloop.platform;

import org.springframework.dao.OptimisticLockingFailureException;
import com.careloop.platform.Text;

/**
 * Optimistic locking for commands that carry the version the user saw: a stale version means someone
 * else saved first, so the change is refused (409) rather than written over theirs.
 */
public final class Versions {

    private Versions() {
    }

    /** Refuses a missing version (422 on {@code version}) or a stale one (409). */
    public static void requireCurrent(Long yours, long current, String recordType, Object id) {
        if (yours == null) {
            throw new InvalidInputException("version", "required", Text.of("error.platform.version-required-update"));
        }
        requireCurrentIfGiven(yours, current, recordType, id);
    }

    /** For steps where the version is optional: checked only when the caller sent one. */
    public static void requireCurrentIfGiven(Long yours, long current, String recordType, Object id) {
        if (yours != null && yours != current) {
            throw new OptimisticLockingFailureException("记录已被他人修改，请刷新后重试 / " + recordType + " " + id
                    + " was changed by someone else (version " + current + ", yours " + yours + ")");
        }
    }
}
