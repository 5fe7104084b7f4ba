package com.careloop.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.InspectionCommands.HeldBy;
import com.careloop.inspection.InspectionCommands.NewProgramme;
import com.careloop.inspection.InspectionCommands.ProgrammeLine;
import com.careloop.inspection.InspectionViews.Programme;
import com.careloop.inspection.InspectionViews.ProgrammeLineView;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly internal audit programme (内部审核方案, 003-I2: "定期进行内部审核…监控关键过程…对改进效果进行评估"): per year
 * the internal audits planned for each department or key process with the planned month and the auditor — never an
 * auditor of the audited department (422 {@code auditorUserId}) — each held by an audit of that year (linked) or
 * cancelled with a reason; a line whose month passed unheld is overdue; a held line shows its audit's open findings,
 * the improvement measures still to evaluate.
 */
@Service
@Transactional
public class AuditProgrammes {

    public static final String RECORD_TYPE = "internal-audit-programme";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final Audits audits;

    AuditProgrammes(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, CareLoopProperties platform,
                    Audits audits) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.audits = audits;
    }

    /** The programme of a year, if one was made. */
    @Transactional(readOnly = true)
    public java.util.Optional<Programme> ofYear(int year) {
        return jdbc.sql("select id from internal_audit_programme where programme_year = :y").param("y", year)
                .query(Long.class).optional().map(this::programme);
    }

    @Transactional(readOnly = true)
    public Programme programme(long id) {
        record Head(long id, int year, String title, long version) {
        }
        Head h = jdbc.sql("select id, programme_year, title, version from internal_audit_programme where id = :id")
                .param("id", id).query((rs, n) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                .optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        List<ProgrammeLineView> lines = jdbc.sql(LINE_SELECT + " where l.programme_id = :p order by l.planned_month, l.id")
                .param("p", id).query((rs, n) -> map(rs, h.year())).list();
        long held = lines.stream().filter(l -> l.status() == ProgrammeLineStatus.HELD).count();
        long planned = lines.stream().filter(l -> l.status() == ProgrammeLineStatus.PLANNED).count();
        long overdue = lines.stream().filter(ProgrammeLineView::overdue).count();
        return new Programme(h.id(), h.year(), h.title(), lines, held, planned, overdue, h.version());
    }

    /** Makes the programme of a year (one per year: 409 for a second; a year 2000..2100, 422 otherwise). */
    public Programme create(NewProgramme cmd) {
        if (cmd == null || cmd.year() == null || cmd.year() < 2000 || cmd.year() > 2100) {
            throw new InvalidInputException("year", "range", Text.of("error.inspection.programme-year"));
        }
        String title = cmd.title() == null || cmd.title().isBlank() ? cmd.year() + " 年度内部审核方案" : cmd.title().strip();
        if (title.length() > 200) {
            throw new InvalidInputException("title", "max-length", Text.of("error.inspection.too-long", "title", 200));
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into internal_audit_programme (programme_year, title, created_by, created_at)
                    values (:y, :t, :by, :now)""").param("y", cmd.year()).param("t", title)
                    .param("by", users.actorName()).param("now", java.sql.Timestamp.from(clock.instant()))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.of("inspection.programme-exists", cmd.year());
        }
        long id = keys.getKey().longValue();
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", AuditTrail.diff(Map.of(),
                Map.of("year", cmd.year(), "title", title)));
        return programme(id);
    }

    /** Adds a planned internal audit to the programme. */
    public Programme addLine(long programmeId, ProgrammeLine cmd) {
        programme(programmeId);
        checkLine(cmd);
        var now = java.sql.Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into internal_audit_line (programme_id, department_id, process, planned_month, auditor_user_id,
                  status, note, created_at, updated_at) values (:p, :d, :pr, :m, :a, 'PLANNED', :n, :now, :now)""")
                .param("p", programmeId).param("d", cmd.departmentId()).param("pr", blank(cmd.process()))
                .param("m", cmd.plannedMonth()).param("a", cmd.auditorUserId()).param("n", blank(cmd.note()))
                .param("now", now).update(keys, "id");
        audit.record(RECORD_TYPE, String.valueOf(programmeId), "LINE_ADD", AuditTrail.diff(Map.of(),
                fields(line(programmeId, keys.getKey().longValue()))));
        return programme(programmeId);
    }

    /** Edits a planned line (department, process, month, auditor, note) with the version read. */
    public Programme updateLine(long programmeId, long lineId, ProgrammeLine cmd) {
        ProgrammeLineView before = line(programmeId, lineId);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), before.version(), RECORD_TYPE, lineId);
        requirePlanned(before, "edit");
        checkLine(cmd);
        change(before, """
                department_id = :d, process = :pr, planned_month = :m, auditor_user_id = :a, note = :n""",
                Map.of("d", nullable(cmd.departmentId()), "pr", nullable(blank(cmd.process())), "m", cmd.plannedMonth(),
                        "a", cmd.auditorUserId(), "n", nullable(blank(cmd.note()))), "LINE_UPDATE");
        return programme(programmeId);
    }

    /**
     * The line was held by an audit: the audit must be of the programme's year (422 {@code auditId}); the line becomes
     * HELD and shows the audit's findings.
     */
    public Programme hold(long programmeId, long lineId, HeldBy cmd) {
        ProgrammeLineView before = line(programmeId, lineId);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), before.version(), RECORD_TYPE, lineId);
        requirePlanned(before, "hold");
        if (cmd == null || cmd.auditId() == null) {
            throw new InvalidInputException("auditId", "required", Text.of("error.inspection.required", "auditId"));
        }
        audits.access(cmd.auditId(), false);
        int year = programme(programmeId).year();
        LocalDate date = jdbc.sql("select audit_date from audit where id = :a").param("a", cmd.auditId())
                .query(LocalDate.class).single();
        if (date.getYear() != year) {
            throw new InvalidInputException("auditId", "programme-year", Text.of("error.inspection.programme-audit-year", year));
        }
        change(before, "status = 'HELD', audit_id = :audit", Map.of("audit", cmd.auditId()), "LINE_HELD");
        return programme(programmeId);
    }

    /** Cancels a planned line; the reason is required (422 {@code note}). */
    public Programme cancel(long programmeId, long lineId, String reason, Long version) {
        ProgrammeLineView before = line(programmeId, lineId);
        Versions.requireCurrentIfGiven(version, before.version(), RECORD_TYPE, lineId);
        requirePlanned(before, "cancel");
        String note = blank(reason);
        if (note == null) {
            throw new InvalidInputException("note", "required", Text.of("error.inspection.required", "note"));
        }
        change(before, "status = 'CANCELLED', note = :n", Map.of("n", note), "LINE_CANCEL");
        return programme(programmeId);
    }

    /** An audit to choose as the one that held a line. */
    public record AuditChoice(long id, String code, String title) {
    }

    /** The audits dated in a year (newest first, at most 500), to choose the one that held a line. */
    @Transactional(readOnly = true)
    public List<AuditChoice> auditsOfYear(int year) {
        return jdbc.sql("""
                select id, code, title from audit where audit_date >= :from and audit_date <= :to
                order by audit_date desc, id desc limit 500""").param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new AuditChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    // ---- internals ------------------------------------------------------------------------------

    private void change(ProgrammeLineView before, String set, Map<String, Object> params, String action) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("now", java.sql.Timestamp.from(clock.instant()));
        p.put("id", before.id());
        p.put("v", before.version());
        int n = jdbc.sql("update internal_audit_line set " + set + ", version = version + 1, updated_at = :now"
                + " where id = :id and version = :v").params(p).update();
        if (n != 1) {
            Versions.requireCurrent(-1L, before.version(), RECORD_TYPE, before.id());
        }
        long programmeId = jdbc.sql("select programme_id from internal_audit_line where id = :id").param("id", before.id())
                .query(Long.class).single();
        audit.record(RECORD_TYPE, String.valueOf(programmeId), action,
                AuditTrail.diff(fields(before), fields(line(programmeId, before.id()))));
    }

    /** Department or process, a month 1..12, an active auditor who does not belong to the audited department. */
    private void checkLine(ProgrammeLine cmd) {
        if (cmd == null || cmd.departmentId() == null && blank(cmd.process()) == null) {
            throw new InvalidInputException("departmentId", "department-or-process",
                    Text.of("error.inspection.programme-subject"));
        }
        if (cmd.process() != null && cmd.process().strip().length() > 200) {
            throw new InvalidInputException("process", "max-length", Text.of("error.inspection.too-long", "process", 200));
        }
        if (cmd.note() != null && cmd.note().strip().length() > 1000) {
            throw new InvalidInputException("note", "max-length", Text.of("error.inspection.too-long", "note", 1000));
        }
        if (cmd.departmentId() != null && jdbc.sql("select count(*) from org_department where id = :d")
                .param("d", cmd.departmentId()).query(Long.class).single() == 0) {
            throw new InvalidInputException("departmentId", "exists",
                    Text.of("error.inspection.no-department", cmd.departmentId()));
        }
        if (cmd.plannedMonth() == null || cmd.plannedMonth() < 1 || cmd.plannedMonth() > 12) {
            throw new InvalidInputException("plannedMonth", "range", Text.of("error.inspection.programme-month"));
        }
        if (cmd.auditorUserId() == null) {
            throw new InvalidInputException("auditorUserId", "required", Text.of("error.inspection.required", "auditorUserId"));
        }
        Long auditorDept = jdbc.sql("select department_id from org_user where id = :u and active = true")
                .param("u", cmd.auditorUserId()).query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional()
                .orElseThrow(() -> new InvalidInputException("auditorUserId", "exists",
                        Text.of("error.inspection.no-user", cmd.auditorUserId())));
        if (cmd.departmentId() != null && cmd.departmentId().equals(auditorDept)) {
            throw new InvalidInputException("auditorUserId", "independent",
                    Text.of("error.inspection.auditor-own-department"));
        }
    }

    private static void requirePlanned(ProgrammeLineView l, String step) {
        if (l.status() != ProgrammeLineStatus.PLANNED) {
            throw DomainException.of("inspection.programme-line-state", l.id(), l.status(), step);
        }
    }

    private ProgrammeLineView line(long programmeId, long lineId) {
        int year = jdbc.sql("select programme_year from internal_audit_programme where id = :p").param("p", programmeId)
                .query(Integer.class).optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, programmeId));
        return jdbc.sql(LINE_SELECT + " where l.id = :id and l.programme_id = :p").param("id", lineId)
                .param("p", programmeId).query((rs, n) -> map(rs, year)).optional()
                .orElseThrow(() -> new NotFoundException("internal-audit-line", lineId));
    }

    private static final String LINE_SELECT = """
            select l.*, d.name department_name, u.display_name auditor_name, a.code audit_code, a.title audit_title,
              a.status audit_status,
              (select count(*) from audit_finding f where f.audit_id = l.audit_id) findings,
              (select count(*) from audit_finding f where f.audit_id = l.audit_id and f.status <> 'CLOSED') open_findings
            from internal_audit_line l left join org_department d on d.id = l.department_id
            left join org_user u on u.id = l.auditor_user_id left join audit a on a.id = l.audit_id""";

    private ProgrammeLineView map(java.sql.ResultSet rs, int year) throws java.sql.SQLException {
        ProgrammeLineStatus status = ProgrammeLineStatus.valueOf(rs.getString("status"));
        int month = rs.getInt("planned_month");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean overdue = status == ProgrammeLineStatus.PLANNED && LocalDate.of(year, month, 1).plusMonths(1).isBefore(today.plusDays(1));
        String auditStatus = rs.getString("audit_status");
        return new ProgrammeLineView(rs.getLong("id"), (Long) rs.getObject("department_id", Long.class),
                rs.getString("department_name"), rs.getString("process"), month, rs.getLong("auditor_user_id"),
                rs.getString("auditor_name"), status, (Long) rs.getObject("audit_id", Long.class),
                rs.getString("audit_code"), rs.getString("audit_title"),
                auditStatus == null ? null : AuditStatus.valueOf(auditStatus), rs.getLong("findings"),
                rs.getLong("open_findings"), rs.getString("note"), overdue, rs.getLong("version"));
    }

    private static Map<String, Object> fields(ProgrammeLineView l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", l.id());
        m.put("departmentId", l.departmentId());
        m.put("process", l.process());
        m.put("plannedMonth", l.plannedMonth());
        m.put("auditorUserId", l.auditorUserId());
        m.put("status", l.status());
        m.put("auditId", l.auditId());
        m.put("note", l.note());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Object nullable(Object o) {
        return o == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.NULL, null) : o;
    }
}
