package com.careloop.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fold or rebuild of a trigger-kept tally (the service desk's open-request tallies, {@link DayTally}): one statement
 * in its own transaction behind a transaction-level advisory lock, so that two of them never delete the same deltas
 * (which would count them twice), whichever node runs them.
 */
public final class TallyLock {

    private TallyLock() {
    }

    /** Runs {@code sql} under the lock {@code key}; the rows it changed. */
    public static int run(JdbcClient jdbc, TransactionTemplate transactions, long key, String sql) {
        Integer rows = transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key).query((rs, n) -> 1).list();
            return jdbc.sql(sql).update();
        });
        return rows == null ? 0 : rows;
    }
}
