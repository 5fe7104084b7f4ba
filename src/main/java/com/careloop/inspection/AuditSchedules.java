package com.careloop.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.careloop.inspection.InspectionCommands.NewSchedule;
import com.careloop.inspection.InspectionCommands.PlanAudit;
import com.careloop.inspection.InspectionViews.Schedule;
import com.careloop.inspection.audit.InspectionRules;
import com.careloop.inspection.audit.InspectionRules.Every;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recurring audits (e.g. a supplier inspection every 12 months, a mystery-shopper visit every month per site): a
 * schedule names the template (by code; the published revision at generation), the counterpart, the lead and
 * members, every N MONTHS or WEEKS from its next date. {@link #generate(LocalDate)} plans the audits falling within
 * the schedule's days ahead; one audit per schedule and date even when two nodes run at once (the unique key
 * (schedule_id, audit_date) and an insert-if-absent; each date its own transaction).
 */
@Service
@Transactional
public class AuditSchedules {

    public static final String RECORD_TYPE = "audit-schedule";

    /** What one generation run did. */
    public record Run(int schedules, int planned, int skipped) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final Audits audits;
    private final ChecklistTemplates templates;
    private final TransactionTemplate tx;

    AuditSchedules(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, CareLoopProperties platform,
                   Audits audits, ChecklistTemplates templates, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.audits = audits;
        this.templates = templates;
        this.tx = tx;
    }

