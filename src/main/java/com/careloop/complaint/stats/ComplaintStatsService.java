package com.careloop.complaint.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.GroupRow;
import com.careloop.complaint.stats.StatsViews.ParetoRow;
import com.careloop.complaint.stats.StatsViews.Rates;
import com.careloop.complaint.stats.StatsViews.Statistics;
import com.careloop.complaint.stats.StatsViews.TopCustomer;
import com.careloop.customer.CustomerCounts;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Databases;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint statistics within the reader's data scope (as the complaint list): one SQL aggregate for the
 * period's total and one per grouping, portable between H2 and PostgreSQL. A deadline counts for the on-time
 * rates once it is decided: the step was done (on time or late) or its deadline has passed undone (late).
 * The settled complaints of whole months come from the rollup ({@link ComplaintStatsRollup}), the rest from the
 * complaint rows, added in each query; REPEATABLE READ so that a rollup committing between two queries of one
 * request cannot count a complaint twice or not at all.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ComplaintStatsService {

    /** The repeat-complaint target of the management review: no repeat complaints. */
    public static final double REPEAT_TARGET = 0.0;
    static final int TOP_CUSTOMERS = 10;
    static final String WORK_MEM = "64MB";
    static final double SECONDS_PER_DAY = 86_400.0;

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final CustomerCounts counts;
    private final ZoneId zone;
    private final Clock clock;
    private final boolean postgres;

    ComplaintStatsService(JdbcClient jdbc, CurrentUsers users, CustomerCounts counts, CareLoopProperties properties,
                          Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
        this.users = users;
        this.counts = counts;
        this.zone = properties.zone();
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The company's today (the period defaults are relative to it). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The period of a request: a quick period ({@code month}, {@code quarter}, {@code year}: the current one up to
     * today) or from/to (both included, default: this year up to today).
     */
    public LocalDate[] period(LocalDate from, LocalDate to, String quick) {
        LocalDate today = today();
        if (quick != null && !quick.isBlank()) {
            LocalDate start = switch (quick) {
                case "month" -> today.withDayOfMonth(1);
                case "quarter" -> LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
                case "year" -> today.withDayOfYear(1);
                default -> throw new InvalidInputException("quick", "one-of",
                        Text.of("error.complaint.quick-month-quarter-year"));
            };
            return new LocalDate[] {start, today};
        }
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? (from == null ? today : start.plusYears(1).minusDays(1)) : to;
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "not-before-from", Text.of("error.complaint.cannot-before-from"));
        }
        return new LocalDate[] {start, end};
    }

    /** The statistics of a request's period (see {@link #period}). */
    public Statistics statistics(LocalDate from, LocalDate to, String quick, StatsGroup groupBy) {
        LocalDate[] p = period(from, to, quick);
        return statistics(p[0], p[1], groupBy);
    }

    /** The annual summary of a year, this year if none is given. */
    public Annual annual(Integer year) {
        return annual(year == null ? today().getYear() : year.intValue());
    }

    /** The table grouped as asked, the period's total, the Pareto of causes and the per-1,000 rates. */
    public Statistics statistics(LocalDate from, LocalDate to, StatsGroup groupBy) {
        return statistics(from, to, groupBy, users.require().scope());
    }

    /** The statistics of a period within a data scope (the reader's, or the company's for a scheduled report). */
    Statistics statistics(LocalDate from, LocalDate to, StatsGroup groupBy, DataScope scope) {
        StatsGroup group = groupBy == null ? StatsGroup.CATEGORY : groupBy;
        Window w = window(from, to, scope);
        // the Pareto is the CAUSE grouping's (causes given), in the same statement
        Map<StatsGroup, Figures> both = figures(w, group == StatsGroup.CAUSE ? List.of(group)
                : List.of(group, StatsGroup.CAUSE), group);
        Figures figures = both.get(group);
        List<Sums> sums = figures.sums();
        Map<String, Map<Long, Long>> closeTimes = figures.hours();
        Sums all = Sums.total(sums);
        Map<Long, Long> allTimes = new TreeMap<>();
        closeTimes.values().forEach(h -> h.forEach((m, n) -> allTimes.merge(m, n, Long::sum)));
        GroupRow total = all.row(all.n, allTimes);
        List<GroupRow> rows = new ArrayList<>();
        for (Sums g : group == StatsGroup.MONTH ? months(w, sums) : sums) {
            rows.add(g.row(all.n, closeTimes.getOrDefault(g.key, Map.of())));
        }
        List<ParetoRow> pareto = group == StatsGroup.CAUSE ? pareto(rows)
                : pareto(rows(both.get(StatsGroup.CAUSE).sums(), all.n));
        return new Statistics(from, to, group, total, rows, pareto, rates(total.count(), from, to));
    }

    /**
     * The annual summary for the management review: the year's totals, by month, category, severity, cause,
     * department. The p90 days to close is the year's (the groups' p90 is on the statistics page).
     */
    public Annual annual(int year) {
        return annual(year, users.require().scope());
    }

    /** The annual summary within a data scope. */
    Annual annual(int year, DataScope scope) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "range", Text.of("error.complaint.year-2000-2100"));
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Window w = window(from, to, scope);
        Map<StatsGroup, Figures> figures = figures(w, List.of(StatsGroup.MONTH, StatsGroup.CAUSE, StatsGroup.CATEGORY,
                StatsGroup.SEVERITY, StatsGroup.DEPARTMENT), StatsGroup.MONTH);
        Figures months = figures.get(StatsGroup.MONTH);
        List<Sums> byMonth = months(w, months.sums());
        Sums all = Sums.total(byMonth);
        Map<Long, Long> allTimes = new TreeMap<>();
        months.hours().values().forEach(h -> h.forEach((m, n) -> allTimes.merge(m, n, Long::sum)));
        GroupRow total = all.row(all.n, allTimes);
        List<GroupRow> byCause = rows(figures.get(StatsGroup.CAUSE).sums(), all.n);
        return new Annual(year, from, to, total, REPEAT_TARGET, rows(byMonth, all.n),
                rows(figures.get(StatsGroup.CATEGORY).sums(), all.n), rows(figures.get(StatsGroup.SEVERITY).sums(), all.n),
                rows(figures.get(StatsGroup.DEPARTMENT).sums(), all.n), pareto(byCause), topCustomers(w, year),
                rates(total.count(), from, to));
    }

    /** The additive figures of a period's total and of each grouping asked for (largest group first). */
    record Breakdown(Sums total, Map<StatsGroup, List<Sums>> groups) {

        /** The Pareto of causes (the CAUSE grouping must have been asked for), as on the statistics page. */
        List<ParetoRow> pareto() {
            return ComplaintStatsService.pareto(rows(groups.get(StatsGroup.CAUSE), total.n));
        }
    }

    /**
     * The figures the report sources read, from the same statement as {@link #statistics} (rollup and live rows),
     * so they equal the statistics page's for the same period and scope; {@code groups} none of MONTH.
     */
    Breakdown breakdown(LocalDate from, LocalDate to, DataScope scope, List<StatsGroup> groups) {
        Map<StatsGroup, Figures> figures = figures(window(from, to, scope), groups, null);
        Map<StatsGroup, List<Sums>> sums = new LinkedHashMap<>();
        groups.forEach(g -> sums.put(g, figures.get(g).sums()));
        return new Breakdown(Sums.total(sums.get(groups.get(0))), sums);
    }

    private static List<GroupRow> rows(List<Sums> sums, long total) {
        return sums.stream().map(g -> g.row(total, null)).toList();
    }

    // ---- queries -----------------------------------------------------------------------------

    /**
     * The reader's scope and the period (to exclusive) with the query parameters: {@code scope} the reader's
     * condition on the complaint rows (see {@link #live}), {@code rolled} the rollup rows of the whole months,
     * {@code period} every complaint of the period.
     */
    private record Window(String scope, String rolled, String rolledScope, String period, Map<String, Object> params) {
    }

    private Window window(LocalDate from, LocalDate to, DataScope dataScope) {
        if (postgres) {
            // the hash aggregates (hours to close per group) stay in memory, not in temporary files (this transaction only)
            jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
            // planned for this period's dates: after five calls the driver's prepared statement may switch to a
            // generic plan, which read the statistics of three years at ten million requests in 560 ms instead of 80
            com.careloop.platform.SearchPlanning.customPlans(jdbc, true);
        }
        var scope = dataScope.condition("c.department_id", "c.received_by");
        var rolledScope = dataScope.condition("s.department_id", "s.received_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.putAll(rolledScope.params());
        LocalDate end = to.plusDays(1);
        LocalDate[] span = StatsMath.rolledSpan(from, to, today());
        params.put("from", instant(from));
        params.put("to", instant(end));
        params.put("rollFrom", instant(span[0]));
        params.put("rollTo", instant(span[1]));
        params.put("rollFromDay", java.sql.Date.valueOf(span[0]));
        params.put("rollToDay", java.sql.Date.valueOf(span[1]));
        params.put("now", Timestamp.from(Instant.now(clock)));
        return new Window(scope.sql(), " where " + rolledScope.sql()
                + " and s.stats_month >= :rollFromDay and s.stats_month < :rollToDay", rolledScope.sql(),
                " where " + scope.sql() + " and c.received_at >= :from and c.received_at < :to", params);
    }

    /** The columns the live figures read (all in ix_complaint_stats and ix_complaint_open but the product). */
    private static final String LIVE_COLUMNS = "c.received_at, c.category, c.severity, c.cause_category, c.department_id,"
            + " c.repeat_of_id, c.received_by, c.customer_id, c.acknowledged_at, c.acknowledge_due_at, c.first_action_at,"
            + " c.reply_due_at, c.closed_at, c.resolve_due_at";
    /** The rolled-up months' range. */
    private static final String SPAN = " and c.received_at >= :rollFrom and c.received_at < :rollTo";

    /**
     * The complaints counted from their rows, as table {@code c} with its sign {@code c.sgn} (and {@code d}, the
     * department, for DEPARTMENT), followed by " where 1=1". The rolled-up months [rollFrom, rollTo) are counted
     * from the rollup; added to them: the period's complaints before and after them, the complaints not in the
     * rollup inside them; taken off (sign -1): every complaint of the rolled-up months outside the period (a partial
     * month read from the rollup, see {@link StatsMath#rolledSpan}) — they are rolled up or counted as not rolled up
     * above. Not in the rollup ({@link ComplaintStatsRollup}): every open complaint (one in the rollup is settled,
     * and none is opened again), the closed ones after the rollup's last id, and the closed pending ones (the
     * pending list less the open complaints, so that only those rows are read). Seven ranges in UNION ALL; on
     * PostgreSQL index-only scans of ix_complaint_stats (V27) for the ranges of every complaint and of the partial
     * ix_complaint_open (V195) for the open ones, the few closed ones not rolled up by their primary key.
     */
    private static String live(Window w, StatsGroup group) {
        String columns = LIVE_COLUMNS + (group == StatsGroup.PRODUCT ? ", c.product" : "");
        String plus = "select 1 sgn, " + columns + " from complaint c where " + w.scope() + " and ";
        String minus = "select -1 sgn, " + columns + " from complaint c where " + w.scope() + " and ";
        return " from (" + plus + "c.received_at >= :from and c.received_at < :rollFrom"
                + " union all " + plus + "c.received_at >= :rollTo and c.received_at < :to"
                + " union all " + plus + "c.closed_at is null" + SPAN
                + " union all " + plus + "c.closed_at is not null and c.id > (select s.last_id from complaint_stats_state s"
                + " where s.id = 1)" + SPAN
                + " union all " + plus + "c.closed_at is not null and c.id in (select p.complaint_id"
                + " from complaint_stats_pending p where p.received_at >= :rollFrom and p.received_at < :rollTo"
                + " and p.complaint_id not in (select o.id from complaint o where o.closed_at is null"
                + " and o.received_at >= :rollFrom and o.received_at < :rollTo))" + SPAN
                + " union all " + minus + "c.received_at >= :rollFrom and c.received_at < :from"
                + " union all " + minus + "c.received_at >= :to and c.received_at < :rollTo) c"
                + (group == StatsGroup.DEPARTMENT ? " left join org_department d on d.id = c.department_id" : "") + " where 1=1";
    }

    private Timestamp instant(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** The group's key over the complaint rows {@code c}. */
    private String key(StatsGroup group) {
        if (group == null) {
            return "cast(null as varchar(10))";
        }
        return switch (group) {
            case DEPARTMENT -> "coalesce(d.name, '-')";
            case MONTH -> StatsSql.month("c.received_at", zone);
            default -> StatsSql.key(group);
        };
    }

    /** The group's key over the rollup rows {@code s}. */
    private static String rolledKey(StatsGroup group) {
        if (group == null) {
            return "cast(null as varchar(10))";
        }
        return switch (group) {
            case DEPARTMENT -> "coalesce(d.name, '-')";
            case MONTH -> StatsSql.month("s.stats_month", null);
            default -> "s.k";
        };
    }

    /** The rollup rows a grouping reads: its own, or the SEVERITY rows (each complaint once) for the others. */
    private static String dim(StatsGroup group) {
        StatsGroup dim = group != null && ComplaintStatsRollup.DIMS.contains(group) ? group : StatsGroup.SEVERITY;
        return " and s.dim = '" + dim + "'";
    }

    /** The rollup table {@code table} as {@code s}, with the department for DEPARTMENT. */
    private static String rolledFrom(String table, StatsGroup group) {
        return " from " + table + " s"
                + (group == StatsGroup.DEPARTMENT ? " left join org_department d on d.id = s.department_id" : "");
    }

    /** The additive figures per group, largest group first, and (if asked) the hours to close per group. */
    private record Figures(List<Sums> sums, Map<String, Map<Long, Long>> hours) {
    }

    /**
     * The figures of several groupings in one statement over one read of the live rows (a CTE of each row's
     * signed figures, summed per grouping), each grouping's live groups and rolled-up months added. A grouping in
     * {@code withHours} is grouped by whole hours to close as well, and the rollup's histogram rows join in: hours
     * to close -> how many closed complaints, per group (a hash aggregate is much cheaper than a percentile's sort
     * of every row, and whole hours are what the rollup keeps: the p90 is exact to the hour). The group's figures
     * are summed by the database (window over the grouping and key), exactly as one group-by would.
     */
    private Map<StatsGroup, Figures> figures(Window w, List<StatsGroup> groups, StatsGroup withHours) {
        String none = "cast(null as bigint)";
        String product = groups.contains(StatsGroup.PRODUCT) ? ", c.product" : "";
        StringBuilder sql = new StringBuilder("with live as (select c.received_at, c.category, c.severity,"
                + " c.cause_category, c.department_id" + product + ", " + StatsSql.HOURS + " h,"
                + StatsSql.values("c.sgn") + ", case when c.closed_at is not null then c.sgn else 0 end hn"
                + live(w, group(groups)) + ") select g, k, h, sum(hn) hn");
        for (String f : StatsSql.FIGURE_COLUMNS.split(", ")) {
            sql.append(", sum(sum(").append(f).append(")) over (partition by g, k) ").append(f);
        }
        sql.append(" from (");
        String sums = Arrays.stream(StatsSql.FIGURE_COLUMNS.split(", ")).map(f -> "sum(c." + f + ") " + f)
                .collect(Collectors.joining(", "));
        for (int i = 0; i < groups.size(); i++) {
            StatsGroup group = groups.get(i);
            boolean hours = group == withHours;
            String g = "'" + group + "' g, ";
            String key = key(group);
            sql.append(i == 0 ? "" : " union all ").append("select ").append(g).append(key).append(" k, ")
                    .append(hours ? "c.h" : none).append(" h, ").append(sums).append(", sum(c.hn) hn from live c")
                    .append(group == StatsGroup.DEPARTMENT ? " left join org_department d on d.id = c.department_id" : "")
                    .append(" group by ").append(key).append(hours ? ", c.h" : "");
            sql.append(" union all select ").append(g).append(rolledKey(group)).append(" k, ").append(none)
                    .append(" h, s.").append(StatsSql.FIGURE_COLUMNS.replace(", ", ", s.")).append(", 0 hn")
                    .append(rolledFrom("complaint_stats_month", group)).append(w.rolled()).append(dim(group));
            if (hours) {
                sql.append(" union all select ").append(g).append(rolledKey(group)).append(" k, s.hours h, ")
                        .append(StatsSql.FIGURE_COLUMNS.replaceAll("[a-z_]+", "0")).append(", s.n hn")
                        .append(rolledFrom("complaint_stats_close", group)).append(w.rolled()).append(dim(group));
            }
        }
        sql.append(") x group by g, k, h order by g, n desc, k, h");
        Map<StatsGroup, Map<String, Sums>> sumsOf = new HashMap<>();
        Map<StatsGroup, Map<String, Map<Long, Long>>> hoursOf = new HashMap<>();
        jdbc.sql(sql.toString()).params(w.params()).query(rs -> {
            StatsGroup group = StatsGroup.valueOf(rs.getString("g"));
            String k = rs.getString("k");
            if (rs.getLong("n") == 0) {
                return; // only complaints taken off (outside the period): not a group of the period
            }
            sumsOf.computeIfAbsent(group, x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> sums(rs));
            long h = rs.getLong("h");
            if (!rs.wasNull() && rs.getLong("hn") > 0) {
                hoursOf.computeIfAbsent(group, x -> new HashMap<>()).computeIfAbsent(k, x -> new TreeMap<>())
                        .merge(h, rs.getLong("hn"), Long::sum);
            }
        });
        Map<StatsGroup, Figures> figures = new HashMap<>();
        for (StatsGroup group : groups) {
            figures.put(group, new Figures(List.copyOf(sumsOf.getOrDefault(group, Map.of()).values()),
                    hoursOf.getOrDefault(group, Map.of())));
        }
        return figures;
    }

    /** The live rows of a set of groupings need the department joined or the product read if one of them does. */
    private static StatsGroup group(List<StatsGroup> groups) {
        return groups.contains(StatsGroup.PRODUCT) ? StatsGroup.PRODUCT : null;
    }

    private static Sums sums(ResultSet rs) {
        try {
            return new Sums(rs.getString("k"), rs.getLong("n"), rs.getLong("major"), rs.getLong("repeats"),
                    rs.getLong("ack_due"), rs.getLong("ack_ok"), rs.getLong("reply_due"), rs.getLong("reply_ok"),
                    rs.getLong("resolve_due"), rs.getLong("resolve_ok"), rs.getLong("closed"), rs.getDouble("close_seconds"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every month of the period, months without complaints as zero rows, oldest first. */
    private List<Sums> months(Window w, List<Sums> found) {
        Map<String, Sums> byKey = found.stream().collect(Collectors.toMap(g -> g.key, Function.identity()));
        Timestamp from = (Timestamp) w.params().get("from");
        Timestamp to = (Timestamp) w.params().get("to");
        YearMonth first = YearMonth.from(from.toInstant().atZone(zone));
        YearMonth last = YearMonth.from(to.toInstant().minusMillis(1).atZone(zone));
        List<Sums> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            rows.add(byKey.getOrDefault(key, new Sums(key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return rows;
    }

    private static List<ParetoRow> pareto(List<GroupRow> byCause) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byCause.stream().filter(r -> !"-".equals(r.key())).forEach(r -> counts.put(r.key(), r.count()));
        return StatsMath.pareto(counts);
    }

    /**
     * The year's customers with the most complaints: the live ones and the year's rollup added (the window is the
     * whole year, so its months are all whole); names and codes from the winners' complaint rows.
     */
    private List<TopCustomer> topCustomers(Window w, int year) {
        Map<String, Object> params = new LinkedHashMap<>(w.params());
        params.put("year", year);
        record Count(long customerId, long n, long repeats) {
        }
        // one hash aggregate over the live rows and the year's rows (grouping the live rows first was a third slower)
        List<Count> top = jdbc.sql("select customer_id, sum(n) n, sum(repeats) repeats from (select c.customer_id,"
                        + " c.sgn n, case when c.repeat_of_id is not null then c.sgn else 0 end repeats"
                        + live(w, null) + " union all select s.customer_id, s.n, s.repeats"
                        + " from complaint_stats_customer s where " + w.rolledScope() + " and s.stats_year = :year) x"
                        + " group by customer_id having sum(n) > 0 order by sum(n) desc, customer_id limit " + TOP_CUSTOMERS)
                .params(params).query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        if (top.isEmpty()) {
            return List.of();
        }
        params.put("winners", top.stream().map(Count::customerId).toList());
        Map<Long, String[]> names = new HashMap<>();
        jdbc.sql("select c.customer_id, max(c.customer_name), max(c.customer_code) from complaint c" + w.period()
                        + " and c.customer_id in (:winners) group by c.customer_id")
                .params(params).query(rs -> {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return top.stream().map(t -> new TopCustomer(t.customerId(), names.get(t.customerId())[0],
                names.get(t.customerId())[1], t.n(), t.repeats())).toList();
    }

    private Rates rates(long complaints, LocalDate from, LocalDate to) {
        long customers = counts.activeCustomers();
        long orders = counts.purchasesBetween(from, to);
        return new Rates(complaints, customers, StatsMath.perThousand(complaints, customers), orders,
                StatsMath.perThousand(complaints, orders));
    }

    /** The additive figures of one group (or the total: key null), and its row of the table. */
    record Sums(String key, long n, long major, long repeats, long ackDue, long ackOk, long replyDue, long replyOk,
                long resolveDue, long resolveOk, long closed, double closeSeconds) {

        static Sums total(List<Sums> groups) {
            Sums t = new Sums(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            for (Sums g : groups) {
                t = new Sums(null, t.n + g.n, t.major + g.major, t.repeats + g.repeats, t.ackDue + g.ackDue,
                        t.ackOk + g.ackOk, t.replyDue + g.replyDue, t.replyOk + g.replyOk, t.resolveDue + g.resolveDue,
                        t.resolveOk + g.resolveOk, t.closed + g.closed, t.closeSeconds + g.closeSeconds);
            }
            return t;
        }

        /** The row: share of {@code total}; p90 from the hours to close ({@code null}: not worked out). */
        GroupRow row(long total, Map<Long, Long> closeHours) {
            return new GroupRow(key, n, StatsMath.share(n, total), major, repeats, StatsMath.share(repeats, n),
                    StatsMath.share(ackOk, ackDue), StatsMath.share(replyOk, replyDue),
                    StatsMath.share(resolveOk, resolveDue), closed,
                    closed == 0 ? null : closeSeconds / closed / SECONDS_PER_DAY,
                    closeHours == null ? null : StatsMath.p90Days(closeHours));
        }
    }
}
