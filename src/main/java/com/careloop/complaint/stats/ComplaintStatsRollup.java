package com.careloop.complaint.stats;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.careloop.platform.CareLoopProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics rollup, once per cluster (ShedLock), without writing a complaint row. A complaint is in the
 * rollup when its id is at most the rollup's {@code last_id} (table {@code complaint_stats_state}) and it is not
 * pending ({@code complaint_stats_pending}: the ids up to {@code last_id} that were not settled when last seen).
 * A run, in one transaction: takes the new ids (up to the newest id created a minute ago or earlier), finds the
 * pending and new complaints settled now (and any complaint opened again), moves the settled ones out of the
 * pending list and the others into it, and recomputes each month that gained (or lost) a complaint from its
 * complaints in the rollup (and the customer counts of its year). Idempotent: a second run at the same now finds
 * nothing to do. See docs/complaint-statistics.md and ADR 0037.
 */
@Component
public class ComplaintStatsRollup {

    /** The groupings kept per month; department and month come from the SEVERITY rows, the Pareto from CAUSE. */
    static final List<StatsGroup> DIMS = List.of(StatsGroup.CATEGORY, StatsGroup.SEVERITY, StatsGroup.CAUSE,
            StatsGroup.PRODUCT);
    /**
     * The new ids a run takes are those created at least this long before its now: an id handed out by a
     * transaction that has not committed when the run reads is then older than every id the run takes (a
     * registration commits in milliseconds), so no id at or below {@code last_id} can appear after the run.
     */
    static final Duration SETTLE_IDS = Duration.ofMinutes(1);
    /** A complaint counted in the rollup (alias {@code c}): up to the last id, not pending. */
    static final String IN_ROLLUP = "c.id <= (select s.last_id from complaint_stats_state s where s.id = 1)"
            + " and not exists (select 1 from complaint_stats_pending p where p.complaint_id = c.id)";

    /** The "now" of the figures of complaints in the rollup: after every deadline. */
    private static final Timestamp DECIDED = Timestamp.from(Instant.parse("3000-01-01T00:00:00Z"));

    private static final Logger log = LoggerFactory.getLogger(ComplaintStatsRollup.class);

