package com.careloop.capa.handling;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.capa.CapaPermissions;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.Figure.Unit;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.FigureTable.Row;
import com.careloop.platform.Text;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The CAPA module's figures for dashboards and reports and its "my work" lines (docs/reporting-figures-quality.md).
 * Scope as the CAPA list: the reader's department / opener condition, or an action of the CAPA owned by the reader.
 * "Today" is the company's (injected clock), as for the list's overdue flag.
 */
@Component
@Transactional(readOnly = true)
class CapaFigures implements FigureSource, WorkSource {

    static final String LIST = "/capa";
    /** An action not done whose CAPA is open, of the current round (the list's overdue rule without the date). */
    private static final String OPEN_ACTION = "a.done = false and a.round_no = c.round_no and c.status <> 'CLOSED'";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CapaFigures(JdbcClient jdbc, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The list's scope over {@code capa c} and the parameters of the period, today and the customer. */
    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(FigureQuery q) {
        DataScope.SqlCondition scope = q.scope().condition("c.department_id", "c.opened_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("me", q.scope().userId());
        params.put("today", today());
        params.put("from", Timestamp.from(q.period().from(zone)));
        params.put("to", Timestamp.from(q.period().to(zone)));
        params.put("firstDay", q.period().first());
        params.put("lastDay", q.period().last());
        String sql = "(" + scope.sql() + " or exists (select 1 from capa_action o where o.capa_id = c.id and o.owner_id = :me))";
        if (q.customerId() != null) {
            sql += " and c.customer_id = :customer";
            params.put("customer", q.customerId());
        }
        return new Where(sql, params);
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        Where w = where(q);
        String from = " from capa c where " + w.sql();
        Map<String, Object> p = w.params();
        List<Figure> f = new ArrayList<>();
        f.add(Figure.count("capa.opened", count(from + " and c.opened_at >= :from and c.opened_at < :to", p), Better.NONE,
                list(q).queryParam("openedFrom", q.period().first()).queryParam("openedTo", q.period().last())
                        .build().toUriString()));
        f.add(Figure.count("capa.closed", count(from + " and c.closed_at >= :from and c.closed_at < :to", p), Better.NONE,
                list(q).queryParam("closedFrom", q.period().first()).queryParam("closedTo", q.period().last())
                        .build().toUriString()));
        f.add(Figure.count("capa.open", count(from + " and c.status <> 'CLOSED'", p), Better.LOWER,
                list(q).queryParam("open", true).build().toUriString()));
        String overdueList = list(q).queryParam("overdue", true).build().toUriString();
        f.add(Figure.count("capa.overdue", count(from + " and c.status <> 'CLOSED' and exists (select 1 from capa_action a"
                + " where a.capa_id = c.id and " + OPEN_ACTION + " and a.due_date < :today)", p), Better.LOWER, overdueList));
        f.add(Figure.count("capa.overdueActions", count(" from capa_action a join capa c on c.id = a.capa_id where "
                + w.sql() + " and " + OPEN_ACTION + " and a.due_date < :today", p), Better.LOWER, overdueList));
        f.add(planCompletion(q, w));
        long[] checks = jdbc.sql("select count(*), coalesce(sum(case when k.effective then 1 else 0 end), 0)"
                        + " from capa_check k join capa c on c.id = k.capa_id where " + w.sql()
                        + " and k.checked_at >= :from and k.checked_at < :to").params(p)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        f.add(Figure.rate("capa.effectivenessRate", checks[1], checks[0], Better.HIGHER, list(q)
                .queryParam("checkedFrom", q.period().first()).queryParam("checkedTo", q.period().last())
                .build().toUriString()));
        return f;
    }

    /**
     * 纠正措施计划完成率: of the actions due in the period (due date from its first to its last day) whose due date
     * has passed or that are done, the share done by their due date (done on or before the due day, company time).
     * An action due today and not done yet is not decided, so it does not count; every round's actions count.
     */
    private Figure planCompletion(FigureQuery q, Where w) {
        long[] plan = jdbc.sql("select count(*), coalesce(sum(case when a.done and " + day("a.done_at at time zone '"
                        + zone.getId() + "'") + " <= " + day("a.due_date") + " then 1 else 0 end), 0)"
                        + " from capa_action a join capa c on c.id = a.capa_id where " + w.sql()
                        + " and a.due_date >= :firstDay and a.due_date <= :lastDay and (a.done or a.due_date < :today)")
                .params(w.params()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return Figure.rate("capa.planCompletionRate", plan[1], plan[0], Better.HIGHER, list(q)
                .queryParam("actionsDueFrom", q.period().first()).queryParam("actionsDueTo", q.period().last())
                .build().toUriString());
    }

    /**
     * A day as the number yyyymmdd, portable between H2 and PostgreSQL (H2 casts a zoned timestamp to a date in
     * the session's zone, not the one asked for; extract reads the zoned fields on both).
     */
    private static String day(String column) {
        return "(extract(year from " + column + ") * 10000 + extract(month from " + column + ") * 100 + extract(day from "
                + column + "))";
    }

    @Override
    public List<FigureTable> tables(FigureQuery q) {
        if (q.purpose() != Purpose.WEEKLY && q.purpose() != Purpose.MANAGEMENT_REVIEW
                && q.purpose() != Purpose.DASHBOARD) {
            return List.of();
        }
        Where w = where(q);
        List<Row> rows = jdbc.sql("select s.source_type, count(distinct c.id) n from capa c join capa_source s"
                        + " on s.capa_id = c.id where " + w.sql() + " and c.opened_at >= :from and c.opened_at < :to"
                        + " group by s.source_type order by n desc, s.source_type").params(w.params())
                .query((rs, n) -> new Row("source:" + rs.getString(1), Text.label("capa.enum.source", rs.getString(1)),
                        List.of(BigDecimal.valueOf(rs.getLong(2))), list(q).queryParam("sourceType", rs.getString(1))
                        .queryParam("openedFrom", q.period().first()).queryParam("openedTo", q.period().last())
                        .build().toUriString())).list();
        return List.of(new FigureTable("capa.bySource", List.of(Text.of("figure.column.count")), List.of(Unit.COUNT),
                rows));
    }

    // ---- my work -----------------------------------------------------------------------------

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(CapaPermissions.VIEW)) {
            return List.of();
        }
        Map<String, Object> p = Map.of("me", me.id(), "today", today());
        String mine = " from capa_action a join capa c on c.id = a.capa_id where a.owner_id = :me and " + OPEN_ACTION;
        List<WorkCount> work = new ArrayList<>();
        long open = count(mine, p);
        String myList = UriComponentsBuilder.fromPath(LIST).queryParam("actionOwnerId", me.id()).build().toUriString();
        if (open > 0) {
            work.add(new WorkCount("capa.myActionsOpen", open, false, myList));
            long overdue = count(mine + " and a.due_date < :today", p);
            if (overdue > 0) {
                work.add(new WorkCount("capa.myActionsOverdue", overdue, true, UriComponentsBuilder.fromPath(LIST)
                        .queryParam("actionOwnerId", me.id()).queryParam("overdue", true).build().toUriString()));
            }
        }
        long owned = count(" from capa c where c.opened_by = :me and c.status <> 'CLOSED'", p);
        if (owned > 0) {
            work.add(new WorkCount("capa.owned", owned, false, UriComponentsBuilder.fromPath(LIST)
                    .queryParam("openedById", me.id()).queryParam("open", true).build().toUriString()));
        }
        return work;
    }

    private long count(String fromWhere, Map<String, Object> params) {
        return jdbc.sql("select count(*)" + fromWhere).params(params).query(Long.class).single();
    }

    private static UriComponentsBuilder list(FigureQuery q) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(LIST);
        return q.customerId() == null ? b : b.queryParam("customerId", q.customerId());
    }
}
