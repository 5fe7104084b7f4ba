package com.careloop.property.register;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The six-monthly inspection of customer property (每半年检查一次, 001-E4), once per cluster (ShedLock): for the
 * current period (6 months by default, from 1 January and 1 July) every held item gets one inspection task for its
 * owning department, due a number of working days later on the business calendar. Set-based — {@code insert …
 * select … where not exists … on conflict do nothing} over id ranges, each range its own short transaction — so
 * 500,000 items never load into memory and no long lock blocks the pages; the unique key (item, period) means a
 * second run, or a second node, opens none twice. Overdue tasks notify the owning department's heads once.
 */
@Component
public class PropertyInspectionJob {

    /** What one run did. */
    public record Run(LocalDate periodStart, LocalDate dueOn, int opened, int escalated, int reminded,
                      int confirmationsReminded) {
    }

    private static final Logger log = LoggerFactory.getLogger(PropertyInspectionJob.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final CalendarService calendars;
    private final PropertyProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final com.careloop.platform.OrgDirectory directory;

    PropertyInspectionJob(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Notifications notifications,
                          CalendarService calendars, PropertyProperties properties, Clock clock,
                          CareLoopProperties platform, com.careloop.platform.OrgDirectory directory) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.notifications = notifications;
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
        this.zone = platform.zone();
        this.directory = directory;
    }

    @Scheduled(cron = "${careloop.property.inspection-cron:0 15 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "customer-property-inspections", lockAtMostFor = "PT30M")
    public void scheduled() {
        Run run = run();
        if (run.opened() + run.escalated() + run.confirmationsReminded() > 0) {
            log.info("Customer property inspections {}: {} opened (due {}), {} overdue escalated; {} open copy"
                    + " confirmations reminded", run.periodStart(), run.opened(), run.dueOn(), run.escalated(),
                    run.confirmationsReminded());
        }
    }

    /** One run for the clock's today; running it again (or on another node) opens nothing twice. */
    public Run run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        PropertyProperties settings = PropertySettings.overlay(jdbc, properties); // the settings page's, if saved
        LocalDate period = periodStart(today, settings.inspectionMonths());
        LocalDate due = workingDaysAfter(today, settings.inspectionWorkingDays(), calendars.standard());
        int opened = open(today, period, due);
        int escalated = escalate(today);
        int reminded = remind(today, settings.inspectionReminderDays());
        int confirmations = remindConfirmations(settings.confirmationReminderDays());
        return new Run(period, due, opened, escalated, reminded, confirmations);
    }

    /** The first day of the period holding {@code day}: periods of {@code months} from 1 January. */
    public static LocalDate periodStart(LocalDate day, int months) {
        int index = (day.getMonthValue() - 1) / months;
        return LocalDate.of(day.getYear(), index * months + 1, 1);
    }

