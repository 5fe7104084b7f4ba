package com.careloop.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.inspection.InspectionCommands.CheckReadiness;
import com.careloop.inspection.InspectionCommands.MarkReadiness;
import com.careloop.inspection.InspectionCommands.Upload;
import com.careloop.inspection.InspectionViews.File;
import com.careloop.inspection.InspectionViews.Item;
import com.careloop.inspection.InspectionViews.ReadinessItem;
import com.careloop.inspection.InspectionViews.ReadinessTask;
import com.careloop.inspection.InspectionViews.ReadinessTaskDetail;
import com.careloop.inspection.InspectionViews.Template;
import com.careloop.inspection.audit.InspectionRules;
import com.careloop.inspection.audit.InspectionRules.TaskState;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DataScope;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;
import com.careloop.platform.calendar.CalendarService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-audit readiness check one week before (000-M2, 000-M3): when an audit of us is planned, each department with
 * checklist items gets a readiness task due 5 working days before the audit; the department's members mark each item
 * READY or GAP (note, evidence file); the internal auditor (稽核员: the audit lead or an {@code inspection:manage}
 * holder) checks the task, and each gap becomes an INTERNAL finding due before the audit day; the audit cannot start
 * until the tasks are checked and the gap findings closed (or a manager's override is recorded). The readiness board
 * shows each department GREEN / AMBER / RED ({@link InspectionRules#colour}).
 */
@Service
@Transactional
public class AuditReadiness {

    public static final String RECORD_TYPE = "audit-readiness";
    static final String EVIDENCE_SLOT = "READY-";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final Audits audits;
    private final ChecklistTemplates templates;
    private final StoredFiles files;
    private final CalendarService calendars;

    AuditReadiness(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, CareLoopProperties platform,
                   Audits audits, ChecklistTemplates templates, StoredFiles files, CalendarService calendars) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.audits = audits;
        this.templates = templates;
        this.files = files;
        this.calendars = calendars;
    }

    // ---- reads ----------------------------------------------------------------------------------

    /**
     * The board: the readiness tasks of planned audits (one audit when {@code auditId} is given), each with its
     * colour. A manager sees all; others the tasks of their own department, their data-scope departments and of the
     * audits they lead or are members of.
     */
    @Transactional(readOnly = true)
    public List<ReadinessTask> board(Long auditId) {
        return tasks(auditId, null);
    }

    /** The tasks the reader may see: one task, one audit's, or those of the planned audits. */
    private List<ReadinessTask> tasks(Long auditId, Long taskId) {
        CurrentUser me = users.current().orElse(null);
        boolean all = me == null || me.can(InspectionPermissions.MANAGE) || me.scope().kind() == DataScope.Kind.ALL;
        List<Long> depts = new ArrayList<>(List.of(-1L));
        if (me != null && me.departmentId() != null) {
            depts.add(me.departmentId());
        }
        if (me != null && me.scope().kind() != DataScope.Kind.OWN) {
            depts.addAll(me.scope().departmentIds());
        }
        // only the conditions that apply go into the SQL: one audit or the planned ones, and the reader's reach
        // unless they see all (no "cast(:x) is null or" that the planner cannot use an index for)
        StringBuilder where = new StringBuilder(taskId != null ? " where r.id = :task"
                : auditId != null ? " where a.id = :audit" : " where a.status = 'PLANNED'");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("today", today());
        if (taskId != null) {
            p.put("task", taskId);
        } else if (auditId != null) {
            p.put("audit", auditId);
        }
        if (!all) {
            where.append(" ").append("""
                     and (r.department_id in (:depts) or a.lead_user_id = :me
                          or exists (select 1 from audit_member m where m.audit_id = a.id and m.user_id = :me)
                          or exists (""").append(OWNED).append("))");
            p.put("depts", depts);
            p.put("me", me.id());
        }
        return jdbc.sql(TASK_SELECT + where + " order by a.audit_date, a.id, d.sort_order, d.name").params(p)
                .query(this::mapTask).list();
    }

    @Transactional(readOnly = true)
    public ReadinessTaskDetail task(long taskId) {
        ReadinessTask t = visibleTask(taskId);
        Template template = templates.template(jdbc.sql("select template_id from audit where id = :a")
                .param("a", t.auditId()).query(Long.class).single());
        Map<Long, Item> items = new LinkedHashMap<>();
        template.sections().forEach(s -> s.items().forEach(i -> items.put(i.id(), i)));
        List<StoredFiles.StoredFile> stored = files.list(Audits.RECORD_TYPE, t.auditId());
        List<ReadinessItem> rows = jdbc.sql("""
                select ri.*, f.code finding_code, f.status finding_status, ou.display_name owner_name
                from audit_readiness_item ri
                left join audit_finding f on f.id = ri.finding_id
                left join audit_item_owner o on o.audit_id = :a and o.item_id = ri.item_id
                left join org_user ou on ou.id = o.user_id
                where ri.readiness_id = :r""").param("r", taskId).param("a", t.auditId())
                .query((rs, n) -> {
                    long itemId = rs.getLong("item_id");
                    List<File> evidence = stored.stream().filter(f -> f.slot().equals(EVIDENCE_SLOT + itemId))
                            .map(Audits::file).toList();
                    return new ReadinessItem(items.get(itemId), rs.getString("state"), rs.getString("note"),
                            rs.getString("marked_by"), (Long) rs.getObject("finding_id", Long.class),
                            rs.getString("finding_code"), rs.getString("finding_status"), evidence,
                            rs.getString("owner_name"));
                }).list();
        List<ReadinessItem> ordered = new ArrayList<>(rows);
        ordered.sort((x, y) -> x.item().sectionNo() != y.item().sectionNo()
                ? Integer.compare(x.item().sectionNo(), y.item().sectionNo()) : Integer.compare(x.item().no(), y.item().no()));
        return new ReadinessTaskDetail(t, ordered, canMark(t), canCheck(t));
    }

    /** Open readiness tasks of my department (the work line), and how many of them are past their check date. */
    @Transactional(readOnly = true)
    public long[] work(CurrentUser me) {
        return jdbc.sql("""
                select count(*), coalesce(sum(case when r.check_on < :today then 1 else 0 end), 0)
                from audit_readiness r join audit a on a.id = r.audit_id
                where (r.department_id = :d or exists (""" + OWNED + """
                )) and r.status = 'OPEN' and a.status = 'PLANNED'""")
                .param("d", me.departmentId() == null ? -1L : me.departmentId()).param("me", me.id())
                .param("today", today())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    // ---- steps ----------------------------------------------------------------------------------

    /** A department member marks one item READY or GAP (a gap needs a note); until the task is checked. */
    public ReadinessTaskDetail mark(long taskId, long itemId, MarkReadiness cmd) {
        ReadinessTask t = visibleTask(taskId);
        if (!canMark(t)) {
            throw new AccessDeniedException("not a member of the department");
        }
        requireOpen(t, "mark");
        String state = cmd == null || cmd.state() == null ? "" : cmd.state().trim().toUpperCase(Locale.ROOT);
        if (!state.equals("READY") && !state.equals("GAP")) {
            throw new InvalidInputException("state", "known", Text.of("error.inspection.one-of", "state", "READY/GAP"));
        }
        String note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().trim();
        if (state.equals("GAP") && note == null) {
            throw new InvalidInputException("note", "required", Text.of("error.inspection.gap-note"));
        }
        if (note != null && note.length() > 2000) {
            note = note.substring(0, 2000);
        }
        int n = jdbc.sql("""
                update audit_readiness_item set state = :s, note = :n, marked_by = :by, marked_at = :now
                where readiness_id = :r and item_id = :i""").param("s", state).param("n", note)
                .param("by", users.actorName()).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("r", taskId).param("i", itemId).update();
        if (n == 0) {
            throw new NotFoundException("readiness-item", itemId);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", itemId);
        after.put("state", state);
        after.put("note", note);
        audit.record(RECORD_TYPE, String.valueOf(taskId), "MARK", AuditTrail.diff(Map.of(), after));
        return task(taskId);
    }

    /** Evidence for an item (any checked file type), stored with the audit's files. */
    public File addEvidence(long taskId, long itemId, Upload upload) {
        ReadinessTask t = visibleTask(taskId);
        if (!canMark(t)) {
            throw new AccessDeniedException("not a member of the department");
        }
        requireOpen(t, "evidence");
        if (jdbc.sql("select count(*) from audit_readiness_item where readiness_id = :r and item_id = :i")
                .param("r", taskId).param("i", itemId).query(Long.class).single() == 0) {
            throw new NotFoundException("readiness-item", itemId);
        }
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.inspection.required", "file"));
        }
        var f = files.store(Audits.RECORD_TYPE, t.auditId(), EVIDENCE_SLOT + itemId,
                files.check(upload.fileName(), upload.contentType(), upload.bytes()));
        return Audits.file(f);
    }

    /**
     * The internal auditor checks the task: every item must be marked (409 otherwise); each gap becomes an INTERNAL
     * finding owned by the department, due on {@code dueOn} (default: the last working day before the audit; it must
     * be before the audit day and not in the past, else 422 naming {@code dueOn}).
     */
    public ReadinessTaskDetail check(long taskId, CheckReadiness cmd) {
        ReadinessTask t = visibleTask(taskId);
        if (!canCheck(t)) {
            throw new AccessDeniedException("not the internal auditor");
        }
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), t.version(), RECORD_TYPE, t.auditCode()
                + "/" + t.departmentName());
        requireOpen(t, "check");
        if (t.marked() < t.items()) {
            throw DomainException.of("inspection.readiness-unmarked", t.departmentName(), t.items() - t.marked());
        }
        var calendar = calendars.standard();
        LocalDate due = cmd != null && cmd.dueOn() != null ? cmd.dueOn()
                : InspectionRules.gapDueOn(t.auditDate(), calendar::isWorkingDay);
        if (!due.isBefore(t.auditDate()) || due.isBefore(today())) {
            throw new InvalidInputException("dueOn", "before-audit", Text.of("error.inspection.gap-due", t.auditDate()));
        }
        record Gap(long itemId, String note) {
        }
        List<Gap> gaps = jdbc.sql("""
                select item_id, note from audit_readiness_item where readiness_id = :r and state = 'GAP' order by item_id""")
                .param("r", taskId).query((rs, n) -> new Gap(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Item> items = new LinkedHashMap<>();
        long templateId = jdbc.sql("select template_id from audit where id = :a").param("a", t.auditId())
                .query(Long.class).single();
        templates.template(templateId).sections().forEach(s -> s.items().forEach(i -> items.put(i.id(), i)));
        int n = jdbc.sql("""
                update audit_readiness set status = 'CHECKED', checked_by = :by, checked_at = :now, version = version + 1
                where id = :id and version = :v""").param("by", users.actorName())
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", taskId).param("v", t.version()).update();
        if (n != 1) {
            Versions.requireCurrent(-1L, t.version(), RECORD_TYPE, t.auditCode());
        }
        for (Gap g : gaps) {
            Item i = items.get(g.itemId());
            String text = i.sectionNo() + "." + i.no() + " " + i.textZhCn() + " — " + g.note();
            long finding = audits.addInternalFinding(t.auditId(), taskId, text, i.redLine() ? Severity.CRITICAL : Severity.MAJOR, t.departmentId(), due);
            jdbc.sql("update audit_readiness_item set finding_id = :f where readiness_id = :r and item_id = :i")
                    .param("f", finding).param("r", taskId).param("i", g.itemId()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "CHECKED");
        after.put("gaps", gaps.size());
        after.put("dueOn", gaps.isEmpty() ? null : due);
        audit.record(RECORD_TYPE, String.valueOf(taskId), "CHECK", AuditTrail.diff(Map.of("status", "OPEN"), after));
        return task(taskId);
    }

    // ---- internals ------------------------------------------------------------------------------

    private static final String TASK_SELECT = """
            select r.*, a.code audit_code, a.title audit_title, a.audit_date, a.lead_user_id, d.name department_name,
              (select count(*) from audit_readiness_item i where i.readiness_id = r.id) items,
              (select count(*) from audit_readiness_item i where i.readiness_id = r.id and i.state is not null) marked,
              (select count(*) from audit_readiness_item i where i.readiness_id = r.id and i.state = 'GAP') gaps,
              (select count(*) from audit_finding f where f.readiness_id = r.id and f.status <> 'CLOSED') open_findings,
              (select count(*) from audit_finding f where f.readiness_id = r.id and f.status <> 'CLOSED'
                 and f.due_on < :today) overdue_findings
            from audit_readiness r join audit a on a.id = r.audit_id left join org_department d on d.id = r.department_id
            """;

    private ReadinessTask mapTask(ResultSet rs, int n) throws SQLException {
        LocalDate auditDate = rs.getObject("audit_date", LocalDate.class);
        LocalDate checkOn = rs.getObject("check_on", LocalDate.class);
        boolean checked = "CHECKED".equals(rs.getString("status"));
        int items = rs.getInt("items");
        int marked = rs.getInt("marked");
        long open = rs.getLong("open_findings");
        long overdue = rs.getLong("overdue_findings");
        var calendar = calendars.standard();
        var colour = InspectionRules.colour(new TaskState(items, marked, checked, open, overdue, checkOn, auditDate),
                today(), calendar::isWorkingDay);
        return new ReadinessTask(rs.getLong("id"), rs.getLong("audit_id"), rs.getString("audit_code"),
                rs.getString("audit_title"), auditDate, rs.getLong("department_id"), rs.getString("department_name"),
                checkOn, rs.getString("status"), items, marked, rs.getInt("gaps"), open, overdue, colour,
                rs.getLong("lead_user_id"), rs.getLong("version"));
    }

    private ReadinessTask visibleTask(long taskId) {
        return tasks(null, taskId).stream().findFirst().orElseThrow(() -> new NotFoundException(RECORD_TYPE, taskId));
    }

    /** Members of the task's department (or its data-scope heads) and managers mark items. */
    private boolean canMark(ReadinessTask t) {
        CurrentUser me = users.current().orElse(null);
        if (me == null || me.can(InspectionPermissions.MANAGE)) {
            return true;
        }
        return me.can(InspectionPermissions.CONDUCT) && (Long.valueOf(t.departmentId()).equals(me.departmentId())
                || me.scope().kind() != DataScope.Kind.OWN && me.scope().departmentIds().contains(t.departmentId())
                || jdbc.sql("select count(*) from audit_readiness r where r.id = :id and exists (" + OWNED + ")")
                        .param("id", t.id()).param("me", me.id()).query(Long.class).single() > 0);
    }

    /** The readiness task {@code r} holds an item whose responsible person (000-A1) is {@code :me}. */
    static final String OWNED = """
            select 1 from audit_item_owner o join audit_readiness_item oi on oi.item_id = o.item_id
            where oi.readiness_id = r.id and o.audit_id = r.audit_id and o.user_id = :me""";

    /** The internal auditor: the audit lead or an {@code inspection:manage} holder. */
    private boolean canCheck(ReadinessTask t) {
        CurrentUser me = users.current().orElse(null);
        return me == null || me.can(InspectionPermissions.MANAGE) || me.id() == t.leadUserId();
    }

    private void requireOpen(ReadinessTask t, String step) {
        String status = jdbc.sql("select a.status from audit a where a.id = :a").param("a", t.auditId())
                .query(String.class).single();
        if (!"OPEN".equals(t.status()) || !"PLANNED".equals(status)) {
            throw DomainException.of("inspection.readiness-state", t.auditCode(), t.departmentName(), t.status(), step);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