    public Schedule create(NewSchedule cmd) {
        Checked c = check(cmd);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_schedule (template_code, customer_id, counterpart, lead_user_id, member_ids, every_n,
                  unit, next_date, ahead_days, active, created_by, created_at, updated_at)
                values (:t, :c, :cp, :lead, :members, :n, :unit, :next, :ahead, true, :by, :now, :now)""")
                .params(c.params()).param("by", users.actorName())
                .param("now", java.sql.Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        Schedule s = schedule(id);
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", AuditTrail.diff(Map.of(), fields(s)));
        return s;
    }

    /**
     * Edits an active schedule in place (template code, counterpart, lead, members, period, next date, days ahead);
     * the version must be the one read (409 otherwise). Audits already planned keep their date; the next generation
     * counts from the new next date.
     */
    public Schedule update(long id, NewSchedule cmd, Long version) {
        Schedule before = schedule(id);
        Versions.requireCurrent(version, before.version(), RECORD_TYPE, String.valueOf(id));
        if (!before.active()) {
            throw DomainException.of("inspection.schedule-stopped", before.templateCode(), before.counterpart());
        }
        Checked c = check(cmd);
        int n = jdbc.sql("""
                update audit_schedule set template_code = :t, customer_id = :c, counterpart = :cp, lead_user_id = :lead,
                  member_ids = :members, every_n = :n, unit = :unit, next_date = :next, ahead_days = :ahead,
                  version = version + 1, updated_at = :now
                where id = :id and version = :version and active = true""")
                .params(c.params()).param("now", java.sql.Timestamp.from(clock.instant())).param("id", id)
                .param("version", before.version()).update();
        if (n != 1) { // the generation job or another editor moved it between our read and write
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    RECORD_TYPE + " " + id + " was changed by someone else (version " + before.version() + ")");
        }
        Schedule after = schedule(id);
        audit.record(RECORD_TYPE, String.valueOf(id), "UPDATE", AuditTrail.diff(fields(before), fields(after)));
        return after;
    }

    /** The validated values of a new or edited schedule, as SQL parameters. */
    private record Checked(Map<String, Object> params) {
    }

    private Checked check(NewSchedule cmd) {
        if (cmd == null || cmd.templateCode() == null || cmd.templateCode().isBlank()) {
            throw new InvalidInputException("templateCode", "required", Text.of("error.inspection.required", "templateCode"));
        }
        String code = cmd.templateCode().trim();
        if (templates.published(code).isEmpty()) {
            throw new InvalidInputException("templateCode", "published", Text.of("error.inspection.no-published", code));
        }
        if (cmd.customerId() == null && (cmd.counterpart() == null || cmd.counterpart().isBlank()
                || cmd.counterpart().length() > 200)) {
            throw new InvalidInputException("counterpart", "required", Text.of("error.inspection.required", "counterpart"));
        }
        if (cmd.everyN() == null || cmd.everyN() < 1 || cmd.everyN() > 120) {
            throw new InvalidInputException("everyN", "range", Text.of("error.inspection.every-range"));
        }
        Every unit = InspectionRules.every(cmd.unit());
        if (cmd.nextDate() == null || cmd.nextDate().isBefore(today())) {
            throw new InvalidInputException("nextDate", "future", Text.of("error.inspection.due-past"));
        }
        int ahead = cmd.aheadDays() == null ? 30 : cmd.aheadDays();
        if (ahead < 1 || ahead > 366) {
            throw new InvalidInputException("aheadDays", "range", Text.of("error.inspection.ahead-range"));
        }
        long lead = cmd.leadUserId() != null ? cmd.leadUserId() : users.require().id();
        if (jdbc.sql("select count(*) from org_user where id = :id and active = true").param("id", lead)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("leadUserId", "exists", Text.of("error.inspection.no-user", lead));
        }
        List<Long> members = cmd.memberIds() == null ? List.of()
                : cmd.memberIds().stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("t", code);
        p.put("c", cmd.customerId());
        p.put("cp", cmd.counterpart() == null ? "" : cmd.counterpart().trim());
        p.put("lead", lead);
        p.put("members", members.isEmpty() ? null : String.join(",", members.stream().map(String::valueOf).toList()));
        p.put("n", cmd.everyN());
        p.put("unit", unit.name());
        p.put("next", cmd.nextDate());
        p.put("ahead", ahead);
        return new Checked(p);
    }

    private static Map<String, Object> fields(Schedule s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("templateCode", s.templateCode());
        f.put("counterpart", s.counterpart());
        f.put("customerId", s.customerId());
        f.put("leadUserId", s.leadUserId());
        f.put("memberIds", s.memberIds().toString());
        f.put("every", s.everyN() + " " + s.unit());
        f.put("nextDate", s.nextDate());
        f.put("aheadDays", s.aheadDays());
        return f;
    }

    /** Stops a schedule (the audits already planned stay). */
    public Schedule stop(long id, Long version) {
        Schedule s = schedule(id);
        Versions.requireCurrentIfGiven(version, s.version(), RECORD_TYPE, String.valueOf(id));
        jdbc.sql("update audit_schedule set active = false, version = version + 1, updated_at = :now where id = :id")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "STOP", AuditTrail.diff(Map.of("active", true), Map.of("active", false)));
        return schedule(id);
    }

    @Transactional(readOnly = true)
    public List<Schedule> list() {
        return jdbc.sql(SELECT + " order by s.active desc, s.next_date, s.id").query(AuditSchedules::map).list();
    }

    @Transactional(readOnly = true)
    public Schedule schedule(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(AuditSchedules::map).optional()
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    /**
     * Plans, for every active schedule, the audits dated up to {@code today + aheadDays}, then moves the schedule's
     * next date past them. Each date is its own transaction and inserts only if absent; a racing node's insert meets
     * the unique key and that date is skipped. Running it again plans nothing twice.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Run generate(LocalDate today) {
        List<Schedule> active = jdbc.sql(SELECT + " where s.active = true order by s.id").query(AuditSchedules::map).list();
        int planned = 0;
        int skipped = 0;
        for (Schedule s : active) {
            Every unit = Every.valueOf(s.unit());
            List<LocalDate> dates = InspectionRules.datesUntil(s.nextDate(), s.everyN(), unit, today.plusDays(s.aheadDays()));
            if (dates.isEmpty()) {
                continue;
            }
            var template = templates.published(s.templateCode()).orElse(null);
            if (template == null) {
                skipped += dates.size();
                continue;
            }
            for (LocalDate date : dates) {
                if (date.isBefore(today)) {
                    skipped++;
                    continue;
                }
                PlanAudit plan = new PlanAudit(template.id(), date, s.customerId(),
                        s.customerId() == null ? s.counterpart() : null, s.leadUserId(), s.memberIds(), null, List.of());
                try {
                    Long id = tx.execute(st -> audits.insertAudit(plan, s.id()));
                    if (id != null) {
                        planned++;
                    } else {
                        skipped++;
                    }
                } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                    skipped++; // another node planned this date at the same moment
                }
            }
            LocalDate next = InspectionRules.occurrence(s.nextDate(), s.everyN(), unit, dates.size());
            tx.executeWithoutResult(st -> {
                int n = jdbc.sql("""
                        update audit_schedule set next_date = :next, version = version + 1, updated_at = :now
                        where id = :id and next_date = :old""").param("next", next)
                        .param("now", java.sql.Timestamp.from(clock.instant())).param("id", s.id())
                        .param("old", s.nextDate()).update();
                if (n == 1) {
                    audit.record(RECORD_TYPE, String.valueOf(s.id()), "GENERATE", AuditTrail.diff(
                            Map.of("nextDate", s.nextDate()), Map.of("nextDate", next, "dates", dates.toString())));
                }
            });
        }
        return new Run(active.size(), planned, skipped);
    }

    private static final String SELECT = """
            select s.*, u.display_name lead_name from audit_schedule s left join org_user u on u.id = s.lead_user_id""";

    private static Schedule map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<Long> members = new ArrayList<>();
        for (String m : ChecklistTemplates.csv(rs.getString("member_ids"))) {
            members.add(Long.parseLong(m));
        }
        return new Schedule(rs.getLong("id"), rs.getString("template_code"), (Long) rs.getObject("customer_id", Long.class),
                rs.getString("counterpart"), rs.getLong("lead_user_id"), rs.getString("lead_name"), members,
                rs.getInt("every_n"), rs.getString("unit"), rs.getObject("next_date", LocalDate.class),
                rs.getInt("ahead_days"), rs.getBoolean("active"), rs.getLong("version"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
