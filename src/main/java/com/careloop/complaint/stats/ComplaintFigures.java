package com.careloop.complaint.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.stats.ComplaintStatsService.Breakdown;
import com.careloop.complaint.stats.ComplaintStatsService.Sums;
import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.GroupRow;
import com.careloop.complaint.stats.StatsViews.ParetoRow;
import com.careloop.customer.CustomerCounts;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.Figure.Unit;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.FigureTable.Row;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceRequestCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The complaint module's figures for dashboards and reports (see docs/reporting-figures-quality.md). The period's
 * figures come from {@link ComplaintStatsService#breakdown} — the statistics page's own statement over the rollup
 * and the live rows — so they equal /complaints/statistics for the same period and scope; the annual tables are
 * the annual summary's. A customer's figures (CUSTOMER_MONTHLY) are counted from the complaint rows with the same
 * conditions ({@link StatsSql}), as the rollup keeps no customer per month.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class ComplaintFigures implements FigureSource {

    static final String LIST = "/complaints";
    /** The complaint rate per revenue is per this many yuan (per million). */
    static final BigDecimal REVENUE_UNIT = BigDecimal.valueOf(1_000_000);

    private final ComplaintStatsService stats;
    private final ServiceRequestCounts requests;
    private final CustomerCounts customers;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ComplaintFigures(ComplaintStatsService stats, ServiceRequestCounts requests, CustomerCounts customers,
                     JdbcClient jdbc, CareLoopProperties properties) {
        this.stats = stats;
        this.requests = requests;
        this.customers = customers;
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        ReportPeriod p = q.period();
        List<Figure> figures = new ArrayList<>();
        if (q.customerId() != null) {
            figures.addAll(headline(customerSums(q), q, null));
        } else {
            Sums total = stats.breakdown(p.first(), p.last(), q.scope(), List.of(StatsGroup.SEVERITY)).total();
            figures.addAll(headline(total, q, requests.registeredBetween(p.from(zone), p.to(zone), q.scope())));
            if (q.purpose() == Purpose.MANAGEMENT_REVIEW && p.kind() == ReportPeriod.Kind.YEAR) {
                BigDecimal revenue = customers.revenueOfYear(p.first().getYear());
                if (revenue != null && revenue.signum() > 0) {
                    figures.add(new Figure("complaint.ratePerRevenue", BigDecimal.valueOf(total.n()).multiply(REVENUE_UNIT)
                            .divide(revenue, 2, RoundingMode.HALF_UP), Unit.COUNT, Better.LOWER, total.n(), null,
                            list(q).build()));
                }
            }
        }
        if (q.purpose() == Purpose.WEEKLY || q.purpose() == Purpose.MANAGEMENT_REVIEW
                || q.purpose() == Purpose.CUSTOMER_MONTHLY) {
            figures.addAll(money(q));
        }
        return figures;
    }

    /** The figures of the period's complaints (rates against the requests when {@code requests} is given). */
    private List<Figure> headline(Sums s, FigureQuery q, Long requests) {
        List<Figure> f = new ArrayList<>();
        f.add(Figure.count("complaint.received", s.n(), Better.NONE, list(q).build()));
        f.add(Figure.count("complaint.closed", s.closed(), Better.NONE, list(q).with("status", "CLOSED").build()));
        f.add(Figure.count("complaint.acknowledgementOverdue", s.ackDue() - s.ackOk(), Better.LOWER,
                list(q).with("late", "ACKNOWLEDGE").build()));
        f.add(Figure.count("complaint.replyOverdue", s.replyDue() - s.replyOk(), Better.LOWER,
                list(q).with("late", "REPLY").build()));
        f.add(Figure.count("complaint.resolutionOverdue", s.resolveDue() - s.resolveOk(), Better.LOWER,
                list(q).with("late", "RESOLVE").build()));
        f.add(Figure.rate("complaint.onTimeAcknowledgementRate", s.ackOk(), s.ackDue(), Better.HIGHER,
                list(q).with("late", "ACKNOWLEDGE").build()));
        f.add(Figure.count("complaint.major", s.major(), Better.LOWER, list(q).with("severity", "MAJOR").build()));
        f.add(Figure.count("complaint.repeat", s.repeats(), Better.LOWER, list(q).with("repeat", "true").build()));
        f.add(Figure.rate("complaint.repeatRate", s.repeats(), s.n(), Better.LOWER,
                list(q).with("repeat", "true").build()));
        if (requests != null) {
            BigDecimal rate = requests == 0 ? null : BigDecimal.valueOf(s.n() * 1000)
                    .divide(BigDecimal.valueOf(requests), 2, RoundingMode.HALF_UP);
            f.add(new Figure("complaint.ratePerThousandRequests", rate, Unit.PER_MILLE, Better.LOWER, s.n(), requests,
                    list(q).build()));
        }
        return f;
    }

    @Override
    public List<FigureTable> tables(FigureQuery q) {
        if (q.customerId() != null) {
            return List.of();
        }
        ReportPeriod p = q.period();
        List<FigureTable> tables = new ArrayList<>();
        switch (q.purpose()) {
            case DASHBOARD -> tables.add(pareto(q, stats.breakdown(p.first(), p.last(), q.scope(),
                    List.of(StatsGroup.CAUSE)).pareto()));
            case WEEKLY, MANAGEMENT_REVIEW -> {
                Breakdown b = stats.breakdown(p.first(), p.last(), q.scope(),
                        List.of(StatsGroup.CATEGORY, StatsGroup.SEVERITY, StatsGroup.CAUSE));
                tables.add(groups("complaint.byCategory", q, b, StatsGroup.CATEGORY, "category",
                        "complaint.enum.ComplaintCategory"));
                tables.add(groups("complaint.bySeverity", q, b, StatsGroup.SEVERITY, "severity",
                        "complaint.enum.Severity"));
                tables.add(pareto(q, b.pareto()));
                if (q.purpose() == Purpose.MANAGEMENT_REVIEW && p.kind() == ReportPeriod.Kind.YEAR) {
                    tables.addAll(annual(q, stats.annual(p.first().getYear(), q.scope())));
                }
            }
            case MONTHLY_ASSESSMENT -> tables.add(aboutStaff(q));
            default -> {
            }
        }
        return tables;
    }

    // ---- tables ------------------------------------------------------------------------------

    private static final List<Text> COUNT_AND_SHARE = List.of(Text.of("figure.column.count"),
            Text.of("figure.column.share"));
    private static final List<Unit> COUNT_AND_PERCENT = List.of(Unit.COUNT, Unit.PERCENT);

    private FigureTable groups(String code, FigureQuery q, Breakdown b, StatsGroup group, String param, String labels) {
        List<Row> rows = new ArrayList<>();
        for (Sums s : b.groups().get(group)) {
            boolean unset = "-".equals(s.key());
            rows.add(new Row(param + ":" + s.key(), unset ? Text.of("complaintstats.unset") : Text.label(labels, s.key()),
                    List.of(BigDecimal.valueOf(s.n()), share(s.n(), b.total().n())),
                    unset ? null : list(q).with(param, s.key()).build()));
        }
        return new FigureTable(code, COUNT_AND_SHARE, COUNT_AND_PERCENT, rows);
    }

    /** The Pareto of causes: count, share and cumulative share of the complaints with a cause. */
    private FigureTable pareto(FigureQuery q, List<ParetoRow> pareto) {
        List<Row> rows = pareto.stream().map(r -> new Row("cause:" + r.cause(),
                Text.label("complaint.enum.CauseCategory", r.cause()), List.of(BigDecimal.valueOf(r.count()),
                        percent(r.share()), percent(r.cumulative())), list(q).with("cause", r.cause()).build())).toList();
        return new FigureTable("complaint.pareto", List.of(Text.of("figure.column.count"), Text.of("figure.column.share"),
                Text.of("figure.column.cumulative")), List.of(Unit.COUNT, Unit.PERCENT, Unit.PERCENT), rows);
    }

    /** The management review's annual tables: by month, by department, the customers with most complaints. */
    private List<FigureTable> annual(FigureQuery q, Annual a) {
        List<Text> columns = List.of(Text.of("figure.column.count"), Text.of("figure.column.closed"),
                Text.of("figure.column.onTimeAcknowledgement"), Text.of("figure.column.repeatRate"));
        List<Unit> units = List.of(Unit.COUNT, Unit.COUNT, Unit.PERCENT, Unit.PERCENT);
        List<Row> months = new ArrayList<>();
        for (GroupRow m : a.byMonth()) {
            LocalDate first = LocalDate.parse(m.key() + "-01");
            ReportPeriod month = ReportPeriod.month(java.time.YearMonth.from(first));
            months.add(new Row("month:" + m.key(), month.label(), annualValues(m), UriComponentsBuilder.fromPath(LIST)
                    .queryParam("receivedFrom", month.first()).queryParam("receivedTo", month.last()).build().toUriString()));
        }
        List<Row> departments = a.byDepartment().stream().map(d -> new Row(null, "-".equals(d.key())
                ? Text.of("complaintstats.unset") : Text.literal(d.key()), annualValues(d), null)).toList();
        List<Row> top = a.topCustomers().stream().map(c -> new Row("customer:" + c.customerId(),
                Text.literal(c.customerName()), List.of(BigDecimal.valueOf(c.count()), BigDecimal.valueOf(c.repeat())),
                list(q).with("customerId", c.customerId()).build())).toList();
        return List.of(new FigureTable("complaint.annualByMonth", columns, units, months),
                new FigureTable("complaint.annualByDepartment", columns, units, departments),
                new FigureTable("complaint.topCustomers", List.of(Text.of("figure.column.count"),
                        Text.of("figure.column.repeat")), List.of(Unit.COUNT, Unit.COUNT), top));
    }

    private static List<BigDecimal> annualValues(GroupRow r) {
        return java.util.Arrays.asList(BigDecimal.valueOf(r.count()), BigDecimal.valueOf(r.closed()),
                percent(r.onTimeAcknowledgement()), percent(r.repeatRate()));
    }

    /**
     * Complaints about staff per agent (003-A10): STAFF_ATTITUDE complaints received in the period naming an
     * employee with an account, row key {@code user:<id>}; largest count first.
     */
    private FigureTable aboutStaff(FigureQuery q) {
        var scope = q.scope().condition("c.department_id", "c.received_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(q.period().from(zone)));
        params.put("to", Timestamp.from(q.period().to(zone)));
        params.put("category", ComplaintCategory.STAFF_ATTITUDE.name());
        List<Row> rows = jdbc.sql("select c.concerned_employee_id, u.display_name, count(*) n from complaint c"
                        + " join org_user u on u.id = c.concerned_employee_id where " + scope.sql()
                        + " and c.category = :category and c.received_at >= :from and c.received_at < :to"
                        + " group by c.concerned_employee_id, u.display_name order by n desc, c.concerned_employee_id")
                .params(params).query((rs, n) -> new Row("user:" + rs.getLong(1), Text.literal(rs.getString(2)),
                        List.of(BigDecimal.valueOf(rs.getLong(3))), list(q).with("category", "STAFF_ATTITUDE")
                        .with("concernedEmployeeId", rs.getLong(1)).build())).list();
        return new FigureTable("complaint.aboutStaff", List.of(Text.of("figure.column.count")), List.of(Unit.COUNT), rows);
    }

    // ---- a customer's complaints, claims, returns and compensations ---------------------------

    /** One customer's complaints of the period, counted as the statistics count them. */
    private Sums customerSums(FigureQuery q) {
        var scope = q.scope().condition("c.department_id", "c.received_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(q.period().from(zone)));
        params.put("to", Timestamp.from(q.period().to(zone)));
        params.put("customer", q.customerId());
        params.put("now", Timestamp.from(Instant.now(stats.clock())));
        return jdbc.sql("select" + StatsSql.figures("1") + " from complaint c where " + scope.sql()
                        + " and c.customer_id = :customer and c.received_at >= :from and c.received_at < :to")
                .params(params).query((rs, n) -> new Sums(null, rs.getLong("n"), rs.getLong("major"),
                        rs.getLong("repeats"), rs.getLong("ack_due"), rs.getLong("ack_ok"), rs.getLong("reply_due"),
                        rs.getLong("reply_ok"), rs.getLong("resolve_due"), rs.getLong("resolve_ok"),
                        rs.getLong("closed"), rs.getDouble("close_seconds"))).single();
    }

    /**
     * Claims, seven-day returns and advance compensations of the period: how many were registered and what was
     * claimed, settled, refunded, paid in it. These records carry no department: a department scope sees the ones
     * its member registered, as OWN does.
     */
    private List<Figure> money(FigureQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", Timestamp.from(q.period().from(zone)));
        params.put("to", Timestamp.from(q.period().to(zone)));
        params.put("firstDay", q.period().first());
        params.put("lastDay", q.period().last());
        String customer = q.customerId() == null ? "" : " and x.customer_id = :customer";
        if (q.customerId() != null) {
            params.put("customer", q.customerId());
        }
        String claims = restrict(q.scope(), "x.registered_by", params) + customer;
        String returns = restrict(q.scope(), "x.registered_by", params) + customer;
        String comps = restrict(q.scope(), "x.requested_by", params) + customer;
        List<Figure> f = new ArrayList<>();
        f.add(Figure.count("complaint.claims", count("claim x where x.created_at >= :from and x.created_at < :to"
                + claims, params), Better.LOWER, "/claims"));
        f.add(money("complaint.claimedAmount", "x.claimed_amount", "claim x where x.created_at >= :from"
                + " and x.created_at < :to" + claims, params, "/claims"));
        f.add(money("complaint.claimsSettledAmount", "x.settled_amount", "claim x where x.settled_on >= :firstDay"
                + " and x.settled_on <= :lastDay" + claims, params, "/claims"));
        f.add(Figure.count("complaint.returns", count("return_slip x where x.requested_on >= :firstDay"
                + " and x.requested_on <= :lastDay" + returns, params), Better.NONE, "/returns"));
        f.add(money("complaint.returnsRefundedAmount", "x.refund_amount", "return_slip x where x.refunded_at >= :from"
                + " and x.refunded_at < :to" + returns, params, "/returns"));
        f.add(Figure.count("complaint.advanceCompensations", count("advance_compensation x where x.created_at >= :from"
                + " and x.created_at < :to" + comps, params), Better.LOWER, "/compensations"));
        f.add(money("complaint.advanceCompensationsPaidAmount", "x.amount", "advance_compensation x where"
                + " x.paid_at >= :from and x.paid_at < :to" + comps, params, "/compensations"));
        return f;
    }

    private static String restrict(DataScope scope, String owner, Map<String, Object> params) {
        if (scope.kind() == DataScope.Kind.ALL) {
            return "";
        }
        params.put("scopeUser", scope.userId());
        return " and " + owner + " = :scopeUser";
    }

    private long count(String fromWhere, Map<String, Object> params) {
        return jdbc.sql("select count(*) from " + fromWhere).params(params).query(Long.class).single();
    }

    private Figure money(String code, String column, String fromWhere, Map<String, Object> params, String drillDown) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(" + column + "), 0) from " + fromWhere).params(params)
                .query(BigDecimal.class).single();
        return new Figure(code, sum.setScale(2, RoundingMode.HALF_UP), Unit.MONEY, Better.LOWER, null, null, drillDown);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The complaint list of the query's period (and customer). */
    private static Link list(FigureQuery q) {
        Link link = new Link(UriComponentsBuilder.fromPath(LIST).queryParam("receivedFrom", q.period().first())
                .queryParam("receivedTo", q.period().last()));
        return q.customerId() == null ? link : link.with("customerId", q.customerId());
    }

    /** A drill-down link under construction (a fresh builder per figure). */
    record Link(UriComponentsBuilder uri) {

        Link with(String name, Object value) {
            return new Link(uri.cloneBuilder().queryParam(name, value));
        }

        String build() {
            return uri.build().toUriString();
        }
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(Double share) {
        return share == null ? null : BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP);
    }
}
