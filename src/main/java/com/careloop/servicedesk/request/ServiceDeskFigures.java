package com.careloop.servicedesk.request;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.Figure.Unit;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceDeskViews.GroupBy;
import com.careloop.servicedesk.ServiceDeskViews.StatisticsRow;
import com.careloop.servicedesk.request.ServiceRequestStatistics.Group;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The service desk's figures for dashboards and reports (docs/reporting-figures.md, "Service desk"). The period
 * figures and the breakdowns are the rows of {@link ServiceRequestStatistics} for the same period and scope, so they
 * equal /service-requests/statistics; every figure and row links to the queue filtered to the requests it counts.
 */
@Component
@Transactional(readOnly = true)
public class ServiceDeskFigures implements FigureSource {

    static final String QUEUE = "/service-requests";

    private final ServiceRequestStatistics statistics;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final OpenAtTally openAtTally;

    ServiceDeskFigures(ServiceRequestStatistics statistics, JdbcClient jdbc, Clock clock,
                       CareLoopProperties platform, OpenAtTally openAtTally) {
        this.statistics = statistics;
        this.openAtTally = openAtTally;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery query) {
        return figures(query, cells(query));
    }

    @Override
    public List<FigureTable> tables(FigureQuery query) {
        return tables(query, cells(query));
    }

    /** The figures and the breakdowns from one pass over the period's requests. */
    @Override
    public Answer answer(FigureQuery query) {
        ServiceRequestStatistics.Cells cells = cells(query);
        return new Answer(figures(query, cells), tables(query, cells));
    }

    private ServiceRequestStatistics.Cells cells(FigureQuery query) {
        return statistics.cells(query.period().from(zone), query.period().to(zone), query.scope(), query.customerId());
    }

