package com.careloop.capa.handling;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.careloop.platform.Text;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CAPA scan, once per cluster (ShedLock). An open action of the current round whose due date has passed
 * is escalated once to its owner, and — {@code careloop.capa.escalate-after-days} later (default 3) — once to
 * the quality and CS managers; an effectiveness check that falls due is announced once per round to the
 * quality managers and the person who opened the CAPA. Each alert is sent once: its row in {@code capa_alert}
 * (unique per CAPA and key) commits with the notifications.
 */
@Component
public class CapaScan {

    record Hit(long capaId, String code, String alertKey, Long recipient, String what, LocalDate due) {
    }

    private static final Logger log = LoggerFactory.getLogger(CapaScan.class);

    private static final String OVERDUE_ACTIONS = """
            select c.id, c.code, a.id, a.owner_id, a.description, a.due_date
            from capa_action a join capa c on c.id = a.capa_id
            where a.done = false and a.due_date < :before and a.round_no = c.round_no and c.status <> 'CLOSED'
              and not exists (select 1 from capa_alert x where x.capa_id = c.id
                              and x.alert_key = concat(:prefix, cast(a.id as varchar(20))))
            order by a.due_date, a.id""";

    private static final String CHECKS_DUE = """
            select c.id, c.code, c.round_no, c.opened_by, c.problem, c.effectiveness_check_due
            from capa c
            where c.status in ('ACTIONS_DONE', 'VERIFICATION_PENDING') and c.effectiveness_check_due <= :today
              and not exists (select 1 from capa_alert x where x.capa_id = c.id
                              and x.alert_key = concat('CHECK_DUE:', cast(c.round_no as varchar(20))))
            order by c.effectiveness_check_due, c.id""";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final CapaProperties properties;
    private final CareLoopProperties platform;
    private final Clock clock;

    CapaScan(JdbcClient jdbc, Notifications notifications, TransactionTemplate tx, CapaProperties properties,
             CareLoopProperties platform, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tx = tx;
        this.properties = properties;
        this.platform = platform;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${careloop.capa.scan-interval:PT1M}", initialDelayString = "PT50S")
    @SchedulerLock(name = "capa-scan", lockAtMostFor = "PT5M")
    public void scheduled() {
        int sent = scan(Instant.now(clock));
        if (sent > 0) {
            log.info("CAPA scan sent {} alert(s)", sent);
        }
    }

    /** Sends every alert due at {@code now} not yet sent; returns how many alerts were sent. */
    public int scan(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, platform.zone());
        List<Hit> hits = new ArrayList<>();
        hits.addAll(overdue("ACTION_OWNER:", today, true));
        hits.addAll(overdue("ACTION_MANAGER:", today.minusDays(properties.escalateAfterDays()), false));
        hits.addAll(jdbc.sql(CHECKS_DUE).param("today", Date.valueOf(today))
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), "CHECK_DUE:" + rs.getInt(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, LocalDate.class))).list());
        int sent = 0;
        for (Hit hit : hits) {
            if (Boolean.TRUE.equals(tx.execute(s -> send(hit, now)))) {
                sent++;
            }
        }
        return sent;
    }

    private List<Hit> overdue(String prefix, LocalDate dueBefore, boolean toOwner) {
        return jdbc.sql(OVERDUE_ACTIONS).param("before", Date.valueOf(dueBefore)).param("prefix", prefix)
                .query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), prefix + rs.getLong(3),
                        toOwner ? rs.getLong(4) : null, rs.getString(5), rs.getObject(6, LocalDate.class))).list();
    }

    private boolean send(Hit hit, Instant now) {
        // The row is the once-only guard: another node or a re-run inserts nothing and sends nothing.
        int inserted = jdbc.sql("""
                insert into capa_alert (capa_id, alert_key, sent_at) values (:id, :key, :at)
                on conflict do nothing""")
                .param("id", hit.capaId()).param("key", hit.alertKey()).param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        String link = "/capa/" + hit.capaId();
        if (hit.alertKey().startsWith("CHECK_DUE:")) {
            Text title = Text.of("texts.notify.capa-check-due", hit.code());
            Text body = Text.of("texts.notify.capa-check-due.body", hit.what(), hit.due());
            List<Long> recipients = new ArrayList<>(managers("'QUALITY_MANAGER'"));
            if (hit.recipient() != null && !recipients.contains(hit.recipient())) {
                recipients.add(hit.recipient());
            }
            recipients.forEach(r -> notifications.notify(r, title, body, link));
            return true;
        }
        Text title = Text.of("texts.notify.capa-action-overdue", hit.code());
        Text body = Text.of("texts.notify.capa-action-overdue.body", hit.what(), hit.due());
        List<Long> recipients = hit.recipient() != null ? List.of(hit.recipient())
                : managers("'QUALITY_MANAGER', 'CS_MANAGER'");
        recipients.forEach(r -> notifications.notify(r, title, body, link));
        return true;
    }

    private List<Long> managers(String positions) {
        return jdbc.sql("select id from org_user where active = true and position in (" + positions + ") order by id")
                .query(Long.class).list();
    }
}
