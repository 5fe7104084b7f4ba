package com.careloop.servicedesk.request;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;
import com.careloop.servicedesk.ServiceDeskViews.GroupBy;
import com.careloop.servicedesk.ServiceDeskViews.StatisticsRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service desk statistics. The period's requests are summed in one SQL pass per (type, channel, category,
 * department) cell; the total and every grouping are added up from those cells, so a year costs one scan whatever
 * is asked of it (the management review asks for the total and four breakdowns). Only the 90th percentile, which
 * does not add up, needs a second pass, and only the statistics page asks for it. Portable between H2 and PostgreSQL.
 */
@Component
public class ServiceRequestStatistics {

    private static final String HOURS = "(extract(epoch from r.completed_at) - extract(epoch from r.registered_at)) / 3600.0";

    private final JdbcClient jdbc;

    ServiceRequestStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The total of the period first, then one row per group, largest first (with the 90th percentile). */
    public List<StatisticsRow> statistics(GroupBy groupBy, Instant from, Instant to, CurrentUser me) {
        GroupBy by = groupBy == null ? GroupBy.TYPE : groupBy;
        Cells cells = cells(from, to, me.scope(), null);
        Map<List<Object>, Double> p90 = p90(by, from, to, me.scope());
        List<StatisticsRow> rows = new ArrayList<>();
        rows.add(cells.total().row(p90.get(List.of())));
        cells.groups(by).forEach(g -> rows.add(g.row(p90.get(java.util.Arrays.asList(g.key(), g.id())))));
        return rows;
    }

    /** The parts and wholes behind the rates of a row, so a figure can show "42 / 50". */
    record Parts(long respondedOnTime, long responded, long completedOnTime, long withTarget, long reopened,
                 long firstContact) {
    }

    /** What the requests of a cell or group add up to; every rate and the average are derived from these sums. */
    record Sums(long count, long completed, long closed, long responded, long respondedOnTime, long withTarget,
                long completedOnTime, BigDecimal hours, long reopened, long firstContact) {

        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

        Sums plus(Sums o) {
            return new Sums(count + o.count, completed + o.completed, closed + o.closed, responded + o.responded,
                    respondedOnTime + o.respondedOnTime, withTarget + o.withTarget, completedOnTime + o.completedOnTime,
                    hours.add(o.hours), reopened + o.reopened, firstContact + o.firstContact);
        }

        Parts parts() {
            return new Parts(respondedOnTime, responded, completedOnTime, withTarget, reopened, firstContact);
        }
    }

    /** One group of the statistics: its key as the page shows it, the id behind it (category, department), sums. */
    record Group(String key, Long id, Sums sums) {

        StatisticsRow row() {
            return row(null);
        }

        StatisticsRow row(Double p90Hours) {
            Double average = sums.completed == 0 ? null
                    : sums.hours.divide(BigDecimal.valueOf(sums.completed), MathContext.DECIMAL64).doubleValue();
            return new StatisticsRow(key, sums.count, sums.completed, sums.closed,
                    share(sums.respondedOnTime, sums.responded), share(sums.completedOnTime, sums.withTarget),
                    average, p90Hours, share(sums.reopened, sums.count), share(sums.firstContact, sums.completed));
        }

        Parts parts() {
            return sums.parts();
        }
    }

    /** The requests of one type, channel, category and department in the period. */
    record Cell(String type, String channel, Long categoryId, String category, Long departmentId, String department,
                Sums sums) {
    }

    /** A period's cells: the total and every grouping of the page and the figures. */
    record Cells(List<Cell> cells) {

        Group total() {
            return new Group(null, null, cells.stream().map(Cell::sums).reduce(Sums.NONE, Sums::plus));
        }

        /** The groups largest first, then by key and id (no id last): the order of the statistics page. */
        List<Group> groups(GroupBy by) {
            Function<Cell, String> key = switch (by) {
                case TYPE -> Cell::type;
                case CHANNEL -> Cell::channel;
                case CATEGORY -> c -> c.category() == null ? "-" : c.category();
                case DEPARTMENT -> c -> c.department() == null ? "-" : c.department();
            };
            Function<Cell, Long> id = switch (by) {
                case CATEGORY -> Cell::categoryId;
                case DEPARTMENT -> Cell::departmentId;
                default -> c -> null;
            };
            Map<List<Object>, Sums> sums = new HashMap<>();
            for (Cell c : cells) {
                sums.merge(java.util.Arrays.asList(key.apply(c), id.apply(c)), c.sums(), Sums::plus);
            }
            return sums.entrySet().stream()
                    .map(e -> new Group((String) e.getKey().get(0), (Long) e.getKey().get(1), e.getValue()))
                    .sorted(Comparator.comparingLong((Group g) -> g.sums().count()).reversed()
                            .thenComparing(Group::key).thenComparing(Group::id, Comparator.nullsLast(Long::compare)))
                    .toList();
        }
    }

