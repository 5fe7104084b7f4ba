package com.careloop.servicedesk.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.careloop.platform.Text;
import com.careloop.platform.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA scan, once per cluster (ShedLock): one SQL query over the open requests finds every
 * warning (the configured share of a target used, default 80%) for the handler, every breach for the
 * CS supervisors and every second-level escalation (breach + {@code escalate-after}) for the CS
 * managers that has not been sent yet. Each alert is sent once: its row in {@code service_request_alert}
 * (unique per request and level) is inserted in the same transaction as the notifications.
 */
@Component
public class SlaScan {

    public enum Level { WARN, BREACH, ESCALATION }

    record Hit(long requestId, String code, String title, Long assigneeId, boolean keyCustomer, String alertKey,
               Instant dueAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SlaScan.class);

    /**
     * Warn/breach/escalation per clock; the response clock runs until work starts, the completion clock until done.
     * The completion branches say {@code completed_at is null}, true of every request in their statuses (see
     * ServiceRequest.reopen). {@code %1$s} is, on PostgreSQL, every branch's road to the index of V161 (see
     * {@link #PAST_WARNING}): a request past a running deadline is past its warning too (the warning comes first), and
     * the deadline columns' statistics, made of the closed requests' long-past deadlines, made the planner read
     * whole indexes for the breach branches (V189 dropped the indexes of every request's deadline).
     */
    private static final String SCAN = """
            select r.id, r.code, r.title, r.assignee_id, r.key_customer, a.alert_key, a.due_at
            from (
              select id, 'RESPONSE_WARN' alert_key, response_due_at due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED') and responded_at is null and response_warn_at <= :now%1$s
              union all
              select id, 'RESPONSE_BREACH', response_due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED') and responded_at is null and response_due_at <= :now%1$s
              union all
              select id, 'RESPONSE_ESCALATION', response_due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED') and responded_at is null and response_due_at <= :late%1$s
              union all
              select id, 'COMPLETION_WARN', completion_due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED', 'IN_PROGRESS') and completion_warn_at <= :now%1$s
              union all
              select id, 'COMPLETION_BREACH', completion_due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED', 'IN_PROGRESS') and completed_at is null
                  and completion_due_at <= :now%1$s
              union all
              select id, 'COMPLETION_ESCALATION', completion_due_at from service_request r
                where status in ('REGISTERED', 'DISPATCHED', 'IN_PROGRESS') and completed_at is null
                  and completion_due_at <= :late%1$s
            ) a join service_request r on r.id = a.id
            where not exists (select 1 from service_request_alert x where x.request_id = a.id and x.alert_key = a.alert_key)
            order by a.id, a.alert_key""";

    /**
     * The same requests said a second way: a request past its running response or completion warning is past the
     * earliest running warning (V161's index; a request in these statuses has no completion time, see
     * ServiceRequest.reopen). Without it PostgreSQL read every open request for the two warning branches: 9–17 s
     * per scan at 3,000,000 open requests (docs/BENCHMARKS.md).
     */
    static final String PAST_WARNING = " and " + ServiceRequestQueries.PAST_WARNING_OR_DEADLINE;

    private final String scanSql;
    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Staff staff;
    private final ServiceDeskProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlaScan(JdbcClient jdbc, Notifications notifications, Staff staff, ServiceDeskProperties properties,
            TransactionTemplate tx, Clock clock, javax.sql.DataSource dataSource) {
        this.scanSql = scanSql(com.careloop.platform.Databases.isPostgres(dataSource));
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.staff = staff;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${careloop.servicedesk.scan-interval:PT1M}", initialDelayString = "${careloop.servicedesk.scan-initial-delay:PT30S}")
    @SchedulerLock(name = "servicedesk-sla-scan", lockAtMostFor = "PT5M")
    public void scheduled() {
        int sent = scan(Instant.now(clock));
        if (sent > 0) {
            log.info("SLA scan sent {} alert(s)", sent);
        }
    }

    static String scanSql(boolean postgres) {
        return SCAN.formatted(postgres ? PAST_WARNING : "");
    }

    /** Sends every alert due at {@code now} that has not been sent; returns how many were sent. */
    public int scan(Instant now) {
        List<Hit> hits = jdbc.sql(scanSql).param("now", Timestamp.from(now))
                .param("late", Timestamp.from(now.minus(properties.escalateAfter())))
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getBoolean(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
        int sent = 0;
        for (Hit hit : hits) {
            Boolean done = tx.execute(s -> send(hit, now));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Hit hit, Instant now) {
        // The row is the once-only guard: a second node or a re-run inserts nothing and sends nothing.
        int inserted = jdbc.sql("""
                insert into service_request_alert (request_id, alert_key, sent_at) values (:id, :key, :at)
                on conflict do nothing""")
                .param("id", hit.requestId()).param("key", hit.alertKey()).param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        Level level = Level.valueOf(hit.alertKey().substring(hit.alertKey().indexOf('_') + 1));
        boolean response = hit.alertKey().startsWith("RESPONSE");
        Text title = Text.of("texts.notify.sr-" + level.name().toLowerCase(java.util.Locale.ROOT), hit.code());
        Text body = Text.of(hit.keyCustomer() ? "texts.notify.sr-due-key" : "texts.notify.sr-due", hit.title(),
                Text.of(response ? "texts.clock.response" : "texts.clock.completion"), hit.dueAt());
        for (long recipient : recipients(level, hit)) {
            notifications.notify(recipient, title, body, "/service-requests/" + hit.requestId());
        }
        return true;
    }

    private List<Long> recipients(Level level, Hit hit) {
        return switch (level) {
            case WARN -> hit.assigneeId() != null ? List.of(hit.assigneeId()) : staff.withPosition("CS_SUPERVISOR");
            case BREACH -> staff.withPosition("CS_SUPERVISOR");
            case ESCALATION -> staff.withPosition("CS_MANAGER");
        };
    }
}