    private List<Figure> figures(FigureQuery query, ServiceRequestStatistics.Cells cells) {
        var p = query.period();
        Instant from = p.from(zone);
        Instant to = p.to(zone);
        Group total = cells.total();
        StatisticsRow row = total.row();
        var parts = total.parts();
        String registered = registered(query).toUriString();
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.count("servicedesk.registered", row.count(), Better.NONE, registered),
                Figure.rate("servicedesk.respondedOnTimeRate", parts.respondedOnTime(), parts.responded(), Better.HIGHER,
                        registered),
                Figure.rate("servicedesk.completedOnTimeRate", parts.completedOnTime(), parts.withTarget(),
                        Better.HIGHER, registered),
                Figure.rate("servicedesk.firstContactRate", parts.firstContact(), row.completed(), Better.HIGHER,
                        registered),
                Figure.measure("servicedesk.averageHandlingHours", row.averageHandlingHours(), Unit.HOURS, Better.LOWER,
                        registered),
                Figure.rate("servicedesk.reopenRate", parts.reopened(), row.count(), Better.LOWER, registered),
                Figure.count("servicedesk.openAtEnd", openAt(to, query.scope(), query.customerId(), null).getOrDefault(
                        null, 0L), Better.LOWER, queue(query).queryParam("openOn", p.last()).toUriString())));
        if (query.purpose() == Purpose.DASHBOARD) {
            figures.add(Figure.count("servicedesk.overdueNow", overdueNow(query.scope()), Better.LOWER,
                    UriComponentsBuilder.fromPath(QUEUE).queryParam("overdue", true).toUriString()));
        }
        if (query.purpose() == Purpose.WEEKLY) {
            figures.add(Figure.count("servicedesk.keyCustomerRequests",
                    keyCustomerRows(query, from, to).stream().mapToLong(r -> r.values().get(0).longValue()).sum(),
                    Better.NONE, registered(query).queryParam("keyOnly", true).toUriString()));
        }
        if (query.purpose() == Purpose.CUSTOMER_MONTHLY && query.customerId() != null) {
            figures.add(Figure.count("servicedesk.customerFieldServices",
                    cells.groups(GroupBy.TYPE).stream()
                            .filter(g -> FIELD_TYPES.contains(g.key())).mapToLong(g -> g.sums().count()).sum(),
                    Better.NONE, registered(query).toUriString()));
        }
        return figures;
    }

    /** The types done on the customer's site (报修, 约修, 现场服务): a customer's "field services" of the month. */
    static final List<String> FIELD_TYPES = List.of("REPAIR", "BOOKED_REPAIR", "FIELD_SERVICE");

    private List<FigureTable> tables(FigureQuery query, ServiceRequestStatistics.Cells cells) {
        Instant from = query.period().from(zone);
        Instant to = query.period().to(zone);
        List<FigureTable> tables = new ArrayList<>();
        for (GroupBy by : GroupBy.values()) {
            tables.add(breakdown(query, by, cells.groups(by)));
        }
        if (query.purpose() == Purpose.WEEKLY) {
            tables.add(dispatchByDepartment(query, from, to));
            tables.add(carriedOver(query, to));
            tables.add(new FigureTable("servicedesk.keyCustomerMatters",
                    List.of(Text.of("table.servicedesk.column.requests"), Text.of("table.servicedesk.column.open")),
                    List.of(Unit.COUNT, Unit.COUNT), keyCustomerRows(query, from, to)));
        }
        if (query.purpose() == Purpose.MONTHLY_ASSESSMENT) {
            tables.add(perAgent(query, from, to));
        }
        return tables;
    }

    /** Requests, on-time response and completion, average handling hours per type / category / department / channel. */
    private FigureTable breakdown(FigureQuery query, GroupBy by, List<Group> groups) {
        List<FigureTable.Row> rows = groups.stream().map(g -> {
            StatisticsRow r = g.row();
            var link = registered(query);
            String key;
            Text label;
            switch (by) {
                case TYPE -> {
                    key = "type:" + r.key();
                    label = Text.label("sr.type", r.key());
                    link.queryParam("type", r.key());
                }
                case CHANNEL -> {
                    key = "channel:" + r.key();
                    label = Text.label("sr.channel", r.key());
                    link.queryParam("channel", r.key());
                }
                case CATEGORY -> {
                    key = g.id() == null ? null : "category:" + g.id();
                    label = g.id() == null ? Text.of("table.servicedesk.row.none") : Text.literal(r.key());
                    link.queryParam("categoryId", g.id());
                }
                default -> {
                    key = g.id() == null ? null : "department:" + g.id();
                    label = g.id() == null ? Text.of("table.servicedesk.row.none") : Text.literal(r.key());
                    link.queryParam("departmentId", g.id());
                }
            }
            // a row without a category or department has no filter that lists exactly it
            boolean linkable = key != null;
            return new FigureTable.Row(key, label, java.util.Arrays.asList(BigDecimal.valueOf(r.count()), share(r.onTimeResponseRate()),
                    share(r.onTimeCompletionRate()), hours(r.averageHandlingHours())), linkable ? link.toUriString() : null);
        }).toList();
        return new FigureTable("servicedesk.by" + switch (by) {
            case TYPE -> "Type";
            case CATEGORY -> "Category";
            case DEPARTMENT -> "Department";
            case CHANNEL -> "Channel";
        }, List.of(Text.of("table.servicedesk.column.requests"), Text.of("table.servicedesk.column.respondedOnTime"),
                Text.of("table.servicedesk.column.completedOnTime"), Text.of("table.servicedesk.column.averageHours")),
                List.of(Unit.COUNT, Unit.PERCENT, Unit.PERCENT, Unit.HOURS), rows);
    }

    /**
     * Per department, the requests of the period dispatched to it and how many were dispatched before their response
     * deadline (the first dispatch counts; a request later handed back and re-dispatched keeps its first time).
     */
    private FigureTable dispatchByDepartment(FigureQuery query, Instant from, Instant to) {
        var scope = query.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = period(scope, from, to, query.customerId());
        List<FigureTable.Row> rows = jdbc.sql("""
                select r.department_id, d.name, count(*) n,
                       sum(case when (select min(e.occurred_at) from service_request_event e where e.request_id = r.id
                         and e.kind = 'DISPATCHED') <= r.response_due_at then 1 else 0 end) on_time
                from service_request r join org_department d on d.id = r.department_id
                where r.registered_at >= :from and r.registered_at < :to""" + " and " + scope.sql() + customer(query)
                + " group by r.department_id, d.name order by count(*) desc, d.name")
                .params(params).query((rs, n) -> {
                    long department = rs.getLong(1);
                    long count = rs.getLong(3);
                    long onTime = rs.getLong(4);
                    return new FigureTable.Row("department:" + department, Text.literal(rs.getString(2)),
                            java.util.Arrays.asList(BigDecimal.valueOf(count), BigDecimal.valueOf(onTime), rate(onTime, count)),
                            registered(query).queryParam("departmentId", department).toUriString());
                }).list();
        return new FigureTable("servicedesk.dispatchByDepartment",
                List.of(Text.of("table.servicedesk.column.dispatched"), Text.of("table.servicedesk.column.dispatchedOnTime"),
                        Text.of("table.servicedesk.column.dispatchedOnTimeRate")),
                List.of(Unit.COUNT, Unit.COUNT, Unit.PERCENT), rows);
    }

    /** The requests still open at the end of the period, per department (carried over to the next period). */
    private FigureTable carriedOver(FigureQuery query, Instant to) {
        Map<Long, Long> open = openAt(to, query.scope(), query.customerId(), "r.department_id");
        Map<Long, String> names = departmentNames(open.keySet());
        List<FigureTable.Row> rows = open.entrySet().stream().map(e -> {
            var link = queue(query).queryParam("openOn", query.period().last());
            if (e.getKey() != null) {
                link.queryParam("departmentId", e.getKey());
            } else {
                link.queryParam("unassigned", true);
            }
            return new FigureTable.Row(e.getKey() == null ? null : "department:" + e.getKey(),
                    e.getKey() == null ? Text.of("table.servicedesk.row.notDispatched") : Text.literal(names.get(e.getKey())),
                    List.of(BigDecimal.valueOf(e.getValue())), link.toUriString());
        }).toList();
        return new FigureTable("servicedesk.carriedOver", List.of(Text.of("table.servicedesk.column.open")),
                List.of(Unit.COUNT), rows);
    }

    /**
     * Requests of the period of key customers, per customer, with the open ones. A request knows whether its customer
     * is a key customer from the customer module's card at intake (the flag the queue's key-customer tab reads).
     */
    private List<FigureTable.Row> keyCustomerRows(FigureQuery query, Instant from, Instant to) {
        var scope = query.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = period(scope, from, to, query.customerId());
        return jdbc.sql("""
                select r.customer_id, max(r.customer_name), count(*),
                       sum(case when r.status <> 'CLOSED' then 1 else 0 end)
                from service_request r
                where r.key_customer = true and r.customer_id is not null
                  and r.registered_at >= :from and r.registered_at < :to""" + " and "
                + scope.sql() + customer(query) + " group by r.customer_id order by count(*) desc, r.customer_id")
                .params(params).query((rs, n) -> new FigureTable.Row("customer:" + rs.getLong(1),
                        Text.literal(rs.getString(2)), List.of(BigDecimal.valueOf(rs.getLong(3)),
                        BigDecimal.valueOf(rs.getLong(4))),
                        (query.customerId() == null ? registered(query).queryParam("customerId", rs.getLong(1))
                                : registered(query)).queryParam("keyOnly", true).toUriString())).list();
    }

    /** Per agent: requests completed in the period by the agent they are assigned to, and the on-time share. */
    private FigureTable perAgent(FigureQuery query, Instant from, Instant to) {
        var scope = query.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        if (query.customerId() != null) {
            params.put("customer", query.customerId());
        }
        List<FigureTable.Row> rows = jdbc.sql("""
                select r.assignee_id, count(*),
                       sum(case when r.completion_due_at is not null then 1 else 0 end),
                       sum(case when r.completed_at <= r.completion_due_at then 1 else 0 end)
                from service_request r
                where r.assignee_id is not null and r.completed_at >= :from and r.completed_at < :to""" + " and "
                + scope.sql() + customer(query) + " group by r.assignee_id order by count(*) desc, r.assignee_id")
                .params(params).query((rs, n) -> {
                    long user = rs.getLong(1);
                    return new FigureTable.Row("user:" + user, Text.of("table.servicedesk.row.user", Text.Arg.user(user)),
                            java.util.Arrays.asList(BigDecimal.valueOf(rs.getLong(2)), rate(rs.getLong(4), rs.getLong(3))),
                            queue(query).queryParam("assigneeId", user)
                                    .queryParam("completedFrom", query.period().first())
                                    .queryParam("completedTo", query.period().last()).toUriString());
                }).list();
        return new FigureTable("servicedesk.perAgent",
                List.of(Text.of("table.servicedesk.column.handled"), Text.of("table.servicedesk.column.completedOnTime")),
                List.of(Unit.COUNT, Unit.PERCENT), rows);
    }

    /**
     * Requests open at {@code at} (registered before, not closed by then) within the scope: the total under the null
     * key, or per {@code groupColumn} value (on PostgreSQL from the tally of V191, not a scan of every request).
     */
    private Map<Long, Long> openAt(Instant at, DataScope dataScope, Long customerId, String groupColumn) {
        return openAtTally.openAt(at, dataScope, customerId, groupColumn);
    }

    /** Requests whose running deadline has passed now, within the scope (the queue's "overdue" tab). */
    long overdueNow(DataScope dataScope) {
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("now", Timestamp.from(clock.instant()));
        return jdbc.sql("select count(*) from service_request r where " + ServiceRequestQueries.OVERDUE + " and "
                + scope.sql()).params(params).query(Long.class).single();
    }

    private Map<Long, String> departmentNames(java.util.Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        List<Long> present = ids.stream().filter(java.util.Objects::nonNull).toList();
        if (!present.isEmpty()) {
            jdbc.sql("select id, name from org_department where id in (:ids)").param("ids", present)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    private static Map<String, Object> period(DataScope.SqlCondition scope, Instant from, Instant to, Long customerId) {
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        if (customerId != null) {
            params.put("customer", customerId);
        }
        return params;
    }

    private static String customer(FigureQuery query) {
        return query.customerId() == null ? "" : " and r.customer_id = :customer";
    }

    /** The queue (of the query's customer, if any). */
    private static UriComponentsBuilder queue(FigureQuery query) {
        var link = UriComponentsBuilder.fromPath(QUEUE);
        if (query.customerId() != null) {
            link.queryParam("customerId", query.customerId());
        }
        return link;
    }

    /** The queue filtered to the requests registered in the query's period. */
    private static UriComponentsBuilder registered(FigureQuery query) {
        return queue(query).queryParam("registeredFrom", query.period().first())
                .queryParam("registeredTo", query.period().last());
    }

    private static BigDecimal rate(long part, long whole) {
        return Figure.rate("x", part, whole, Better.NONE, null).value();
    }

    private static BigDecimal share(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

}
