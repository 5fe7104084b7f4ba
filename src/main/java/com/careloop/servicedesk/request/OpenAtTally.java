package com.careloop.servicedesk.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.careloop.platform.TallyLock;
import com.careloop.platform.DataScope;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requests registered and ended (closed: the later of registration and close) per UTC day and per UTC month and
 * per group of the data scope's columns, on PostgreSQL (V191, ADR 0036): a trigger appends +1/-1 deltas, the job
 * folds the new ones into one row per (span, bucket, group). It answers "open at T" (registered before T and not
 * closed before T) from the month rows before T's month, the day rows of that month before T's day and the requests
 * of T's own UTC day — the same number as counting the requests, in O(months + days of a month) rows per group —
 * and gives the id range of the requests registered in a period (the queue's period filters). Elsewhere (H2) the
 * callers count the requests.
 */
@Component
public class OpenAtTally {

    static final String TABLE = "service_request_open_at_tally";
    private static final String COLUMNS = "span, bucket, department_id, assignee_id, registered_by";
    /** The advisory lock key of the folds and rebuilds ('openat' in ASCII). */
    private static final long LOCK = 0x6f70656e6174L;

    /** One row per (span, bucket, group) of the requests in the table (the migration's starting point too). */
    static final String REBUILD = "insert into " + TABLE + " (" + COLUMNS + ", delta, first_id, last_id, folded)"
            + " select s.span, s.bucket, c.department_id, c.assignee_id, c.registered_by, sum(c.delta),"
            + " min(c.first_id), max(c.last_id), true"
            + " from (select (registered_at at time zone 'UTC')::date d, department_id, assignee_id, registered_by,"
            + " 1 delta, id first_id, id last_id from service_request"
            + " union all select (greatest(registered_at, closed_at) at time zone 'UTC')::date, department_id,"
            + " assignee_id, registered_by, -1, null, null from service_request where closed_at is not null) c"
            + " cross join lateral (values ('D', c.d), ('M', date_trunc('month', c.d)::date)) s(span, bucket)"
            + " group by s.span, s.bucket, c.department_id, c.assignee_id, c.registered_by"
            + " having sum(c.delta) <> 0 or min(c.first_id) is not null"
            + " order by s.span, s.bucket"; // a bucket's groups on adjacent pages

    private final JdbcClient jdbc;
    private final TallyLock lock;

    OpenAtTally(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.lock = new TallyLock(jdbc, transactions, dataSource, LOCK);
    }

    /** Whether the tally is kept (PostgreSQL). */
    public boolean kept() {
        return lock.kept();
    }

    /**
     * The requests open at {@code at} within the scope (and of the customer, if any): the total under the null key,
     * or per {@code groupColumn} value ({@code r.department_id}), largest first, groups of none left out — the same
     * as {@link #counted} gives. A customer's requests are counted directly (through the customer's index: one
     * customer's requests, not a dimension of the tally); so is everything where the tally is not kept.
     */
    Map<Long, Long> openAt(Instant at, DataScope dataScope, Long customerId, String groupColumn) {
        if (!lock.kept() || customerId != null) {
            return counted(at, dataScope, customerId, groupColumn);
        }
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        params.put("month", java.sql.Date.valueOf(day.withDayOfMonth(1)));
        params.put("day", java.sql.Date.valueOf(day));
        params.put("dayStart", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("openAt", Timestamp.from(at));
        String group = groupColumn == null ? "cast(null as bigint)" : groupColumn;
        // the requests of T's own UTC day before T: +1 registered then, -1 ended then (registered_at and closed_at
        // are ranges of their BRIN, V189); none when T is a UTC midnight (company midnights in zones of whole hours
        // west of Greenwich and UTC itself)
        String today = day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(at) ? "" : """
                 union all select department_id, assignee_id, registered_by,
                  case when registered_at >= :dayStart and registered_at < :openAt then 1 else 0 end
                  - case when closed_at is not null and greatest(registered_at, closed_at) >= :dayStart
                      and greatest(registered_at, closed_at) < :openAt then 1 else 0 end n
                from service_request
                where (registered_at >= :dayStart and registered_at < :openAt)
                   or (closed_at >= :dayStart and closed_at < :openAt)""";
        Map<Long, Long> counts = new LinkedHashMap<>();
        // the total is one row, 0 included (as count(*) gives); per group only the groups with requests open
        jdbc.sql("select " + group + " g, coalesce(sum(r.n), 0) n from (select department_id, assignee_id,"
                        + " registered_by, delta n from " + TABLE + " where (span = 'M' and bucket < :month)"
                        + " or (span = 'D' and bucket >= :month and bucket < :day)" + today + ") r where "
                        + scope.sql() + (groupColumn == null ? ""
                                : " group by " + group + " having sum(r.n) <> 0 order by sum(r.n) desc"))
                .params(params).query(rs -> {
                    counts.put((Long) rs.getObject(1, Long.class), rs.getLong(2));
                });
        return counts;
    }

    /** The same figure counted from the requests (registered before, not closed by then): H2, a customer. */
    Map<Long, Long> counted(Instant at, DataScope dataScope, Long customerId, String groupColumn) {
        var scope = dataScope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("openAt", Timestamp.from(at));
        if (customerId != null) {
            params.put("customer", customerId);
        }
        String group = groupColumn == null ? "cast(null as bigint)" : groupColumn;
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + group + " g, count(*) n from service_request r where " + ServiceRequestQueries.OPEN_AT
                        + " and " + scope.sql() + (customerId == null ? "" : " and r.customer_id = :customer")
                        + (groupColumn == null ? "" : " group by " + group + " order by count(*) desc"))
                .params(params).query(rs -> {
                    counts.put((Long) rs.getObject(1, Long.class), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The least id of the requests registered at or after {@code from} (null: none, or the tally is not kept): every
     * such request has an id at least this, so {@code r.id >= } it is implied by {@code registered_at >= from}.
     */
    Long firstIdFrom(Instant from) {
        if (!lock.kept()) {
            return null;
        }
        LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
        return jdbc.sql("select min(first_id) from " + TABLE + " where (span = 'D' and bucket >= :day and bucket < :next)"
                        + " or (span = 'M' and bucket >= :next)")
                .param("day", java.sql.Date.valueOf(day)).param("next", java.sql.Date.valueOf(nextMonth))
                .query(Long.class).list().get(0);
    }

    /**
     * The greatest id of the requests registered before {@code to} (null: none, or the tally is not kept): every such
     * request has an id at most this, so {@code r.id <= } it is implied by {@code registered_at < to}.
     */
    Long lastIdBefore(Instant to) {
        if (!lock.kept()) {
            return null;
        }
        LocalDate day = to.atOffset(ZoneOffset.UTC).toLocalDate();
        return jdbc.sql("select max(last_id) from " + TABLE + " where (span = 'M' and bucket < :month)"
                        + " or (span = 'D' and bucket >= :month and bucket <= :day)")
                .param("month", java.sql.Date.valueOf(day.withDayOfMonth(1))).param("day", java.sql.Date.valueOf(day))
                .query(Long.class).list().get(0);
    }

    /** The periodic fold, on one node at a time. */
    @Scheduled(fixedDelayString = "${careloop.servicedesk.tally-fold-interval:PT5M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "open-at-tally-fold", lockAtMostFor = "PT10M")
    void scheduledFold() {
        fold();
    }

    /**
     * Folds the new deltas, with the folded rows of the buckets they fall in, into one row per (span, bucket, group);
     * returns the rows written (0 when the tally is not kept). One statement: a delta committed after it began is
     * neither deleted nor counted, so it stays new and still applies.
     */
    public int fold() {
        return lock.run("with fresh as (delete from " + TABLE + " where not folded returning " + COLUMNS
                + ", delta, first_id, last_id),"
                + " buckets as (select distinct span, bucket from fresh),"
                + " stale as (delete from " + TABLE + " o using buckets b where o.folded and o.span = b.span"
                + " and o.bucket = b.bucket returning o.span, o.bucket, o.department_id, o.assignee_id,"
                + " o.registered_by, o.delta, o.first_id, o.last_id)"
                + " insert into " + TABLE + " (" + COLUMNS + ", delta, first_id, last_id, folded)"
                + " select " + COLUMNS + ", sum(delta), min(first_id), max(last_id), true"
                + " from (select * from fresh union all select * from stale) x group by " + COLUMNS
                + " having sum(delta) <> 0 or min(first_id) is not null");
    }

    /** Replaces the tally by a count of the requests (e.g. after a bulk load with the trigger off). */
    public int rebuild() {
        return lock.run("with gone as (delete from " + TABLE + " returning id) " + REBUILD);
    }

}
