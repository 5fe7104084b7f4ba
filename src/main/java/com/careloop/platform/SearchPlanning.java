package com.careloop.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a register's search is planned on PostgreSQL: each statement of the current transaction for its own values.
 * The driver switches a statement run often to a cached generic plan, which serves a rare keyword or filter value
 * with the plan of a common one (and read whole registers: the *PlanTest classes). The setting is local to the
 * transaction ({@code set_config(…, true)}, as {@code SET LOCAL}); call it inside the search's transaction. H2 has
 * no such setting: a no-op there.
 */
public final class SearchPlanning {

    private SearchPlanning() {
    }

    /** The rest of this transaction's statements planned for their own values (PostgreSQL; nothing on H2). */
    public static void customPlans(JdbcClient jdbc, boolean postgres) {
        set(jdbc, postgres, "select set_config('plan_cache_mode', 'force_custom_plan', true)");
    }

    /**
     * As {@link #customPlans}, and without parallel workers: for a search whose scans take milliseconds, where
     * starting workers costs more than the scan.
     */
    public static void customPlansWithoutParallelWorkers(JdbcClient jdbc, boolean postgres) {
        set(jdbc, postgres, "select set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('max_parallel_workers_per_gather', '0', true)");
    }

    /**
     * {@code read} planned with bitmap scans instead of plain index scans (PostgreSQL; on H2 just {@code read}): for a
     * keyword's matches among a range of ids, which the keyword's index and a block-range index of the ids intersect
     * (BitmapAnd) — else the planner may walk the whole range through the primary key, testing every row. Restored
     * for the transaction's later statements.
     */
    public static <T> T withoutIndexScans(JdbcClient jdbc, boolean postgres, java.util.function.Supplier<T> read) {
        return without(jdbc, postgres, read, "enable_indexscan");
    }

    /**
     * {@code read} planned without bitmap scans (PostgreSQL; on H2 just {@code read}): for the newest page of a
     * keyword within a window of ids, walked newest first and bounded by the window. The planner cannot tell how many
     * rows a keyword's trigrams hand back (it assumes a few hundred), so with a block-range index of the ids it may
     * intersect them instead: 43 ms for '客户150' (36,319 candidates) where walking the 20,000 newest ids takes 27 ms.
     */
    public static <T> T withoutBitmapScans(JdbcClient jdbc, boolean postgres, java.util.function.Supplier<T> read) {
        return without(jdbc, postgres, read, "enable_bitmapscan");
    }

    /**
     * {@code read} planned with bitmap scans only, no sequential or plain index scan (PostgreSQL; on H2 just
     * {@code read}): for the ids of a fragment's matches, capped ({@link TextMatches}). A LIMIT makes a walk of the
     * table look cheap whenever ANALYZE's sample says the fragment is common; for a rare one the walk reads the whole
     * register (PropertySearchPlanTest: 60,110 rows for 111 matches, once in six CI runs). Through the fragment's index
     * the cost follows its matches either way.
     */
    public static <T> T bitmapScansOnly(JdbcClient jdbc, boolean postgres, java.util.function.Supplier<T> read) {
        return without(jdbc, postgres, read, "enable_seqscan", "enable_indexscan");
    }

    private static <T> T without(JdbcClient jdbc, boolean postgres, java.util.function.Supplier<T> read,
                                 String... settings) {
        set(jdbc, postgres, switches(settings, "off"));
        try {
            return read.get();
        } finally {
            set(jdbc, postgres, switches(settings, "on"));
        }
    }

    private static String switches(String[] settings, String value) {
        return "select " + java.util.Arrays.stream(settings).map(s -> "set_config('" + s + "', '" + value + "', true)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void set(JdbcClient jdbc, boolean postgres, String sql) {
        if (postgres) {
            jdbc.sql(sql).query((rs, i) -> 0).list();
        }
    }
}
