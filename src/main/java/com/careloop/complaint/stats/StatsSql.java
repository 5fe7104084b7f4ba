package com.careloop.complaint.stats;

import java.time.ZoneId;

/**
 * The SQL of the complaint figures shared by the live statistics and the rollup, so both parts count alike
 * (portable between H2 and PostgreSQL).
 */
final class StatsSql {

    static final String SECONDS = "(extract(epoch from c.closed_at) - extract(epoch from c.received_at))";
    /** The close-time histogram's bin: whole hours to close. */
    static final String HOURS = "floor(" + SECONDS + " / 3600)";
    /** The counted figures: name and the condition a complaint counts for it. */
    private static final String[][] COUNTS = {
            {"major", "c.severity = 'MAJOR'"},
            {"repeats", "c.repeat_of_id is not null"},
            {"ack_due", "c.acknowledged_at is not null or c.acknowledge_due_at < :now"},
            {"ack_ok", "c.acknowledged_at <= c.acknowledge_due_at"},
            {"reply_due", "c.first_action_at is not null or c.reply_due_at < :now"},
            {"reply_ok", "c.first_action_at <= c.reply_due_at"},
            {"resolve_due", "c.closed_at is not null or c.resolve_due_at < :now"},
            {"resolve_ok", "c.closed_at <= c.resolve_due_at"},
            {"closed", "c.closed_at is not null"}};

    /**
     * The additive figures of a group; the total and the p90 are worked out from them in Java (see Sums). Each row
     * counts {@code one} times: 1, or the live rows' sign (+1, or -1 for a complaint taken off a rolled-up month).
     */
    static String figures(String one) {
        return columns(one, "sum(", ")");
    }

    /** The figures of one complaint row, signed by {@code one}, as columns named as in {@link #FIGURE_COLUMNS}. */
    static String values(String one) {
        return columns(one, "", "");
    }

    private static String columns(String one, String open, String close) {
        StringBuilder sql = new StringBuilder(" ").append(open).append(one).append(close).append(" n");
        for (String[] f : COUNTS) {
            sql.append(", ").append(open).append("case when ").append(f[1]).append(" then ").append(one)
                    .append(" else 0 end").append(close).append(' ').append(f[0]);
        }
        return sql.append(", ").append(open).append("case when c.closed_at is not null then ").append(one).append(" * ")
                .append(SECONDS).append(" end").append(close).append(" close_seconds").toString();
    }

    /** The figures' columns in the rollup table, in the order of {@link #figures}. */
    static final String FIGURE_COLUMNS =
            "n, major, repeats, ack_due, ack_ok, reply_due, reply_ok, resolve_due, resolve_ok, closed, close_seconds";
    /**
     * Settled: closed and every deadline passed, so none of the complaint's figures depends on {@code :now} any
     * more (FIGURES use it only for a step not done whose deadline has passed).
     */
    static final String SETTLED = "c.closed_at is not null and c.acknowledge_due_at < :now and c.reply_due_at < :now"
            + " and c.resolve_due_at < :now";

    private StatsSql() {
    }

    /** The coalesced key of a grouping the rollup keeps (dim CATEGORY, SEVERITY, CAUSE, PRODUCT). */
    static String key(StatsGroup dim) {
        return switch (dim) {
            case CATEGORY -> "coalesce(c.category, '-')";
            case SEVERITY -> "coalesce(c.severity, '-')";
            case CAUSE -> "coalesce(c.cause_category, '-')";
            case PRODUCT -> "coalesce(c.product, '-')";
            default -> throw new IllegalArgumentException("not a rolled-up grouping: " + dim);
        };
    }

    /** The month of receipt in the company's zone as 2026-03 (of a timestamp with time zone or, zone null, a date). */
    static String month(String column, ZoneId zone) {
        String local = zone == null ? column : column + " at time zone '" + zone.getId() + "'";
        return "cast(extract(year from " + local + ") as varchar(4)) || '-' || lpad(cast(extract(month from " + local
                + ") as varchar(2)), 2, '0')";
    }
}
