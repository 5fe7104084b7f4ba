package com.careloop.support;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a statement costs PostgreSQL, counted rather than timed (deterministic evidence for the plan tests): the
 * shared buffers of {@code explain (analyze, buffers)}; the rows a transaction has read are {@link RowsRead}.
 */
public final class PlanCosts {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

    private PlanCosts() {
    }

    /** The plan of {@code sql} run with {@code params}, one text. */
    public static String plan(JdbcClient jdbc, String sql, Map<String, Object> params) {
        List<String> lines = jdbc.sql("explain (analyze, buffers, costs off, timing off) " + sql).params(params)
                .query(String.class).list();
        return String.join("\n", lines);
    }

    /** The shared buffers (hit + read) of the plan's top node: every page the statement touched. */
    public static long buffers(String plan) {
        Matcher m = BUFFERS.matcher(plan);
        if (!m.find()) {
            return 0; // nothing read at all
        }
        return (m.group(1) == null ? 0 : Long.parseLong(m.group(1))) + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }
}