    /** {@code days} working days after {@code from} on the business calendar. */
    public static LocalDate workingDaysAfter(LocalDate from, int days, BusinessCalendar calendar) {
        LocalDate d = from;
        int left = days;
        for (int i = 0; i < BusinessCalendar.MAX_WALK_DAYS && left > 0; i++) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private int open(LocalDate today, LocalDate period, LocalDate due) {
        Long[] range = jdbc.sql("select min(id), max(id) from customer_property where status = 'HELD'")
                .query((rs, n) -> new Long[] {rs.getObject(1, Long.class), rs.getObject(2, Long.class)}).single();
        if (range[0] == null) {
            return 0;
        }
        int batch = properties.inspectionBatch();
        int total = 0;
        for (long from = range[0] - 1; from < range[1]; from += batch) {
            long lo = from;
            total += openRange(today, period, due, lo, batch);
        }
        return total;
    }

    /**
     * One id range in its own transaction. Another node racing on the same range meets the unique key: its insert
     * skips those rows ({@code on conflict do nothing}); where the database refuses instead, the range is tried again
     * and the {@code not exists} then sees the other's rows.
     */
    private int openRange(LocalDate today, LocalDate period, LocalDate due, long lo, int batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer opened = tx.execute(s -> insertRange(today, period, due, lo, batch));
                return opened == null ? 0 : opened;
            } catch (org.springframework.dao.DataIntegrityViolationException
                     | org.springframework.dao.ConcurrencyFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private int insertRange(LocalDate today, LocalDate period, LocalDate due, long lo, int batch) {
        int n = jdbc.sql("""
                insert into customer_property_inspection
                    (item_id, period_start, department_id, due_on, status, created_at, version)
                select i.id, :period, i.owning_department_id, :due, 'OPEN', :now, 0
                from customer_property i
                where i.status = 'HELD' and i.id > :lo and i.id <= :hi and i.received_on <= :today
                  and not exists (select 1 from customer_property_inspection t
                                  where t.item_id = i.id and t.period_start = :period)
                on conflict do nothing""")
                .param("period", period).param("due", due).param("now", Timestamp.from(Instant.now(clock)))
                .param("lo", lo).param("hi", lo + batch).param("today", today).update();
        if (n > 0) {
            audit.record(PropertyInspection.RECORD_TYPE, "period:" + period, "OPEN_TASKS", AuditTrail.diff(
                    Map.of(), Map.of("opened", n, "items", "(" + lo + ", " + (lo + batch) + "]", "dueOn", due)));
        }
        return n;
    }

    /**
     * Open tasks due within the reminder days (today included) and neither reminded nor escalated yet: claimed per
     * department by one update (a racing run finds none), then the department's active members are reminded once —
     * before the due day, so the inspection is done in time.
     */
    private int remind(LocalDate today, int reminderDays) {
        if (reminderDays == 0) {
            return 0;
        }
        LocalDate until = today.plusDays(reminderDays);
        List<Long> departments = jdbc.sql("""
                select distinct department_id from customer_property_inspection
                where status = 'OPEN' and due_on >= :today and due_on <= :until and reminded_at is null""")
                .param("today", today).param("until", until).query(Long.class).list();
        int total = 0;
        for (Long department : departments) {
            Integer n = tx.execute(s -> {
                int claimed = jdbc.sql("""
                        update customer_property_inspection set reminded_at = :now, version = version + 1
                        where department_id = :d and status = 'OPEN' and due_on >= :today and due_on <= :until
                          and reminded_at is null""")
                        .param("now", Timestamp.from(Instant.now(clock))).param("d", department)
                        .param("today", today).param("until", until).update();
                if (claimed == 0) {
                    return 0;
                }
                List<Long> members = directory.activeMembers(department).stream()
                        .map(com.careloop.platform.OrgDirectory.User::id).toList();
                for (long member : members) {
                    notifications.notify(member, Text.of("property.reminder.title", claimed),
                            Text.of("property.reminder.body", claimed, until.toString()),
                            "/customer-properties/inspections?departmentId=" + department);
                }
                audit.record(PropertyInspection.RECORD_TYPE, "department:" + department, "REMIND", AuditTrail.diff(
                        Map.of(), Map.of("dueSoon", claimed, "members", members.size())));
                return claimed;
            });
            total += n == null ? 0 : n;
        }
        return total;
    }

    /**
     * Copy confirmations (receipt of a customer document's copy, its return or destruction — V172) a department has
     * left open for {@code days} days or more and that were not reminded yet: claimed per department by one update (a
     * racing run, or a second node, finds none), then the department's active members are told once, in their own
     * language (a notification of text codes). Each confirmation is reminded once; a confirmed one never.
     */
    private int remindConfirmations(int days) {
        if (days == 0) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(java.time.Duration.ofDays(days)));
        List<Long> departments = jdbc.sql("""
                select distinct department_id from customer_property_copy_ack
                where confirmed_at is null and reminded_at is null and requested_at <= :cutoff""")
                .param("cutoff", cutoff).query(Long.class).list();
        int total = 0;
        for (Long department : departments) {
            Integer n = tx.execute(s -> {
                int claimed = jdbc.sql("""
                        update customer_property_copy_ack set reminded_at = :now
                        where department_id = :d and confirmed_at is null and reminded_at is null
                          and requested_at <= :cutoff""")
                        .param("now", now).param("d", department).param("cutoff", cutoff).update();
                if (claimed == 0) {
                    return 0;
                }
                List<Long> members = directory.activeMembers(department).stream()
                        .map(com.careloop.platform.OrgDirectory.User::id).toList();
                for (long member : members) {
                    notifications.notify(member, Text.of("property.confirmation-reminder.title", claimed),
                            Text.of("property.confirmation-reminder.body", claimed, days),
                            "/customer-properties/confirmations?departmentId=" + department);
                }
                audit.record(PropertyCopyAck.RECORD_TYPE, "department:" + department, "REMIND", AuditTrail.diff(
                        Map.of(), Map.of("open", claimed, "days", days, "members", members.size())));
                return claimed;
            });
            total += n == null ? 0 : n;
        }
        return total;
    }

    /**
     * Overdue open tasks not yet escalated: claimed per department by one update (so a racing run finds none), then
     * the department's heads are told once, in the same transaction.
     */
    private int escalate(LocalDate today) {
        List<Long> departments = jdbc.sql("""
                select distinct department_id from customer_property_inspection
                where status = 'OPEN' and due_on < :today and escalated_at is null""")
                .param("today", today).query(Long.class).list();
        int total = 0;
        for (Long department : departments) {
            Integer n = tx.execute(s -> {
                int claimed = jdbc.sql("""
                        update customer_property_inspection set escalated_at = :now, version = version + 1
                        where department_id = :d and status = 'OPEN' and due_on < :today and escalated_at is null""")
                        .param("now", Timestamp.from(Instant.now(clock))).param("d", department)
                        .param("today", today).update();
                if (claimed == 0) {
                    return 0;
                }
                List<Long> heads = directory.activeHeads(department).stream()
                        .map(com.careloop.platform.OrgDirectory.User::id).toList();
                for (long head : heads) {
                    notifications.notify(head, Text.of("property.overdue.title", claimed),
                            Text.of("property.overdue.body", claimed),
                            "/customer-properties?inspectionDue=true&departmentId=" + department);
                }
                audit.record(PropertyInspection.RECORD_TYPE, "department:" + department, "ESCALATE", AuditTrail.diff(
                        Map.of(), Map.of("overdue", claimed, "heads", heads.toString())));
                return claimed;
            });
            total += n == null ? 0 : n;
        }
        return total;
    }
}
