package com.careloop.complaint.handling;

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
 * The complaint deadline scan, once per cluster (ShedLock): one SQL query finds every warning (the
 * configured share used, default 80%) for the person who received the complaint and every breach for
 * the complaint specialists and CS managers that has not been sent. Each alert is sent once: its row in
 * {@code complaint_alert} (unique per complaint and key) commits with the notifications.
 */
@Component
public class DeadlineScan {

    record Hit(long complaintId, String code, String customerName, long receivedBy, String alertKey, Instant dueAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadlineScan.class);

    /** Acknowledge runs until acknowledged, reply until the first corrective action, resolve until closed. */
    private static final String SCAN = """
            select c.id, c.code, c.customer_name, c.received_by, a.alert_key, a.due_at
            from (
              select id, 'ACKNOWLEDGE_WARN' alert_key, acknowledge_due_at due_at from complaint
                where acknowledged_at is null and status = 'RECEIVED' and acknowledge_warn_at <= :now
              union all
              select id, 'ACKNOWLEDGE_BREACH', acknowledge_due_at from complaint
                where acknowledged_at is null and status = 'RECEIVED' and acknowledge_due_at <= :now
              union all
              select id, 'REPLY_WARN', reply_due_at from complaint
                where first_action_at is null and status <> 'CLOSED' and reply_warn_at <= :now
              union all
              select id, 'REPLY_BREACH', reply_due_at from complaint
                where first_action_at is null and status <> 'CLOSED' and reply_due_at <= :now
              union all
              select id, 'RESOLVE_WARN', resolve_due_at from complaint
                where status <> 'CLOSED' and resolve_warn_at <= :now
              union all
              select id, 'RESOLVE_BREACH', resolve_due_at from complaint
                where status <> 'CLOSED' and resolve_due_at <= :now
            ) a join complaint c on c.id = a.id
            where not exists (select 1 from complaint_alert x where x.complaint_id = a.id and x.alert_key = a.alert_key)
            order by a.id, a.alert_key""";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineScan(JdbcClient jdbc, Notifications notifications, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${careloop.complaint.scan-interval:PT1M}", initialDelayString = "PT40S")
    @SchedulerLock(name = "complaint-deadline-scan", lockAtMostFor = "PT5M")
    public void scheduled() {
        int sent = scan(Instant.now(clock));
        if (sent > 0) {
            log.info("Complaint deadline scan sent {} alert(s)", sent);
        }
    }

    /** Sends every alert due at {@code now} not yet sent; returns how many were sent. */
    public int scan(Instant now) {
        List<Hit> hits = jdbc.sql(SCAN).param("now", Timestamp.from(now))
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        int sent = 0;
        for (Hit hit : hits) {
            if (Boolean.TRUE.equals(tx.execute(s -> send(hit, now)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Hit hit, Instant now) {
        // The row is the once-only guard: another node or a re-run inserts nothing and sends nothing.
        int inserted = jdbc.sql("""
                insert into complaint_alert (complaint_id, alert_key, sent_at) values (:id, :key, :at)
                on conflict do nothing""")
                .param("id", hit.complaintId()).param("key", hit.alertKey()).param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        boolean warn = hit.alertKey().endsWith("_WARN");
        Text clockName = Text.label("texts.clock", hit.alertKey().substring(0, hit.alertKey().indexOf('_')));
        Text title = Text.of(warn ? "texts.notify.complaint-due-soon" : "texts.notify.complaint-overdue", hit.code());
        Text body = Text.of("texts.notify.complaint-due", hit.customerName(), clockName, hit.dueAt());
        List<Long> recipients = warn ? List.of(hit.receivedBy()) : jdbc.sql("""
                select id from org_user where active = true and position in ('COMPLAINT_SPECIALIST', 'CS_MANAGER')
                order by id""").query(Long.class).list();
        for (long recipient : recipients) {
            notifications.notify(recipient, title, body, "/complaints/" + hit.complaintId());
        }
        return true;
    }
}
