package com.careloop.inspection.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.AuditSchedules;
import com.careloop.inspection.Audits;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's daily jobs, each once per cluster (ShedLock): the recurring schedules plan their audits ahead
 * ({@link AuditSchedules#generate}), and the customer reply deadlines of customer findings remind the audit lead at
 * 80 % of the reply window and on the day ({@link InspectionRules#earlyReminderOn}); each reminder is claimed by one
 * update (so a racing run sends none twice) and told in the same transaction.
 */
@Component
public class InspectionJobs {

    private static final Logger log = LoggerFactory.getLogger(InspectionJobs.class);

    /** What one reminder run sent. */
    public record Reminded(int early, int due) {
    }

    private final AuditSchedules schedules;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    InspectionJobs(AuditSchedules schedules, JdbcClient jdbc, TransactionTemplate tx, Notifications notifications,
                   AuditTrail audit, Clock clock, CareLoopProperties platform) {
        this.schedules = schedules;
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Scheduled(cron = "${careloop.inspection.schedule-cron:0 20 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "inspection-schedules", lockAtMostFor = "PT30M")
    public void scheduledAudits() {
        var run = schedules.generate(today());
        if (run.planned() > 0) {
            log.info("Audit schedules: {} audits planned ahead ({} schedules, {} already there)", run.planned(),
                    run.schedules(), run.skipped());
        }
    }

    @Scheduled(cron = "${careloop.inspection.reply-cron:0 25 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "inspection-reply-reminders", lockAtMostFor = "PT30M")
    public void scheduledReminders() {
        Reminded r = remindReplies(today());
        if (r.early() + r.due() > 0) {
            log.info("Customer reply reminders: {} at 80 %, {} on the day", r.early(), r.due());
        }
    }

    private record Pending(long id, String code, long auditId, String auditCode, long lead, LocalDate from,
                           LocalDate due, boolean early, boolean onDay) {
    }

    /** Reminders due on {@code today}: the 80 % one and the on-the-day (or overdue) one, each sent once. */
    public Reminded remindReplies(LocalDate today) {
        List<Pending> pending = jdbc.sql("""
                select f.id, f.code, f.audit_id, a.code audit_code, a.lead_user_id, f.created_at, f.reply_due_on,
                  f.reminded_early_at, f.reminded_due_at from audit_finding f join audit a on a.id = f.audit_id
                where f.reply_due_on is not null and f.replied_on is null and f.reminded_due_at is null""")
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("code"), rs.getLong("audit_id"),
                        rs.getString("audit_code"), rs.getLong("lead_user_id"),
                        LocalDate.ofInstant(rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), zone),
                        rs.getObject("reply_due_on", LocalDate.class), rs.getObject("reminded_early_at") != null,
                        false)).list();
        int early = 0;
        int due = 0;
        for (Pending p : pending) {
            if (!today.isBefore(p.due())) {
                if (claimAndTell(p, "reminded_due_at", "inspection.reply-due", today)) {
                    due++;
                }
            } else if (!p.early() && !today.isBefore(InspectionRules.earlyReminderOn(p.from(), p.due()))) {
                if (claimAndTell(p, "reminded_early_at", "inspection.reply-soon", today)) {
                    early++;
                }
            }
        }
        return new Reminded(early, due);
    }

    private boolean claimAndTell(Pending p, String column, String message, LocalDate today) {
        Boolean told = tx.execute(s -> {
            int claimed = jdbc.sql("update audit_finding set " + column + " = :now where id = :id and " + column
                    + " is null and replied_on is null").param("now", Timestamp.from(clock.instant()))
                    .param("id", p.id()).update();
            if (claimed == 0) {
                return false;
            }
            notifications.notify(p.lead(), Text.of(message + ".title", p.code(), p.due()),
                    Text.of(message + ".body", p.code(), p.auditCode(), p.due()), "/audits/" + p.auditId());
            audit.record(Audits.FINDING_TYPE, String.valueOf(p.id()), "REPLY_REMINDER", AuditTrail.diff(Map.of(),
                    Map.of("reminder", column.equals("reminded_due_at") ? "DUE" : "80%", "replyDueOn", p.due(),
                            "on", today)));
            return true;
        });
        return Boolean.TRUE.equals(told);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