    /** All requests registered in [from, to) within {@code scope} (and of one customer unless null), by cell. */
    Cells cells(Instant from, Instant to, DataScope dataScope, Long customerId) {
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String where = period(from, to, customerId, params);
        // first contact: completed by the first handler, never handed back, re-assigned or re-opened
        // grouped by ids inside, names joined outside: PostgreSQL then estimates a few thousand groups and hashes them
        // (grouping by the names too made it sort the whole year)
        List<Cell> cells = jdbc.sql("select x.*, c.name category, d.name department from (select r.request_type,"
                + " r.channel, r.category_id, r.department_id, count(*) n,"
                + " sum(case when r.completed_at is not null then 1 else 0 end) completed,"
                + " sum(case when r.status = 'CLOSED' then 1 else 0 end) closed,"
                + " sum(case when r.responded_at is not null then 1 else 0 end) responded,"
                + " sum(case when r.responded_at is not null and r.responded_at <= r.response_due_at then 1 else 0 end) responded_on_time,"
                + " sum(case when r.completed_at is not null and r.completion_due_at is not null then 1 else 0 end) with_target,"
                + " sum(case when r.completed_at is not null and r.completed_at <= r.completion_due_at then 1 else 0 end) completed_on_time,"
                + " sum(case when r.completed_at is not null then " + HOURS + " end) hours,"
                + " sum(case when r.reopen_count > 0 then 1 else 0 end) reopened,"
                + " sum(case when r.completed_at is not null and r.reopen_count = 0 and r.handover_count = 0"
                + " then 1 else 0 end) first_contact"
                + " from service_request r where " + scope.sql() + where
                + " group by r.request_type, r.channel, r.category_id, r.department_id) x"
                + " left join service_category c on c.id = x.category_id left join org_department d on d.id = x.department_id")
                .params(params).query((rs, n) -> new Cell(rs.getString("request_type"), rs.getString("channel"),
                        rs.getObject("category_id", Long.class), rs.getString("category"),
                        rs.getObject("department_id", Long.class), rs.getString("department"),
                        new Sums(rs.getLong("n"), rs.getLong("completed"), rs.getLong("closed"), rs.getLong("responded"),
                                rs.getLong("responded_on_time"), rs.getLong("with_target"),
                                rs.getLong("completed_on_time"),
                                Objects.requireNonNullElse(rs.getBigDecimal("hours"), BigDecimal.ZERO),
                                rs.getLong("reopened"), rs.getLong("first_contact")))).list();
        return new Cells(cells);
    }

    /** The 90th percentile of the handling hours of the period and of each group, by [key, id] ([] the total). */
    private Map<List<Object>, Double> p90(GroupBy by, Instant from, Instant to, DataScope dataScope) {
        String key = switch (by) {
            case TYPE -> "r.request_type";
            case CATEGORY -> "coalesce(c.name, '-')";
            case DEPARTMENT -> "coalesce(d.name, '-')";
            case CHANNEL -> "r.channel";
        };
        String id = by == GroupBy.CATEGORY ? "r.category_id" : by == GroupBy.DEPARTMENT ? "r.department_id"
                : "cast(null as bigint)";
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String where = period(from, to, null, params) + " and r.completed_at is not null";
        String percentile = "percentile_cont(0.9) within group (order by " + HOURS + ")";
        String joins = " from service_request r left join service_category c on c.id = r.category_id"
                + " left join org_department d on d.id = r.department_id where " + scope.sql() + where;
        Map<List<Object>, Double> p90 = new HashMap<>();
        jdbc.sql("select " + percentile + joins).params(params).query(rs -> {
            p90.put(List.of(), number(rs, 1));
        });
        jdbc.sql("select " + key + ", " + id + ", " + percentile + joins + " group by " + key + ", " + id)
                .params(params).query(rs -> {
                    p90.put(java.util.Arrays.asList(rs.getString(1), rs.getObject(2, Long.class)), number(rs, 3));
                });
        return p90;
    }

    private static String period(Instant from, Instant to, Long customerId, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" and r.registered_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and r.registered_at < :to");
            params.put("to", Timestamp.from(to));
        }
        if (customerId != null) {
            sql.append(" and r.customer_id = :customer");
            params.put("customer", customerId);
        }
        return sql.toString();
    }

    /** A nullable floating-point figure: PostgreSQL gives numeric, H2 double. */
    private static Double number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
