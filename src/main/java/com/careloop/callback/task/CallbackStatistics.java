package com.careloop.callback.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.careloop.callback.CallbackViews.GroupBy;
import com.careloop.callback.CallbackViews.KeyCustomerYear;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.callback.PlanKind;
import com.careloop.callback.TaskStatus;
import com.careloop.complaint.ComplaintCounts;
import com.careloop.customer.CustomerFacts;
import com.careloop.customer.KeyCustomers;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CountsPerCustomer;
import com.careloop.platform.Satisfaction;
import com.careloop.servicedesk.ServiceRequestCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callback statistics: coverage (done / due in the period), reach rate (reached / attempted tasks) and the
 * satisfaction distribution, by plan, agent or month of the planned due date; and the annual key-customer
 * follow-up analysis. Cancelled tasks are not counted.
 */
@Service
@Transactional(readOnly = true)
public class CallbackStatistics {

    /** One task as the statistics see it, or {@code count} alike ones (the database's groups). */
    public record Input(PlanKind plan, String agent, LocalDate plannedDue, TaskStatus status, int attempts,
                        Satisfaction satisfaction, long count) {

        public Input(PlanKind plan, String agent, LocalDate plannedDue, TaskStatus status, int attempts,
                     Satisfaction satisfaction) {
            this(plan, agent, plannedDue, status, attempts, satisfaction, 1);
        }
    }

    private final JdbcClient jdbc;
    private final KeyCustomers keyCustomers;
    private final CustomerFacts customers;
    private final ComplaintCounts complaints;
    private final ServiceRequestCounts requests;
    private final CallbackMonthTally tally;
    private final ZoneId zone;

    CallbackStatistics(JdbcClient jdbc, KeyCustomers keyCustomers, CustomerFacts customers, ComplaintCounts complaints,
                       ServiceRequestCounts requests, CallbackMonthTally tally, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.tally = tally;
        this.keyCustomers = keyCustomers;
        this.customers = customers;
        this.complaints = complaints;
        this.requests = requests;
        this.zone = platform.zone();
    }

    /**
     * The rows for tasks planned between {@code from} and {@code to} (both included): the total first. The whole
     * months of the period come from the month tally where it is kept (V198: ~700 groups a year), its partial months
     * (and everything elsewhere) from the tasks.
     */
    public List<StatsRow> statistics(GroupBy by, LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = to.plusDays(1).withDayOfMonth(1);
        if (!tally.kept() || !firstMonth.isBefore(endMonth)) {
            return compute(counted(from, to), by);
        }
        List<Input> inputs = new ArrayList<>(jdbc.sql("select month, plan_kind, assignee_name, status,"
                        + " case when attempted then 1 else 0 end, satisfaction, sum(delta) from "
                        + CallbackMonthTally.TABLE + " where status <> 'CANCELLED' and month >= :first and month < :end"
                        + " group by month, plan_kind, assignee_name, status, attempted, satisfaction"
                        + " having sum(delta) <> 0")
                .param("first", firstMonth).param("end", endMonth).query(CallbackStatistics::input).list());
        if (from.isBefore(firstMonth)) {
            inputs.addAll(counted(from, firstMonth.minusDays(1)));
        }
        if (endMonth.isBefore(to.plusDays(1))) {
            inputs.addAll(counted(endMonth, to));
        }
        return compute(inputs, by);
    }

