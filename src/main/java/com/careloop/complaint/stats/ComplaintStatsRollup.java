package com.careloop.complaint.stats;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.careloop.platform.CareLoopProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics rollup, once per cluster (ShedLock): finds the months (of receipt, company zone) that have
 * settled complaints not rolled up yet and recomputes each in one transaction: marks them rolled (one fixed
 * now), deletes the month's rows and re-inserts the aggregates of every rolled complaint of the month (and the
 * customer counts of its year). Idempotent: a second run at the same now finds nothing to do. See
 * docs/complaint-statistics.md.
 */
@Component
public class ComplaintStatsRollup {

    /** The groupings kept per month; department and month come from the SEVERITY rows, the Pareto from CAUSE. */
    static final List<StatsGroup> DIMS = List.of(StatsGroup.CATEGORY, StatsGroup.SEVERITY, StatsGroup.CAUSE,
            StatsGroup.PRODUCT);

    private static final Logger log = LoggerFactory.getLogger(ComplaintStatsRollup.class);

    /** How many months were recomputed and how many complaints they marked rolled. */
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
    // synchronized: a manual run and the scheduled one on this node wait for each other (other nodes: the year lock)
    public synchronized Result rollup(Instant now) {
        if (now.isAfter(Instant.now(clock))) {
            throw new IllegalArgumentException("the rollup cannot look ahead of the clock: " + now);
        }
        String local = "c.received_at at time zone '" + zone.getId() + "'";
        List<YearMonth> months = jdbc.sql("select distinct extract(year from " + local + ") y, extract(month from " + local
                        + ") m from complaint c where not c.stats_rolled and " + StatsSql.SETTLED)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> YearMonth.of(rs.getInt("y"), rs.getInt("m"))).list().stream().sorted().toList();
        long complaints = 0;
        for (YearMonth month : months) {
            Long rolled = tx.execute(s -> month(month, now));
            complaints += rolled == null ? 0 : rolled;
        }
        return new Result(months.size(), complaints);
    }

    /** One month in one transaction; returns how many complaints it marked rolled. */
    private long month(YearMonth month, Instant now) {
        Timestamp at = Timestamp.from(now);
        int year = month.getYear();
        // The year's row lock: a second recomputation in this year (another node) waits here, then sees our rows.
        jdbc.sql("insert into complaint_stats_rollup (stats_year, rolled_at) values (:y, :at) on conflict do nothing")
                .param("y", year).param("at", at).update();
        jdbc.sql("update complaint_stats_rollup set rolled_at = :at where stats_year = :y").param("y", year)
                .param("at", at).update();
        Map<String, Object> range = Map.of("month", Date.valueOf(month.atDay(1)), "from", start(month),
                "to", start(month.plusMonths(1)), "now", at);
        long marked = jdbc.sql("update complaint c set stats_rolled = true where not c.stats_rolled and "
                        + StatsSql.SETTLED + " and c.received_at >= :from and c.received_at < :to")
                .params(range).update();
        jdbc.sql("delete from complaint_stats_month where stats_month = :month").params(range).update();
        jdbc.sql("delete from complaint_stats_close where stats_month = :month").params(range).update();
        String rolled = " from complaint c where c.stats_rolled and c.received_at >= :from and c.received_at < :to";
        for (StatsGroup dim : DIMS) {
            String key = StatsSql.key(dim);
            jdbc.sql("insert into complaint_stats_month (stats_month, department_id, received_by, dim, k, "
                            + StatsSql.FIGURE_COLUMNS + ") select cast(:month as date), c.department_id, c.received_by, '"
                            + dim + "', " + key + "," + StatsSql.figures("1") + rolled + " group by c.department_id,"
                            + " c.received_by, " + key)
                    .params(range).update();
            jdbc.sql("insert into complaint_stats_close (stats_month, department_id, received_by, dim, k, hours, n)"
                            + " select cast(:month as date), c.department_id, c.received_by, '" + dim + "', " + key + ", "
                            + StatsSql.HOURS + ", count(*)" + rolled + " group by c.department_id, c.received_by, " + key
                            + ", " + StatsSql.HOURS)
                    .params(range).update();
        }
        Map<String, Object> years = Map.of("year", year, "from", start(YearMonth.of(year, 1)),
                "to", start(YearMonth.of(year + 1, 1)));
        jdbc.sql("delete from complaint_stats_customer where stats_year = :year").params(years).update();
        jdbc.sql("insert into complaint_stats_customer (stats_year, department_id, received_by, customer_id, n, repeats)"
                        + " select :year, c.department_id, c.received_by, c.customer_id, count(*),"
                        + " sum(case when c.repeat_of_id is not null then 1 else 0 end)" + rolled
                        + " group by c.department_id, c.received_by, c.customer_id")
                .params(years).update();
        return marked;
    }

    private Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    }
}
