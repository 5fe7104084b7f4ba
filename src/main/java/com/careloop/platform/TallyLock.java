package com.careloop.platform;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The folds and rebuilds of a trigger-kept tally (the service desk's open-request tallies, {@link DayTally}, the
 * callback month tally), kept on PostgreSQL only: each one statement in its own transaction behind the tally's
 * transaction-level advisory lock, so that two of them never delete the same deltas (which would count them twice),
 * whichever node runs them.
 */
public final class TallyLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean kept;
    private final long key;

    /** The tally whose folds and rebuilds take the advisory lock {@code key}. */
    public TallyLock(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource, long key) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kept = Databases.isPostgres(dataSource);
        this.key = key;
    }

    /** Whether the tally is kept (PostgreSQL); elsewhere its readers count the records. */
    public boolean kept() {
        return kept;
    }

    /** Runs {@code sql} under the lock; the rows it changed (0 where the tally is not kept). */
    public int run(String sql) {
        if (!kept) {
            return 0;
        }
        Integer rows = transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", key).query((rs, n) -> 1).list();
            return jdbc.sql(sql).update();
        });
        return rows == null ? 0 : rows;
    }

    /**
     * The fold of a delta tally {@code table} (columns {@code keys}, {@code delta}, {@code folded}): its new deltas,
     * with the folded rows of the buckets ({@code buckets}, some of the keys) they fall in, become one row per key. One
     * statement: a delta committed after it began is neither deleted nor counted, so it stays new and still applies.
     */
    public static String fold(String table, List<String> buckets, List<String> keys) {
        String k = String.join(", ", keys);
        String match = buckets.stream().map(b -> "o." + b + " = b." + b).collect(Collectors.joining(" and "));
        String old = keys.stream().map(c -> "o." + c).collect(Collectors.joining(", "));
        return "with fresh as (delete from " + table + " where not folded returning " + k + ", delta),"
                + " buckets as (select distinct " + String.join(", ", buckets) + " from fresh),"
                + " stale as (delete from " + table + " o using buckets b where o.folded and " + match
                + " returning " + old + ", o.delta)"
                + " insert into " + table + " (" + k + ", delta, folded)"
                + " select " + k + ", sum(delta), true from (select * from fresh union all select * from stale) x"
                + " group by " + k + " having sum(delta) <> 0";
    }
}
