package com.careloop.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows this transaction has read from some tables, by PostgreSQL's own counters ({@code pg_stat_xact_user_tables}:
 * heap tuples fetched by index and bitmap scans plus tuples read by sequential scans) — the evidence of the *PlanTest
 * classes, which holds whatever plan the planner picks and whatever the machine's load.
 */
public final class RowsRead {

    private RowsRead() {
    }

    /** The rows read so far in the current transaction from {@code tables} (PostgreSQL only). */
    public static long of(JdbcClient jdbc, String... tables) {
        return jdbc.sql("""
                select coalesce(sum(coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)), 0)
                from pg_stat_xact_user_tables where relname in (:tables)""").param("tables", List.of(tables))
                .query(Long.class).single();
    }
}
