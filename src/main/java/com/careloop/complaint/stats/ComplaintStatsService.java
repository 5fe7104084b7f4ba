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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint statistics within the reader's data scope (as the complaint list): one SQL aggregate for the
 * period's total and one per grouping, portable between H2 and PostgreSQL. A deadline counts for the on-time
 * rates once it is decided: the step was done (on time or late) or its deadline has passed undone (late).
 */
@Service
@Transactional(readOnly = true)
public class ComplaintStatsService {

    /** The repeat-complaint target of the management review: no repeat complaints. */
    public static final double REPEAT_TARGET = 0.0;
    static final int TOP_CUSTOMERS = 10;

    private static final String DAYS = "(extract(epoch from c.closed_at) - extract(epoch from c.received_at)) / 86400.0";
    private static final String FIGURES = """
             count(*) n,
             sum(case when c.severity = 'MAJOR' then 1 else 0 end) major,
             sum(case when c.repeat_of_id is not null then 1 else 0 end) repeats,
             sum(case when c.acknowledged_at is not null or c.acknowledge_due_at < :now then 1 else 0 end) ack_due,
             sum(case when c.acknowledged_at <= c.acknowledge_due_at then 1 else 0 end) ack_ok,
             sum(case when c.first_action_at is not null or c.reply_due_at < :now then 1 else 0 end) reply_due,
             sum(case when c.first_action_at <= c.reply_due_at then 1 else 0 end) reply_ok,
             sum(case when c.closed_at is not null or c.resolve_due_at < :now then 1 else 0 end) resolve_due,
             sum(case when c.closed_at <= c.resolve_due_at then 1 else 0 end) resolve_ok,
             sum(case when c.closed_at is not null then 1 else 0 end) closed,
             avg(case when c.closed_at is not null then\s""" + DAYS + """
             \s end) avg_days,
             percentile_cont(0.9) within group (order by case when c.closed_at is not null then\s""" + DAYS + " end) p90_days";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final CustomerCounts counts;
    private final ZoneId zone;
    private final Clock clock;