    /** How many months were recomputed and how many complaints they took in. */
    public record Result(int months, long complaints) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintStatsRollup(JdbcClient jdbc, TransactionTemplate tx, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Scheduled(fixedDelayString = "${careloop.complaint.stats-interval:PT10M}",
            initialDelayString = "${careloop.complaint.stats-initial-delay:PT5M}")
    @SchedulerLock(name = "complaint-stats-rollup", lockAtMostFor = "PT1H")
    public void scheduled() {
        Result r = rollup();
        if (r.months() > 0) {
            log.info("Complaint statistics rollup: {} month(s) recomputed, {} complaint(s) rolled up", r.months(),
                    r.complaints());
        }
    }

    /** Rolls up what is settled now. */
    public Result rollup() {
        return rollup(Instant.now(clock));
    }

    /**
     * Rolls up the complaints settled at {@code now}: never later than the clock's now, or the live part of the
     * statistics (which counts with the clock's now) would no longer agree with the rolled figures.
     */
    // synchronized: a manual run and the scheduled one on this node wait for each other (other nodes: the state row)
    public synchronized Result rollup(Instant now) {
        if (now.isAfter(Instant.now(clock))) {
            throw new IllegalArgumentException("the rollup cannot look ahead of the clock: " + now);
        }
        return tx.execute(s -> run(now));
    }

    /**
     * Takes a year's complaints out of the rollup (all pending, the year's rows deleted): they count from their
     * rows until the next run rolls them up again. For a correction made by SQL to a complaint already rolled up
     * (a changed statistics column, a complaint opened again), or after changing the company zone (every year).
     */
    public synchronized void forget(int year) {
        tx.executeWithoutResult(s -> {
            long last = lockState();
            Map<String, Object> range = Map.of("from", start(YearMonth.of(year, 1)),
                    "to", start(YearMonth.of(year + 1, 1)), "last", last, "year", year,
                    "fromDay", Date.valueOf(YearMonth.of(year, 1).atDay(1)),
                    "toDay", Date.valueOf(YearMonth.of(year + 1, 1).atDay(1)));
            jdbc.sql("insert into complaint_stats_pending (complaint_id, received_at) select c.id, c.received_at"
                            + " from complaint c where c.received_at >= :from and c.received_at < :to and c.id <= :last"
                            + " and not exists (select 1 from complaint_stats_pending p where p.complaint_id = c.id)")
                    .params(range).update();
            jdbc.sql("delete from complaint_stats_month where stats_month >= :fromDay and stats_month < :toDay")
                    .params(range).update();
            jdbc.sql("delete from complaint_stats_close where stats_month >= :fromDay and stats_month < :toDay")
                    .params(range).update();
            jdbc.sql("delete from complaint_stats_customer where stats_year = :year").params(range).update();
        });
    }

    /** The state row locked: a second run (another node, or {@link #forget}) waits here, then sees our rows. */
    private long lockState() {
        return jdbc.sql("select last_id from complaint_stats_state where id = 1 for update").query(Long.class).single();
    }

    private Result run(Instant now) {
        Timestamp at = Timestamp.from(now);
        long last = lockState();
        long newest = jdbc.sql("select coalesce(max(c.id), 0) from complaint c where c.created_at <= :created")
                .param("created", Timestamp.from(now.minus(SETTLE_IDS))).query(Long.class).single();
        long upTo = Math.max(last, newest);
        Map<String, Object> p = Map.of("now", at, "last", last, "upTo", upTo);
        // what changes: the pending complaints settled now, the new ones settled now, and any complaint in the rollup
        // opened again (no step of the complaint module does that; SQL could)
        String settledPending = " from complaint c join complaint_stats_pending p on p.complaint_id = c.id where "
                + StatsSql.SETTLED;
        String settledNew = " from complaint c where c.id > :last and c.id <= :upTo and " + StatsSql.SETTLED;
        String reopened = " from complaint c where c.closed_at is null and c.id <= :last"
                + " and not exists (select 1 from complaint_stats_pending p where p.complaint_id = c.id)";
        String local = "c.received_at at time zone '" + zone.getId() + "'";
        String month = ", extract(year from " + local + ") y, extract(month from " + local + ") m";
        TreeSet<YearMonth> months = new TreeSet<>();
        long[] found = new long[3]; // settled pending, settled new, reopened
        jdbc.sql("select y, m, sum(case when k = 'P' then 1 else 0 end) p, sum(case when k = 'N' then 1 else 0 end) n,"
                        + " sum(case when k = 'R' then 1 else 0 end) r from (select 'P' k" + month + settledPending
                        + " union all select 'N' k" + month + settledNew + " union all select 'R' k" + month + reopened
                        + ") x group by y, m")
                .params(p).query(rs -> {
                    months.add(YearMonth.of(rs.getInt("y"), rs.getInt("m")));
                    found[0] += rs.getLong("p");
                    found[1] += rs.getLong("n");
                    found[2] += rs.getLong("r");
                });
        // the pending list: settled ones out, new unsettled and reopened ones in (each statement only when needed)
        if (found[0] > 0) {
            jdbc.sql("delete from complaint_stats_pending where complaint_id in (select c.id" + settledPending + ")")
                    .params(p).update();
        }
        if (upTo > last) {
            jdbc.sql("insert into complaint_stats_pending (complaint_id, received_at) select c.id, c.received_at"
                            + " from complaint c where c.id > :last and c.id <= :upTo and not (" + StatsSql.SETTLED + ")")
                    .params(p).update();
        }
        if (found[2] > 0) {
            jdbc.sql("insert into complaint_stats_pending (complaint_id, received_at) select c.id, c.received_at"
                    + reopened).params(p).update();
        }
        long taken = found[0] + found[1];
        jdbc.sql("update complaint_stats_state set last_id = :upTo, rolled_at = :now where id = 1").params(p).update();
        for (YearMonth m : months) {
            month(m);
        }
        months.stream().map(YearMonth::getYear).distinct().forEach(this::customers);
        return new Result(months.size(), taken);
    }

    /** A month's rows recomputed from its complaints in the rollup (the state and the pending list as updated). */
    private void month(YearMonth month) {
        // every complaint in the rollup was settled (each deadline passed) when it was taken in, whatever the now of
        // a later run: its deadlines count as decided
        Map<String, Object> range = Map.of("month", Date.valueOf(month.atDay(1)), "from", start(month),
                "to", start(month.plusMonths(1)), "now", DECIDED);
        jdbc.sql("delete from complaint_stats_month where stats_month = :month").params(range).update();
        jdbc.sql("delete from complaint_stats_close where stats_month = :month").params(range).update();
        String rolled = " from complaint c where c.received_at >= :from and c.received_at < :to and " + IN_ROLLUP;
        for (StatsGroup dim : DIMS) {
            String key = StatsSql.key(dim);
            jdbc.sql("insert into complaint_stats_month (stats_month, department_id, received_by, dim, k, "
                            + StatsSql.FIGURE_COLUMNS + ") select cast(:month as date), c.department_id, c.received_by, '"
                            + dim + "', " + key + "," + StatsSql.figures("1") + rolled
                            + " group by c.department_id, c.received_by, " + key)
                    .params(range).update();
            jdbc.sql("insert into complaint_stats_close (stats_month, department_id, received_by, dim, k, hours, n)"
                            + " select cast(:month as date), c.department_id, c.received_by, '" + dim + "', " + key + ", "
                            + StatsSql.HOURS + ", count(*)" + rolled + " group by c.department_id, c.received_by, " + key
                            + ", " + StatsSql.HOURS)
                    .params(range).update();
        }
    }

    /** A year's customer counts recomputed from its complaints in the rollup. */
    private void customers(int year) {
        Map<String, Object> years = Map.of("year", year, "from", start(YearMonth.of(year, 1)),
                "to", start(YearMonth.of(year + 1, 1)));
        jdbc.sql("delete from complaint_stats_customer where stats_year = :year").params(years).update();
        jdbc.sql("insert into complaint_stats_customer (stats_year, department_id, received_by, customer_id, n, repeats)"
                        + " select :year, c.department_id, c.received_by, c.customer_id, count(*),"
                        + " sum(case when c.repeat_of_id is not null then 1 else 0 end) from complaint c"
                        + " where c.received_at >= :from and c.received_at < :to and " + IN_ROLLUP
                        + " group by c.department_id, c.received_by, c.customer_id")
                .params(years).update();
    }

    private Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    }
}
