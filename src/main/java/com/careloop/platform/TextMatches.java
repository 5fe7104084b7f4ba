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

    /**
     * A keyword written like a whole record number ({@code GCB2026-012345}: letters, digits and '-', with a letter and
     * a digit): every number of a register shares its prefix and year, so their trigrams are in every row and the
     * trigram indexes would read posting lists as long as the register for one match. Such a keyword is first looked up
     * by equality on the number's unique index ({@code table.code}, as typed and in capitals).
     */
    public static boolean looksLikeNumber(String q) {
        return q.length() >= 6 && q.length() <= 30 && q.chars().allMatch(ch -> ch == '-' || (ch >= '0' && ch <= '9')
                || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
                && q.chars().anyMatch(Character::isDigit) && q.chars().anyMatch(Character::isLetter);
    }

    /**
     * The id of the record whose number is exactly {@code q} (a keyword {@link #looksLikeNumber}), through the unique
     * index of {@code table.code}; null when the keyword is no whole number of that register (then the text search).
     * The registers of property, samples, service requests and complaints ask it first: a number whose digits are
     * mostly zero padding ({@code TM005000000}) read ~9,000 pages of trigram posting lists at ten million requests.
     */
    public static Long byNumber(JdbcClient jdbc, String table, String q) {
        String typed = q.trim();
        if (!looksLikeNumber(typed)) {
            return null;
        }
        return jdbc.sql("select t.id from " + table + " t where t.code in (:typed, :upper)")
                .param("typed", typed).param("upper", typed.toUpperCase(java.util.Locale.ROOT))
                .query(Long.class).optional().orElse(null);
    }

    /** How many distinct values {@link #distinctMatching} walks at most. */
    static final int DISTINCT_CAP = 2000;

    /**
     * The distinct lower-cased values of {@code column} of {@code table} that are {@code like} the pattern,
     * read by a skip scan of the B-tree index on {@code lower(column)} (one probe per distinct value: a register has a few dozen
     * storage locations for hundreds of thousands of items); null when there are more than {@link #DISTINCT_CAP}
     * distinct values (then the caller searches as before). Exact, unlike the trigram index, which cannot tell
     * {@code a-05} from every location holding "05" (a single letter has no trigram of its own) and rechecked
     * 55,556 rows to find none (PropertyBench).
     */
    public static List<String> distinctMatching(JdbcClient jdbc, String table, String column, String like) {
        List<Map.Entry<String, Integer>> rows = jdbc.sql("with recursive d (v, n) as (select min(lower(t." + column
                        + ")), 1 from " + table + " t union all select (select min(lower(c." + column + ")) from " + table
                        + " c where lower(c." + column + ") > d.v), d.n + 1 from d where d.v is not null and d.n <= "
                        + DISTINCT_CAP + ") select v, n from d where v is not null and (v like :like or n > "
                        + DISTINCT_CAP + ")")
                .param("like", like).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        if (rows.stream().anyMatch(r -> r.getValue() > DISTINCT_CAP)) {
            return null;
        }
        return rows.stream().map(Map.Entry::getKey).toList();
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