    ComplaintStatsService(JdbcClient jdbc, CurrentUsers users, CustomerCounts counts, CareLoopProperties properties,
                          Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.counts = counts;
        this.zone = properties.zone();
        this.clock = clock;
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
                        "快捷期间只能是 month、quarter、year / quick must be month, quarter or year");
            };
            return new LocalDate[] {start, today};
        }
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? (from == null ? today : start.plusYears(1).minusDays(1)) : to;
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "not-before-from", "结束日期不能早于开始日期 / to cannot be before from");
        }
        return new LocalDate[] {start, end};
    }

    /** The table grouped as asked, the period's total, the Pareto of causes and the per-1,000 rates. */
    public Statistics statistics(LocalDate from, LocalDate to, StatsGroup groupBy) {
        StatsGroup group = groupBy == null ? StatsGroup.CATEGORY : groupBy;
        Window w = window(from, to);
        GroupRow total = total(w);
        List<GroupRow> rows = group == StatsGroup.MONTH ? months(w, total.count()) : groups(w, group, total.count());
        List<ParetoRow> pareto = group == StatsGroup.CAUSE ? pareto(rows) : pareto(w);
        return new Statistics(from, to, group, total, rows, pareto, rates(total.count(), from, to));
    }

    /** The annual summary for the management review: the year's totals, by month, category, severity, cause, department. */
    public Annual annual(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "range", "年份须在 2000 至 2100 之间 / year must be 2000..2100");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Window w = window(from, to);
        GroupRow total = total(w);
        List<GroupRow> byCause = groups(w, StatsGroup.CAUSE, total.count());
        return new Annual(year, from, to, total, REPEAT_TARGET, months(w, total.count()),
                groups(w, StatsGroup.CATEGORY, total.count()), groups(w, StatsGroup.SEVERITY, total.count()),
                groups(w, StatsGroup.DEPARTMENT, total.count()), pareto(byCause), topCustomers(w),
                rates(total.count(), from, to));
    }

    // ---- queries -----------------------------------------------------------------------------

    /** The reader's scope and the period as instants (to exclusive), with the query parameters. */
    private record Window(String where, Map<String, Object> params) {
    }

    private Window window(LocalDate from, LocalDate to) {
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.received_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        params.put("now", Timestamp.from(Instant.now(clock)));
        return new Window(" where " + scope.sql() + " and c.received_at >= :from and c.received_at < :to", params);
    }

    private GroupRow total(Window w) {
        return jdbc.sql("select cast(null as varchar(10)) k," + FIGURES + " from complaint c" + w.where())
                .params(w.params()).query((rs, n) -> row(rs, null)).single();
    }

    private List<GroupRow> groups(Window w, StatsGroup group, long total) {
        String key = switch (group) {
            case CATEGORY -> "coalesce(c.category, '-')";
            case SEVERITY -> "coalesce(c.severity, '-')";
            case CAUSE -> "coalesce(c.cause_category, '-')";
            case DEPARTMENT -> "coalesce(d.name, '-')";
            case PRODUCT -> "coalesce(c.product, '-')";
            case MONTH -> month();
        };
        String join = group == StatsGroup.DEPARTMENT ? " left join department d on d.id = c.department_id" : "";
        return jdbc.sql("select " + key + " k," + FIGURES + " from complaint c" + join + w.where() + " group by " + key
                        + " order by count(*) desc, " + key)
                .params(w.params()).query((rs, n) -> row(rs, total)).list();
    }

    /** Every month of the period, months without complaints as zero rows, oldest first. */
    private List<GroupRow> months(Window w, long total) {
        Map<String, GroupRow> found = groups(w, StatsGroup.MONTH, total).stream()
                .collect(Collectors.toMap(GroupRow::key, Function.identity()));
        Timestamp from = (Timestamp) w.params().get("from");
        Timestamp to = (Timestamp) w.params().get("to");
        YearMonth first = YearMonth.from(from.toInstant().atZone(zone));
        YearMonth last = YearMonth.from(to.toInstant().minusMillis(1).atZone(zone));
        List<GroupRow> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            rows.add(found.getOrDefault(key, new GroupRow(key, 0, total == 0 ? null : 0.0, 0, 0, null, null, null, null,
                    0, null, null)));
        }
        return rows;
    }

    /** The month of receipt in the company's zone as 2026-03. */
    private String month() {
        String local = "c.received_at at time zone '" + zone.getId() + "'";
        return "cast(extract(year from " + local + ") as varchar(4)) || '-' || lpad(cast(extract(month from " + local
                + ") as varchar(2)), 2, '0')";
    }

    private List<ParetoRow> pareto(Window w) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select c.cause_category, count(*) from complaint c" + w.where()
                        + " and c.cause_category is not null group by c.cause_category")
                .params(w.params()).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return StatsMath.pareto(counts);
    }

    private static List<ParetoRow> pareto(List<GroupRow> byCause) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byCause.stream().filter(r -> !"-".equals(r.key())).forEach(r -> counts.put(r.key(), r.count()));
        return StatsMath.pareto(counts);
    }

    private List<TopCustomer> topCustomers(Window w) {
        return jdbc.sql("select c.customer_id, max(c.customer_name), max(c.customer_code), count(*),"
                        + " sum(case when c.repeat_of_id is not null then 1 else 0 end) from complaint c" + w.where()
                        + " group by c.customer_id order by count(*) desc, c.customer_id limit " + TOP_CUSTOMERS)
                .params(w.params()).query((rs, n) -> new TopCustomer(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5))).list();
    }

    private Rates rates(long complaints, LocalDate from, LocalDate to) {
        long customers = counts.activeCustomers();
        long orders = counts.purchasesBetween(from, to);
        return new Rates(complaints, customers, StatsMath.perThousand(complaints, customers), orders,
                StatsMath.perThousand(complaints, orders));
    }

    /** One row of figures; {@code total} null = this is the total (its share is 100 %). */
    private static GroupRow row(ResultSet rs, Long total) throws SQLException {
        long count = rs.getLong("n");
        long repeats = rs.getLong("repeats");
        return new GroupRow(rs.getString("k"), count, StatsMath.share(count, total == null ? count : total),
                rs.getLong("major"), repeats, StatsMath.share(repeats, count),
                StatsMath.share(rs.getLong("ack_ok"), rs.getLong("ack_due")),
                StatsMath.share(rs.getLong("reply_ok"), rs.getLong("reply_due")),
                StatsMath.share(rs.getLong("resolve_ok"), rs.getLong("resolve_due")), rs.getLong("closed"),
                number(rs, "avg_days"), number(rs, "p90_days"));
    }

    /** A nullable floating-point figure: PostgreSQL gives numeric, H2 double. */
    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
