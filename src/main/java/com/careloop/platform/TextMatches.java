package com.careloop.platform;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan of a list's text search, made independent of the planner's estimate (the property register, the samples,
 * the inspection findings). A selective fragment (钢印-77:
 * ~1,000 of 500,000 items) is cheapest as "collect the matches through the trigram indexes, sort those"; a common one
 * (模具: a third of the register) as "walk the sort index and filter until the page is full". PostgreSQL chooses
 * between the two from a LIKE estimate that ANALYZE's sample makes vary by a factor of five, and its wrong choice read
 * 424,001 rows for 50 (2.7 s). So the register first takes the ids of the matches without any order, at most
 * {@link #CAP} + 1 of them: when there are at most {@link #CAP}, the page is taken from exactly those rows (an id list:
 * primary-key probes and a sort of a few thousand rows at most); when there are more, the fragment is common and the
 * page query keeps its text condition and walks the sort index, which finds a page of matches at once.
 */
public final class TextMatches {

    /** The most matches sorted in memory of the database instead of walking the sort index. */
    public static final int CAP = 5000;

    private TextMatches() {
    }

    /**
     * The ids {@code idQuery} selects (no order; its parameters in {@code params}) when there are at most {@link #CAP};
     * null when there are more (then the caller filters as before).
     */
    public static List<Long> few(JdbcClient jdbc, String idQuery, Map<String, Object> params) {
        List<Long> ids = jdbc.sql(idQuery + " limit " + (CAP + 1)).params(params).query(Long.class).list();
        return ids.size() > CAP ? null : ids;
    }

    /**
     * Restricts a page query to the text matches: {@code idColumn in (the few ids)}, or, for a common fragment, its
     * {@code textCondition} (with {@code textParams}). False when nothing matches: the page is empty.
     */
    public static boolean restrict(JdbcClient jdbc, String idQuery, String textCondition, Map<String, Object> textParams,
                            String idColumn, StringBuilder where, Map<String, Object> params) {
        List<Long> ids = few(jdbc, idQuery, textParams);
        if (ids == null) {
            where.append(" and ").append(textCondition);
            params.putAll(textParams);
            return true;
        }
        if (ids.isEmpty()) {
            return false;
        }
        String name = "matches" + params.size(); // two restrictions (text and location) on one query
        where.append(" and ").append(idColumn).append(" in (:").append(name).append(")");
        params.put(name, ids);
        return true;
    }

    /** How many of the newest rows {@link #commonAmongNewest} looks at. */
    public static final int NEWEST = 2000;

    /**
     * Whether a fragment is common: at least {@code page} of the {@link #NEWEST} newest rows ({@code newestRows}: a query
     * of those rows' columns, newest first, without limit) satisfy {@code condition} (on alias {@code x}). Reads at
     * most {@link #NEWEST} rows through the primary key and stops at the {@code page}-th match, so the answer costs
     * little either way. A common fragment is best served by walking the sort index and stopping at a full page, a
     * rare one by collecting its matches ({@link #restrict}); no ANALYZE estimate is involved.
     */
    public static boolean commonAmongNewest(JdbcClient jdbc, String newestRows, String condition, Map<String, Object> params,
                                     int page) {
        long found = jdbc.sql("select count(*) from (select 1 from (" + newestRows + " limit " + NEWEST + ") x where "
                + condition + " limit " + page + ") y").params(params).query(Long.class).single();
        return found >= page;
    }
}