    /**
     * The tasks planned between {@code from} and {@code to} (both included) counted per (plan, agent, month, status,
     * attempted, satisfaction) by the database instead of handing every task to Java (200,000 a year at a million
     * callbacks: 2 s, docs/BENCHMARKS.md). The month is one timestamp (date_trunc), not year and month as two
     * numerics: extract() returns numeric, whose hashing and sorting made the grouping ~3× slower.
     */
    List<Input> counted(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select min(planned_due), plan_kind, assignee_name, status,
                       case when attempts > 0 then 1 else 0 end, satisfaction, count(*) from callback_task
                where status <> 'CANCELLED' and planned_due >= :from and planned_due <= :to
                group by plan_kind, assignee_name, date_trunc('month', planned_due),
                         status, case when attempts > 0 then 1 else 0 end, satisfaction""")
                .param("from", from).param("to", to).query(CallbackStatistics::input).list();
    }

    /** A group's row: month (a day of it), plan, agent, status, attempted (1/0), satisfaction, count. */
    private static Input input(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Input(PlanKind.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(1, LocalDate.class),
                TaskStatus.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getString(6) == null ? null : Satisfaction.valueOf(rs.getString(6)), rs.getLong(7));
    }

    /** The total (key null) and one row per group, groups in key order. */
    public static List<StatsRow> compute(List<Input> inputs, GroupBy by) {
        Function<Input, String> key = switch (by) {
            case PLAN -> i -> i.plan().name();
            case AGENT -> i -> i.agent() == null ? "-" : i.agent();
            case MONTH -> i -> i.plannedDue().toString().substring(0, 7);
        };
        Map<String, List<Input>> groups = new TreeMap<>();
        for (Input i : inputs) {
            groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
        }
        List<StatsRow> rows = new ArrayList<>();
        rows.add(row(null, inputs));
        groups.forEach((k, v) -> rows.add(row(k, v)));
        return rows;
    }

    static StatsRow row(String key, List<Input> inputs) {
        long due = inputs.stream().mapToLong(Input::count).sum();
        long done = inputs.stream().filter(i -> i.status() == TaskStatus.DONE).mapToLong(Input::count).sum();
        long attempted = inputs.stream().filter(i -> i.attempts() > 0).mapToLong(Input::count).sum();
        Map<Satisfaction, Long> distribution = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            distribution.put(s, 0L);
        }
        long scoreSum = 0;
        for (Input i : inputs) {
            if (i.status() == TaskStatus.DONE && i.satisfaction() != null) {
                distribution.merge(i.satisfaction(), i.count(), Long::sum);
                scoreSum += i.satisfaction().score() * i.count();
            }
        }
        long scored = distribution.values().stream().mapToLong(Long::longValue).sum();
        return new StatsRow(key, due, done, attempted, done, coverage(done, due), reachRate(done, attempted),
                distribution, scored == 0 ? null : (double) scoreSum / scored);
    }

    /** Done / due; null when nothing was due. */
    public static Double coverage(long done, long due) {
        return due == 0 ? null : (double) done / due;
    }

    /** Reached / attempted (tasks with at least one try); null when nothing was attempted. */
    public static Double reachRate(long reached, long attempted) {
        return attempted == 0 ? null : (double) reached / attempted;
    }

    /**
     * The annual key-customer follow-up: per current key customer the callbacks planned in the year, done,
     * reached, average score, last satisfaction and unsatisfied ones, open callbacks, and the complaints and
     * service requests of the year (with the open ones) from those modules' counts.
     */
    public List<KeyCustomerYear> keyCustomerYear(int year) {
        List<Long> keys = keyCustomers.keyCustomerIds();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        var start = from.atStartOfDay(zone).toInstant();
        var end = from.plusYears(1).atStartOfDay(zone).toInstant();
        Map<Long, CountsPerCustomer.Count> complaintCounts = complaints.byCustomer(keys, start, end);
        Map<Long, CountsPerCustomer.Count> requestCounts = requests.byCustomer(keys, start, end);
        Map<Long, long[]> tasks = new LinkedHashMap<>();
        Map<Long, Satisfaction> last = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("""
                    select customer_id, status, attempts, satisfaction, planned_due from callback_task
                    where customer_id in (:ids) and status <> 'CANCELLED'
                      and (planned_due between :from and :to or status = 'OPEN')
                    order by customer_id, completed_at, id""")
                    .param("ids", keys).param("from", from).param("to", to)
                    .query(rs -> {
                        long customer = rs.getLong(1);
                        TaskStatus status = TaskStatus.valueOf(rs.getString(2));
                        Satisfaction s = rs.getString(4) == null ? null : Satisfaction.valueOf(rs.getString(4));
                        LocalDate planned = rs.getObject(5, LocalDate.class);
                        boolean inYear = !planned.isBefore(from) && !planned.isAfter(to);
                        // planned, done, reached, score sum, scored, unsatisfied, open
                        long[] c = tasks.computeIfAbsent(customer, k -> new long[7]);
                        if (inYear) {
                            c[0]++;
                            if (status == TaskStatus.DONE) {
                                c[1]++;
                                c[2]++;
                                if (s != null) {
                                    c[3] += s.score();
                                    c[4]++;
                                    c[5] += s.unsatisfied() ? 1 : 0;
                                    last.put(customer, s);
                                }
                            }
                        }
                        if (status == TaskStatus.OPEN) {
                            c[6]++;
                        }
                    });
        }
        List<KeyCustomerYear> out = new ArrayList<>();
        for (long id : keys) {
            var facts = customers.facts(id);
            long[] c = tasks.getOrDefault(id, new long[7]);
            var none = new CountsPerCustomer.Count(0, 0);
            var cc = complaintCounts.getOrDefault(id, none);
            var rc = requestCounts.getOrDefault(id, none);
            out.add(new KeyCustomerYear(id, facts.map(CustomerFacts.Facts::name).orElse("#" + id),
                    facts.map(CustomerFacts.Facts::code).orElse(null), c[0], c[1], c[2],
                    c[4] == 0 ? null : (double) c[3] / c[4], last.get(id), cc.all(), cc.open(), rc.all(),
                    rc.open(), c[6], c[5]));
        }
        return out;
    }
}
