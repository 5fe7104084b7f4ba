package com.careloop.callback.task;

import java.util.List;

import javax.sql.DataSource;

import com.careloop.platform.TallyLock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The callback tasks per month of their planned due date and per group the statistics count (plan, agent, status,
 * tried, satisfaction), on PostgreSQL (V198, ADR 0040): triggers append +1/-1 deltas, the job folds them into one row
 * per group. {@link CallbackStatistics} reads a period's whole months from it. Elsewhere (H2) the statistics count
 * the tasks.
 */
@Component
public class CallbackMonthTally {

    static final String TABLE = "callback_month_tally";
    private static final List<String> KEYS = List.of("month", "plan_kind", "assignee_name", "status", "attempted",
            "satisfaction");
    /** The advisory lock key of the folds and rebuilds ('cbmon' in ASCII). */
    private static final long LOCK = 0x63626d6f6eL;

    /** One row per group of the tasks in the table (the migration's starting point too). */
    static final String REBUILD = "insert into " + TABLE + " (" + String.join(", ", KEYS) + ", delta, folded)"
            + " select date_trunc('month', planned_due)::date, plan_kind, assignee_name, status, attempts > 0,"
            + " satisfaction, count(*), true from callback_task group by 1, 2, 3, 4, 5, 6 order by 1";

    private final TallyLock lock;

    CallbackMonthTally(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.lock = new TallyLock(jdbc, transactions, dataSource, LOCK);
    }

    /** Whether the tally is kept (PostgreSQL). */
    public boolean kept() {
        return lock.kept();
    }

    /** The periodic fold, on one node at a time. */
    @Scheduled(fixedDelayString = "${careloop.tally-fold-interval:PT5M}", initialDelayString = "PT4M")
    @SchedulerLock(name = "callback-month-tally-fold", lockAtMostFor = "PT10M")
    void scheduledFold() {
        fold();
    }

    /** Folds the new deltas into one row per group; the rows written (0 when the tally is not kept). */
    public int fold() {
        return lock.run(TallyLock.fold(TABLE, List.of("month"), KEYS));
    }

    /** Replaces the tally by a count of the tasks (e.g. after a bulk load with the triggers off). */
    public int rebuild() {
        return lock.run("with gone as (delete from " + TABLE + " returning id) " + REBUILD);
    }

}
