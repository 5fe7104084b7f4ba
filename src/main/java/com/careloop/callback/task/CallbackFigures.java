package com.careloop.callback.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.careloop.callback.CallbackMethod;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.callback.PlanKind;
import com.careloop.callback.TaskStatus;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.Figure.Unit;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceRequestCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The callbacks' figures for dashboards and reports (docs/reporting-figures.md, "Callbacks"): the tasks planned in the
 * period (cancelled ones left out) counted by {@link CallbackStatistics#row}, so due, made, coverage and the
 * satisfaction distribution equal /callbacks/stats; plus on-time (made by the planned day, i.e. within the plan's
 * rule such as 7 days) and the follow-ups of unsatisfied callbacks. Scope: a reader who sees only their own records
 * counts the tasks assigned to them; a department scope the tasks of the department's people.
 */
@Component
@Transactional(readOnly = true)
public class CallbackFigures implements FigureSource {

    static final String DESK = "/callbacks";

    /** One task with what the figures need beyond the statistics' input. */
    record Task(CallbackStatistics.Input input, CallbackMethod method, boolean onTime, boolean followedUp,
                String sourceType, Long sourceId) {
    }

    private final JdbcClient jdbc;
    private final ServiceRequestCounts requests;
    private final ZoneId zone;

    CallbackFigures(JdbcClient jdbc, ServiceRequestCounts requests, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.zone = platform.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery query) {
        return figures(query, tasks(query));
    }

    @Override
    public List<FigureTable> tables(FigureQuery query) {
        return tables(query, tasks(query));
    }

    /** The figures and the tables from one read of the period's tasks. */
    @Override
    public Answer answer(FigureQuery query) {
        List<Task> tasks = tasks(query);
        return new Answer(figures(query, tasks), tables(query, tasks));
    }

    private List<Figure> figures(FigureQuery query, List<Task> tasks) {
        StatsRow all = CallbackStatistics.row(null, inputs(tasks));
        long onTime = tasks.stream().filter(Task::onTime).count();
        long unsatisfied = tasks.stream().filter(t -> t.input().satisfaction() != null
                && t.input().satisfaction().unsatisfied()).count();
        long satisfied = tasks.stream().filter(t -> t.input().satisfaction() != null
                && t.input().satisfaction().satisfied()).count();
        long scored = all.satisfaction().values().stream().mapToLong(Long::longValue).sum();
        long followedUp = tasks.stream().filter(Task::followedUp).count();
        String planned = planned(query).toUriString();
        String done = planned(query).queryParam("status", TaskStatus.DONE).toUriString();
        return List.of(
                Figure.count("callback.due", all.due(), Better.NONE, planned),
                Figure.count("callback.made", all.done(), Better.HIGHER, done),
                Figure.rate("callback.coverage", all.done(), all.due(), Better.HIGHER, planned),
                Figure.rate("callback.onTimeRate", onTime, all.done(), Better.HIGHER, done),
                Figure.rate("callback.satisfiedRate", satisfied, scored, Better.HIGHER, done),
                Figure.measure("callback.averageScore", all.averageScore(), Unit.SCORE, Better.HIGHER, done),
                Figure.count("callback.unsatisfied", unsatisfied, Better.LOWER, done),
                Figure.count("callback.followUps", followedUp, Better.NONE, done));
    }

    private List<FigureTable> tables(FigureQuery query, List<Task> tasks) {
        List<FigureTable> tables = new ArrayList<>();
        // results: the one satisfaction scale, best first
        StatsRow all = CallbackStatistics.row(null, inputs(tasks));
        List<FigureTable.Row> results = new ArrayList<>();
        long scored = all.satisfaction().values().stream().mapToLong(Long::longValue).sum();
        for (Satisfaction s : Satisfaction.values()) {
            long n = all.satisfaction().get(s);
            results.add(new FigureTable.Row("satisfaction:" + s.name(), Text.label("satisfaction", s),
                    Arrays.asList(BigDecimal.valueOf(n), rate(n, scored)),
                    planned(query).queryParam("status", TaskStatus.DONE).queryParam("satisfaction", s).toUriString()));
        }
        tables.add(new FigureTable("callback.results", List.of(Text.of("table.callback.column.callbacks"),
                Text.of("table.callback.column.share")), List.of(Unit.COUNT, Unit.PERCENT), results));
        tables.add(grouped(query, "callback.byMethod", tasks, t -> t.method().name(),
                k -> Text.label("cb.method", k), (k, link) -> link.queryParam("method", k), "method:"));
        if (query.purpose() == Purpose.MONTHLY_ASSESSMENT) {
            tables.add(perHandler(tasks));
        }
        if (query.purpose() == Purpose.CUSTOMER_MONTHLY && query.customerId() != null) {
            tables.add(grouped(query, "callback.byPlan", tasks, t -> t.input().plan().name(),
                    k -> Text.label("cb.plan", k), (k, link) -> link.queryParam("plan", k), "plan:"));
        }
        return tables;
    }

    /** Due, made, coverage, average score per group of tasks (method, plan). */
    private FigureTable grouped(FigureQuery query, String code, List<Task> tasks, Function<Task, String> key,
                                Function<String, Text> label,
                                java.util.function.BiFunction<String, UriComponentsBuilder, UriComponentsBuilder> filter,
                                String prefix) {
        Map<String, List<Task>> groups = new TreeMap<>();
        tasks.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t));
        List<FigureTable.Row> rows = groups.entrySet().stream().map(e -> {
            StatsRow r = CallbackStatistics.row(e.getKey(), inputs(e.getValue()));
            return new FigureTable.Row(prefix + e.getKey(), label.apply(e.getKey()), Arrays.asList(
                    BigDecimal.valueOf(r.due()), BigDecimal.valueOf(r.done()), rate(r.done(), r.due()), score(r)),
                    filter.apply(e.getKey(), planned(query)).toUriString());
        }).toList();
        return new FigureTable(code, List.of(Text.of("table.callback.column.due"), Text.of("table.callback.column.made"),
                Text.of("table.callback.column.coverage"), Text.of("table.callback.column.averageScore")),
                List.of(Unit.COUNT, Unit.COUNT, Unit.PERCENT, Unit.SCORE), rows);
    }

    /**
     * Callback satisfaction per agent whose service request was called back (the request's handler, row key
     * {@code user:<id>}): made, satisfied share, average score. No drill-down: the desk lists callbacks by caller.
     */
    private FigureTable perHandler(List<Task> tasks) {
        List<Task> made = tasks.stream().filter(t -> t.input().status() == TaskStatus.DONE
                && "SERVICE_REQUEST".equals(t.sourceType()) && t.sourceId() != null).toList();
        Map<Long, Long> handlers = requests.handlers(made.stream().map(Task::sourceId).toList());
        Map<Long, List<Task>> byHandler = new TreeMap<>();
        made.forEach(t -> {
            Long handler = handlers.get(t.sourceId());
            if (handler != null) {
                byHandler.computeIfAbsent(handler, k -> new ArrayList<>()).add(t);
            }
        });
        List<FigureTable.Row> rows = byHandler.entrySet().stream().map(e -> {
            StatsRow r = CallbackStatistics.row(null, inputs(e.getValue()));
            long scored = r.satisfaction().values().stream().mapToLong(Long::longValue).sum();
            long satisfied = e.getValue().stream().filter(t -> t.input().satisfaction() != null
                    && t.input().satisfaction().satisfied()).count();
            return new FigureTable.Row("user:" + e.getKey(), Text.of("table.callback.row.user", Text.Arg.user(e.getKey())),
                    Arrays.asList(BigDecimal.valueOf(r.done()), rate(satisfied, scored), score(r)), null);
        }).toList();
        return new FigureTable("callback.perHandler", List.of(Text.of("table.callback.column.made"),
                Text.of("table.callback.column.satisfied"), Text.of("table.callback.column.averageScore")),
                List.of(Unit.COUNT, Unit.PERCENT, Unit.SCORE), rows);
    }

    /** The tasks planned in the period, not cancelled, within the scope (and of the query's customer). */
    List<Task> tasks(FigureQuery query) {
        // the assignee's department stands for the task's department (a task has none of its own)
        var scope = query.scope().condition("(select u.department_id from org_user u where u.id = t.assignee_id)",
                "t.assignee_id");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", query.period().first());
        params.put("to", query.period().last());
        String customer = "";
        if (query.customerId() != null) {
            customer = " and t.customer_id = :customer";
            params.put("customer", query.customerId());
        }
        // the end of each planned day in company time, worked out once per day rather than once per task
        Map<LocalDate, java.time.Instant> dayEnds = new java.util.HashMap<>();
        return jdbc.sql("""
                select t.plan_kind, t.assignee_name, t.planned_due, t.status, t.attempts, t.satisfaction, t.method,
                       t.completed_at, t.follow_up, t.source_type, t.source_id
                from callback_task t where t.status <> 'CANCELLED' and t.planned_due >= :from and t.planned_due <= :to"""
                        + " and " + scope.sql() + customer)
                .params(params).query((rs, n) -> {
                    LocalDate planned = rs.getObject(3, LocalDate.class);
                    TaskStatus status = TaskStatus.valueOf(rs.getString(4));
                    var completed = rs.getTimestamp(8);
                    // on time: made by the end of the planned day (the plan's rule, e.g. 7 days after the close)
                    boolean onTime = status == TaskStatus.DONE && completed != null
                            && completed.toInstant().isBefore(dayEnds.computeIfAbsent(planned,
                            d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
                    return new Task(new CallbackStatistics.Input(PlanKind.valueOf(rs.getString(1)), rs.getString(2),
                            planned, status, rs.getInt(5),
                            rs.getString(6) == null ? null : Satisfaction.valueOf(rs.getString(6))),
                            CallbackMethod.valueOf(rs.getString(7)), onTime, rs.getString(9) != null,
                            rs.getString(10), rs.getObject(11, Long.class));
                }).list();
    }

    private static List<CallbackStatistics.Input> inputs(List<Task> tasks) {
        return tasks.stream().map(Task::input).toList();
    }

    /** The desk (all tabs) filtered to the tasks planned in the period (cancelled ones left out by the filter). */
    private static UriComponentsBuilder planned(FigureQuery query) {
        var link = UriComponentsBuilder.fromPath(DESK).queryParam("tab", "ALL")
                .queryParam("plannedFrom", query.period().first()).queryParam("plannedTo", query.period().last());
        if (query.scope().kind() == com.careloop.platform.DataScope.Kind.OWN) {
            link.queryParam("assigneeId", query.scope().userId());
        }
        return link;
    }

    private static BigDecimal rate(long part, long whole) {
        return Figure.rate("x", part, whole, Better.NONE, null).value();
    }

    private static BigDecimal score(StatsRow r) {
        return r.averageScore() == null ? null
                : BigDecimal.valueOf(r.averageScore()).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
