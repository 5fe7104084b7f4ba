package com.careloop.servicedesk.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;
import com.careloop.servicedesk.ServiceDeskViews.GroupBy;
import com.careloop.servicedesk.ServiceDeskViews.StatisticsRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Service desk statistics in one SQL aggregate per call (portable between H2 and PostgreSQL). */
@Component
public class ServiceRequestStatistics {

    private static final String HOURS = "(extract(epoch from r.completed_at) - extract(epoch from r.registered_at)) / 3600.0";

    private final JdbcClient jdbc;

    ServiceRequestStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The total of the period first, then one row per group, largest first. */
    public List<StatisticsRow> statistics(GroupBy groupBy, Instant from, Instant to, CurrentUser me) {
        List<StatisticsRow> rows = new ArrayList<>();
        rows.add(total(from, to, me.scope(), null).row());
        groups(groupBy == null ? GroupBy.TYPE : groupBy, from, to, me.scope(), null).forEach(g -> rows.add(g.row()));
        return rows;
    }

    /** One group of the statistics with the id behind its key (category, department; null for enum keys). */
    record Group(Long id, StatisticsRow row, Parts parts) {
    }

    /** The parts and wholes behind the rates of a row, so a figure can show "42 / 50". */
    record Parts(long respondedOnTime, long responded, long completedOnTime, long withTarget, long reopened,
                 long firstContact) {
    }

    /** All requests registered in [from, to) within {@code scope} (and of one customer unless null). */
    Group total(Instant from, Instant to, DataScope scope, Long customerId) {
        return query(null, from, to, scope, customerId).get(0);
    }

    /** The rows of one grouping, largest first (the figures of the reporting contract read these too). */
    List<Group> groups(GroupBy groupBy, Instant from, Instant to, DataScope scope, Long customerId) {
        return query(groupBy, from, to, scope, customerId);
    }

    private List<Group> query(GroupBy groupBy, Instant from, Instant to, DataScope dataScope, Long customerId) {
        String key = groupBy == null ? "cast(null as varchar(200))" : switch (groupBy) {
            case TYPE -> "r.request_type";
            case CATEGORY -> "coalesce(c.name, '-')";
            case DEPARTMENT -> "coalesce(d.name, '-')";
            case CHANNEL -> "r.channel";
        };
        // the id of a named group, so a row can link to its list (two categories may share a name)
        String id = groupBy == GroupBy.CATEGORY ? "r.category_id" : groupBy == GroupBy.DEPARTMENT ? "r.department_id"
                : "cast(null as bigint)";
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        StringBuilder sql = new StringBuilder("select " + key + " k, " + id + " gid, count(*) n,"
                + " sum(case when r.completed_at is not null then 1 else 0 end) completed,"
                + " sum(case when r.status = 'CLOSED' then 1 else 0 end) closed,"
                + " sum(case when r.responded_at is not null then 1 else 0 end) responded,"
                + " sum(case when r.responded_at is not null and r.responded_at <= r.response_due_at then 1 else 0 end) responded_on_time,"
                + " sum(case when r.completed_at is not null and r.completion_due_at is not null then 1 else 0 end) with_target,"
                + " sum(case when r.completed_at is not null and r.completed_at <= r.completion_due_at then 1 else 0 end) completed_on_time,"
                + " avg(case when r.completed_at is not null then " + HOURS + " end) avg_hours,"
                + " percentile_cont(0.9) within group (order by case when r.completed_at is not null then " + HOURS + " end) p90_hours,"
                + " sum(case when r.reopen_count > 0 then 1 else 0 end) reopened,"
                + " sum(case when r.completed_at is not null and r.reopen_count = 0 and not exists (select 1 from"
                + " service_request_event e where e.request_id = r.id and e.kind in ('HANDED_BACK', 'REASSIGNED'))"
                + " then 1 else 0 end) first_contact"
                + " from service_request r left join service_category c on c.id = r.category_id"
                + " left join department d on d.id = r.department_id where " + scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
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
        if (groupBy != null) {
            sql.append(" group by ").append(key).append(", ").append(id)
                    .append(" order by count(*) desc, ").append(key).append(", ").append(id);
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long count = rs.getLong("n");
            long completed = rs.getLong("completed");
            return new Group((Long) rs.getObject("gid", Long.class), new StatisticsRow(rs.getString("k"), count,
                    completed, rs.getLong("closed"),
                    share(rs.getLong("responded_on_time"), rs.getLong("responded")),
                    share(rs.getLong("completed_on_time"), rs.getLong("with_target")),
                    number(rs, "avg_hours"), number(rs, "p90_hours"),
                    share(rs.getLong("reopened"), count), share(rs.getLong("first_contact"), completed)),
                    new Parts(rs.getLong("responded_on_time"), rs.getLong("responded"), rs.getLong("completed_on_time"),
                    rs.getLong("with_target"), rs.getLong("reopened"), rs.getLong("first_contact")));
        }).list();
    }

    /** A nullable floating-point figure: PostgreSQL gives numeric, H2 double. */
    private static Double number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
