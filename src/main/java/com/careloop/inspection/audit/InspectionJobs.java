package com.careloop.inspection.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.AuditReadiness;
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
 * update (so a racing run sends none twice) and told in the same transaction. Open readiness tasks are reminded to
 * their department two days before the check date ({@link #remindReadiness}).
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

    @Scheduled(cron = "${careloop.inspection.readiness-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "inspection-readiness-reminders", lockAtMostFor = "PT30M")
    public void scheduledReadinessReminders() {
        int n = remindReadiness(today());
        if (n > 0) {
            log.info("Readiness reminders: {} department tasks", n);
        }
    }

    private record OpenTask(long id, long auditId, String auditCode, String auditTitle, LocalDate auditDate,
                            long departmentId, LocalDate checkOn) {
    }

    /**
     * Readiness tasks still open on a planned audit whose reminder day ({@link InspectionRules#readinessReminderOn})
     * has come: each is claimed once (a racing run sends nothing twice) and every active person of the department
     * (who mark the items) gets a notification linking to the task. Returns how many tasks were reminded.
     */
    public int remindReadiness(LocalDate today) {
        List<OpenTask> open = jdbc.sql("""
                select r.id, r.audit_id, a.code, a.title, a.audit_date, r.department_id, r.check_on from audit_readiness r
                join audit a on a.id = r.audit_id
                where r.status = 'OPEN' and a.status = 'PLANNED' and r.reminded_at is null and r.check_on <= :last""")
                .param("last", today.plusDays(InspectionRules.READINESS_REMINDER_DAYS))
                .query((rs, n) -> new OpenTask(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getObject(7, LocalDate.class))).list();
        int reminded = 0;
        for (OpenTask t : open) {
            if (today.isBefore(InspectionRules.readinessReminderOn(t.checkOn()))) {
                continue;
            }
            Boolean told = tx.execute(s -> {
                if (jdbc.sql("update audit_readiness set reminded_at = :now where id = :id and reminded_at is null")
                        .param("now", Timestamp.from(clock.instant())).param("id", t.id()).update() == 0) {
                    return false;
                }
                // the persons responsible for the task's items (000-A1) when named, otherwise the whole department
                List<Long> people = jdbc.sql("""
                        select distinct o.user_id from audit_item_owner o
                        join audit_readiness_item ri on ri.item_id = o.item_id and ri.readiness_id = :r
                        join org_user u on u.id = o.user_id and u.active = true where o.audit_id = :a""")
                        .param("r", t.id()).param("a", t.auditId()).query(Long.class).list();
                if (people.isEmpty()) {
                    people = jdbc.sql("select id from org_user where department_id = :d and active = true")
                            .param("d", t.departmentId()).query(Long.class).list();
                }
                for (long person : people) {
                    notifications.notify(person, Text.of("inspection.readiness-soon.title", t.auditCode(), t.checkOn()),
                            Text.of("inspection.readiness-soon.body", t.auditTitle(), t.checkOn(), t.auditDate()),
                            "/audits/readiness/" + t.id());
                }
                audit.record(AuditReadiness.RECORD_TYPE, String.valueOf(t.id()), "REMINDER", AuditTrail.diff(Map.of(),
                        Map.of("checkOn", t.checkOn(), "people", people.size(), "on", today)));
                return true;
            });
            if (Boolean.TRUE.equals(told)) {
                reminded++;
            }
        }
        return reminded;
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
