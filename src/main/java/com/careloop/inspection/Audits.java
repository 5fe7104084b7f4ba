package com.careloop.inspection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.careloop.capa.CapaRef;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.inspection.InspectionCommands.AddFinding;
import com.careloop.inspection.InspectionCommands.AssignOwner;
import com.careloop.inspection.InspectionViews.ItemOwner;
import com.careloop.inspection.InspectionCommands.Answer;
import com.careloop.inspection.InspectionCommands.AssessRisk;
import com.careloop.inspection.InspectionCommands.Correct;
import com.careloop.inspection.InspectionCommands.Decide;
import com.careloop.inspection.InspectionCommands.OpenCapaFor;
import com.careloop.inspection.InspectionCommands.PlanAudit;
import com.careloop.inspection.InspectionCommands.Upload;
import com.careloop.inspection.InspectionViews.AuditPage;
import com.careloop.inspection.InspectionViews.AuditRow;
import com.careloop.inspection.InspectionViews.File;
import com.careloop.inspection.InspectionViews.Finding;
import com.careloop.inspection.InspectionViews.FindingFilter;
import com.careloop.inspection.InspectionViews.FindingPage;
import com.careloop.inspection.InspectionViews.Item;
import com.careloop.inspection.InspectionViews.Member;
import com.careloop.inspection.InspectionViews.PreContract;
import com.careloop.inspection.InspectionViews.Question;
import com.careloop.inspection.InspectionViews.QuestionSection;
import com.careloop.inspection.InspectionViews.Template;
import com.careloop.inspection.audit.ChecklistRules;
import com.careloop.inspection.audit.ChecklistRules.ItemSpec;
import com.careloop.inspection.audit.ChecklistRules.Marked;
import com.careloop.inspection.audit.ChecklistRules.Scored;
import com.careloop.inspection.audit.InspectionRules;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DataScope;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.TextMatches;
import com.careloop.platform.Texts;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.Versions;
import com.careloop.platform.calendar.CalendarService;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits and their findings, the module's public face. An audit is planned on a published template revision (and
 * keeps it), conducted item by item (each answer checked by its item's kind and saved on its own, photos through the
 * platform file store), finished (score by weights, red lines, result, a numbered finding per failed item) and closed
 * once every finding is closed by a CAPA or a correction. Each command is one transaction with its audit-trail entry.
 * Readers see the audits they lead or are a member of, those of their data-scope departments' members, or all with
 * {@code inspection:manage}.
 */
@Service
@Transactional
public class Audits {

    public static final String RECORD_TYPE = "inspection-audit";
    public static final String FINDING_TYPE = "audit-finding";
    /** The PDCA folders of an audit (file store slots). */
    public static final List<String> FOLDERS = List.of("P_PREP", "D_ONSITE", "C_FINDINGS", "A_IMPROVEMENT");
    static final String IMPROVEMENT_FOLDER = "A_IMPROVEMENT";
    public static final List<String> SCHEMES = List.of("QMS", "FSMS", "HACCP", "OHSMS", "EMS");
    static final String PHOTO_SLOT = "PHOTO-";
    /** Photo items take JPEG, PNG and HEIC (phones; stored without a thumbnail, the page shows a placeholder). */
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/heic");
    /** Working days a finding from a failed item is given (business calendar). */
    static final int FINDING_WORKING_DAYS = 10;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RecordNumbers numbers;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final ChecklistTemplates templates;
    private final CustomerDirectory customers;
    private final CorrectiveActions capas;
    private final StoredFiles files;
    private final CalendarService calendars;
    private final Texts texts;
    private final boolean postgres;

    Audits(JdbcClient jdbc, AuditTrail audit, RecordNumbers numbers, CurrentUsers users, Clock clock,
           CareLoopProperties platform, ChecklistTemplates templates, CustomerDirectory customers,
           CorrectiveActions capas, StoredFiles files, CalendarService calendars, Texts texts,
           javax.sql.DataSource dataSource) {
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.jdbc = jdbc;
        this.audit = audit;
        this.numbers = numbers;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.templates = templates;
        this.customers = customers;
        this.capas = capas;
        this.files = files;
        this.calendars = calendars;
        this.texts = texts;
    }

    // ---- plan -----------------------------------------------------------------------------------

    /** Plans an audit on a published template; named date + counterpart + type ("2026-12-08 江苏恒顺食品 CSR稽查"). */
    public InspectionViews.Audit plan(PlanAudit cmd) {
        return detail(insertAudit(cmd, null));
    }

    /**
     * Inserts the planned audit with its team and, for an audit of us (CSR, factory audit) dated after today, one
     * readiness task per department with checklist items. For a schedule ({@code scheduleId} given) the row is
     * inserted only if absent for that schedule and date (unique key): null when it already exists.
     */
    Long insertAudit(PlanAudit cmd, Long scheduleId) {
        if (cmd == null || cmd.templateId() == null) {
            throw required("templateId");
        }
        if (cmd.auditDate() == null) {
            throw required("auditDate");
        }
        Template t = jdbc.sql("select count(*) from checklist_template where id = :id").param("id", cmd.templateId())
                .query(Long.class).single() == 0 ? null : templates.template(cmd.templateId());
        if (t == null) {
            throw new InvalidInputException("templateId", "exists", Text.of("error.inspection.no-template", cmd.templateId()));
        }
        if (t.status() != TemplateStatus.PUBLISHED) {
            throw DomainException.of("inspection.template-not-published", t.code(), t.revision(), t.status());
        }
        String counterpart;
        if (cmd.customerId() != null) {
            counterpart = customers.card(cmd.customerId()).filter(CustomerCard::active).map(CustomerCard::name)
                    .orElseThrow(() -> new InvalidInputException("customerId", "exists",
                            Text.of("error.inspection.no-customer", cmd.customerId())));
        } else if (cmd.counterpart() != null && !cmd.counterpart().isBlank() && cmd.counterpart().length() <= 200) {
            counterpart = cmd.counterpart().trim();
        } else {
            throw required("counterpart");
        }
        long lead = cmd.leadUserId() != null ? cmd.leadUserId() : users.require().id();
        userName("leadUserId", lead);
        List<String> schemes = new ArrayList<>();
        if (cmd.schemes() != null) {
            for (String s : cmd.schemes()) {
                if (s == null || !SCHEMES.contains(s.trim().toUpperCase(Locale.ROOT))) {
                    throw new InvalidInputException("schemes", "known", Text.of("error.inspection.scheme", String.valueOf(s)));
                }
                if (!schemes.contains(s.trim().toUpperCase(Locale.ROOT))) {
                    schemes.add(s.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (t.kind() == AuditKind.PRE_CONTRACT && schemes.isEmpty()) {
            throw new InvalidInputException("schemes", "required", Text.of("error.inspection.schemes-required"));
        }
        String title = cmd.auditDate() + " " + counterpart + " "
                + texts.render(Text.of("inspection.kind." + t.kind()), Locale.SIMPLIFIED_CHINESE);
        String code = numbers.next(RECORD_TYPE);
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into audit (code, kind, title, audit_date, customer_id, counterpart, template_id, lead_user_id,
                  customer_auditors, schemes, status, created_by, created_at, updated_at, schedule_id)
                select :code, :kind, :title, :date, :customer, :counterpart, :template, :lead, :auditors, :schemes,
                  'PLANNED', :by, :now, :now, :schedule from (select 1 x) one
                where cast(:schedule as bigint) is null or not exists
                  (select 1 from audit s where s.schedule_id = :schedule and s.audit_date = :date)""")
                .param("schedule", scheduleId).param("code", code).param("kind", t.kind().name()).param("title", cut(title, 300))
                .param("date", cmd.auditDate()).param("customer", cmd.customerId()).param("counterpart", counterpart)
                .param("template", t.id()).param("lead", lead).param("auditors", blankToNull(cut(cmd.customerAuditors(), 500)))
                .param("schemes", schemes.isEmpty() ? null : String.join(",", schemes)).param("by", users.actorName())
                .param("now", java.sql.Timestamp.from(now())).update(keys, "id");
        if (inserted == 0) {
            return null;
        }
        long id = keys.getKey().longValue();
        Set<Long> members = new LinkedHashSet<>();
        if (cmd.memberIds() != null) {
            cmd.memberIds().stream().filter(java.util.Objects::nonNull).forEach(members::add);
        }
        members.add(lead);
        for (long m : members) {
            Long dept = userDepartment("memberIds", m);
            jdbc.sql("insert into audit_member (audit_id, user_id, department_id) values (:a, :u, :d)")
                    .param("a", id).param("u", m).param("d", dept).update();
        }
        String predefined = jdbc.sql("select deliverables from checklist_template where id = :t").param("t", t.id())
                .query(String.class).optional().orElse(null);
        List<String> deliverables = predefined == null ? List.of() : predefined.lines().map(String::trim)
                .filter(x -> !x.isEmpty()).distinct().toList();
        for (String name : deliverables) {
            jdbc.sql("""
                    insert into audit_deliverable (audit_id, name, required, created_by, created_at, updated_at)
                    values (:a, :n, true, :by, :now, :now)""").param("a", id).param("n", cut(name, 200))
                    .param("by", users.actorName()).param("now", java.sql.Timestamp.from(now())).update();
        }
        int readiness = (t.kind() == AuditKind.CSR || t.kind() == AuditKind.FACTORY) && cmd.auditDate().isAfter(today())
                ? createReadiness(id, t, cmd.auditDate()) : 0;
        Map<String, Object> created = new LinkedHashMap<>(state(id));
        created.put("scheduleId", scheduleId);
        created.put("readinessTasks", readiness);
        created.put("deliverables", String.join("; ", deliverables));
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", AuditTrail.diff(Map.of(), created));
        return id;
    }

    /** One readiness task per department of the template's items, due 5 working days before the audit (000-M2). */
    private int createReadiness(long auditId, Template t, LocalDate auditDate) {
        var calendar = calendars.standard();
        LocalDate checkOn = InspectionRules.readinessCheckOn(auditDate, calendar::isWorkingDay);
        Map<Long, List<Long>> byDepartment = new LinkedHashMap<>();
        for (var s : t.sections()) {
            for (Item i : s.items()) {
                Long dept = department(i.departmentCode());
                if (dept != null) {
                    byDepartment.computeIfAbsent(dept, d -> new ArrayList<>()).add(i.id());
                }
            }
        }
        for (var e : byDepartment.entrySet()) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into audit_readiness (audit_id, department_id, check_on, status, created_at)
                    values (:a, :d, :on, 'OPEN', :now)""").param("a", auditId).param("d", e.getKey())
                    .param("on", checkOn).param("now", java.sql.Timestamp.from(now())).update(keys, "id");
            long rid = keys.getKey().longValue();
            for (long item : e.getValue()) {
                jdbc.sql("insert into audit_readiness_item (readiness_id, item_id) values (:r, :i)")
                        .param("r", rid).param("i", item).update();
            }
        }
        return byDepartment.size();
    }

    /**
     * The pre-audit gate: while a department's readiness check is not done or a gap finding is open the audit cannot
     * start (409 {@code audit.readiness-open}), unless a manager recorded an override.
     */
    private void requireReady(Head h) {
        if (h.readinessOverridden) {
            return;
        }
        long unchecked = jdbc.sql("select count(*) from audit_readiness where audit_id = :a and status <> 'CHECKED'")
                .param("a", h.id).query(Long.class).single();
        long gaps = jdbc.sql("""
                select count(*) from audit_finding where audit_id = :a and origin = 'INTERNAL' and status <> 'CLOSED'""")
                .param("a", h.id).query(Long.class).single();
        if (unchecked + gaps > 0) {
            throw DomainException.of("audit.readiness-open", h.code, unchecked, gaps);
        }
    }

    /** An INTERNAL finding of a readiness gap (called by {@link AuditReadiness} in its transaction). */
    long addInternalFinding(long auditId, long readinessId, String description, Severity severity, Long dept,
                            LocalDate due) {
        Head h = head(auditId);
        long id = insertFinding(h, null, "INTERNAL", description, severity, dept, due);
        jdbc.sql("update audit_finding set readiness_id = :r where id = :id").param("r", readinessId).param("id", id)
                .update();
        return id;
    }

    /** Records a manager's override of the readiness gate (the audit may start with gaps open). */
    public InspectionViews.Audit overrideReadiness(long id, String note) {
        Head h = head(id);
        requireManager();
        requireStatus(h, "readiness-override", AuditStatus.PLANNED);
        if (note == null || note.isBlank()) {
            throw required("note");
        }
        Map<String, Object> before = state(id);
        jdbc.sql("""
                update audit set readiness_override_by = :by, readiness_override_note = :n, readiness_override_at = :now,
                  version = version + 1, updated_at = :now where id = :id""")
                .param("by", users.actorName()).param("n", cut(note.trim(), 2000))
                .param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        Map<String, Object> after = new LinkedHashMap<>(state(id));
        after.put("readinessOverride", cut(note.trim(), 2000));
        audit.record(RECORD_TYPE, String.valueOf(id), "READINESS_OVERRIDE", AuditTrail.diff(before, after));
        return detail(id);
    }

    // ---- conduct --------------------------------------------------------------------------------

    public InspectionViews.Audit start(long id, Long version) {
        Head h = head(id);
        requireTakingPart(h);
        Versions.requireCurrentIfGiven(version, h.version, RECORD_TYPE, h.code);
        requireStatus(h, "start", AuditStatus.PLANNED);
        requireReady(h);
        transition(h, AuditStatus.IN_PROGRESS, "START");
        return detail(id);
    }

    /**
     * Saves the answer to one item (each answer on its own, so a dropped connection loses at most one): checked by the
     * item's kind; a photo item needs its minimum photos first. A planned audit starts with its first answer. 409 when
     * the audit's template revision was retired or the audit is finished.
     */
    public Question answer(long id, long itemId, Answer cmd) {
        Head h = head(id);
        requireTakingPart(h);
        requireConductable(h);
        ItemRow item = item(h, itemId);
        int photos = photos(id, itemId).size();
        Marked m = ChecklistRules.mark(item.spec(), cmd == null ? null : cmd.answer(),
                cmd != null && Boolean.TRUE.equals(cmd.notApplicable()), photos);
        if (h.status == AuditStatus.PLANNED) {
            requireReady(h);
            transition(h, AuditStatus.IN_PROGRESS, "START");
        }
        String note = cmd == null ? null : blankToNull(cut(cmd.note(), 2000));
        int updated = jdbc.sql("""
                update audit_answer set answer = :a, not_applicable = :na, fraction = :f, failed = :failed, note = :note,
                  answered_by = :by, answered_at = :now where audit_id = :audit and item_id = :item""")
                .param("a", m.answer()).param("na", m.notApplicable()).param("f", m.fraction())
                .param("failed", m.failed()).param("note", note).param("by", users.actorName()).param("now", java.sql.Timestamp.from(now()))
                .param("audit", id).param("item", itemId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into audit_answer (audit_id, item_id, answer, not_applicable, fraction, failed, note,
                      answered_by, answered_at) values (:audit, :item, :a, :na, :f, :failed, :note, :by, :now)""")
                    .param("a", m.answer()).param("na", m.notApplicable()).param("f", m.fraction())
                    .param("failed", m.failed()).param("note", note).param("by", users.actorName()).param("now", java.sql.Timestamp.from(now()))
                    .param("audit", id).param("item", itemId).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", item.sectionNo + "." + item.itemNo);
        after.put("answer", m.notApplicable() ? "N/A" : m.answer());
        after.put("failed", m.failed());
        audit.record(RECORD_TYPE, String.valueOf(id), "ANSWER", AuditTrail.diff(Map.of(), after));
        return question(id, itemId);
    }

    /** A photo for a photo item (JPEG/PNG/HEIC by their bytes, up to the store's limit of 20 MB; JPEG/PNG get a thumbnail). */
    public File addPhoto(long id, long itemId, Upload upload) {
        Head h = head(id);
        requireTakingPart(h);
        requireConductable(h);
        item(h, itemId);
        UploadedFiles.Checked checked = checkedImage(upload);
        return file(files.store(RECORD_TYPE, id, PHOTO_SLOT + itemId, checked));
    }

    /** A file into one of the PDCA folders (P_PREP, D_ONSITE, C_FINDINGS, A_IMPROVEMENT); any checked kind. */
    public File addFile(long id, String folder, Upload upload) {
        return addFile(id, folder, upload, null);
    }

    /**
     * As {@link #addFile(long, String, Upload)}; a file into A_IMPROVEMENT (the improvement report replied to the
     * customer) is named by its reply date, "yyyy-MM-dd name" (000-A4 "按照回复时间命名"): {@code repliedOn}, default
     * today in company time, never in the future (422 {@code repliedOn}).
     */
    public File addFile(long id, String folder, Upload upload, LocalDate repliedOn) {
        Head h = head(id);
        requireTakingPart(h);
        if (folder == null || !FOLDERS.contains(folder)) {
            throw new InvalidInputException("folder", "known", Text.of("error.inspection.folder", String.valueOf(folder)));
        }
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.inspection.required", "file"));
        }
        String name = upload.fileName();
        if (IMPROVEMENT_FOLDER.equals(folder)) {
            LocalDate on = repliedOn == null ? today() : repliedOn;
            if (on.isAfter(today())) {
                throw new InvalidInputException("repliedOn", "past", Text.of("error.inspection.replied-future"));
            }
            name = InspectionRules.improvementReportName(on, name);
        } else if (repliedOn != null) {
            throw new InvalidInputException("repliedOn", "folder", Text.of("error.inspection.replied-folder"));
        }
        return file(files.store(RECORD_TYPE, id, folder, files.check(name, upload.contentType(), upload.bytes())));
    }

    public ResponseEntity<byte[]> download(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    public byte[] thumbnail(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        return files.thumbnail(f.id()).orElseThrow(() -> new NotFoundException("stored-file-thumbnail", fileId));
    }

    /**
     * Ends the conduct: every applicable item answered (409 naming how many are not), the score by weights, red
     * lines, the result, and one numbered finding per failed item (red line CRITICAL, else MAJOR), owned by the
     * item's department and due ten working days later. FINDINGS_OPEN follows even with no findings (the customer's
     * own findings are entered next); the audit is closed when they are all closed.
     */
    public InspectionViews.Audit finish(long id, Long version) {
        Head h = head(id);
        requireTakingPart(h);
        Versions.requireCurrentIfGiven(version, h.version, RECORD_TYPE, h.code);
        requireStatus(h, "finish", AuditStatus.IN_PROGRESS);
        List<ItemRow> items = items(h);
        Map<Long, AnswerRow> answers = answers(id);
        long missing = items.stream().filter(i -> !answers.containsKey(i.id)).count();
        if (missing > 0) {
            throw DomainException.of("inspection.unanswered", h.code, missing);
        }
        List<Scored> scored = items.stream().map(i -> {
            AnswerRow a = answers.get(i.id);
            return new Scored(i.weight, a.notApplicable ? null : a.fraction, a.failed, i.redLine);
        }).toList();
        var outcome = ChecklistRules.score(scored, h.passScore, h.conditionalScore);
        Map<String, Object> before = state(id);
        LocalDate due = workingDaysAfter(today(), FINDING_WORKING_DAYS);
        for (ItemRow i : items) {
            AnswerRow a = answers.get(i.id);
            if (a.failed) {
                insertFinding(h, i.id, "ITEM", i.sectionNo + "." + i.itemNo + " " + i.textZhCn
                                + (a.note == null ? "" : " — " + a.note),
                        i.redLine ? Severity.CRITICAL : Severity.MAJOR, department(i.departmentCode), due);
            }
        }
        jdbc.sql("""
                update audit set status = 'FINDINGS_OPEN', score = :score, result = :result, red_line_failed = :red,
                  version = version + 1, updated_at = :now where id = :id""")
                .param("score", outcome.score()).param("result", outcome.result().name())
                .param("red", outcome.redLineFailed()).param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "FINISH", AuditTrail.diff(before, state(id)));
        return detail(id);
    }

    /** A finding entered by hand (e.g. the customer's auditors' finding) while the audit is not closed. */
    public Finding addFinding(long id, AddFinding cmd) {
        Head h = head(id);
        requireTakingPart(h);
        requireStatus(h, "add-finding", AuditStatus.IN_PROGRESS, AuditStatus.FINDINGS_OPEN);
        if (cmd == null || cmd.description() == null || cmd.description().isBlank()) {
            throw required("description");
        }
        if (cmd.departmentId() != null) {
            departmentName("departmentId", cmd.departmentId());
        }
        LocalDate due = cmd.dueOn() != null ? cmd.dueOn() : workingDaysAfter(today(), FINDING_WORKING_DAYS);
        if (due.isBefore(today())) {
            throw new InvalidInputException("dueOn", "future", Text.of("error.inspection.due-past"));
        }
        if (cmd.replyDueOn() != null && cmd.replyDueOn().isBefore(today())) {
            throw new InvalidInputException("replyDueOn", "future", Text.of("error.inspection.due-past"));
        }
        long fid = insertFinding(h, null, "CUSTOMER", cut(cmd.description().trim(), 2000),
                cmd.severity() == null ? Severity.MINOR : cmd.severity(), cmd.departmentId(), due);
        if (cmd.replyDueOn() != null) {
            jdbc.sql("update audit_finding set reply_due_on = :r where id = :id").param("r", cmd.replyDueOn())
                    .param("id", fid).update();
            audit.record(FINDING_TYPE, String.valueOf(fid), "REPLY_DUE", AuditTrail.diff(Map.of(),
                    Map.of("replyDueOn", cmd.replyDueOn())));
        }
        return finding(fid);
    }

    /** The reply to the customer on a customer finding was sent (the improvement report, A folder): once. */
    public Finding reply(long findingId, InspectionCommands.Reply cmd) {
        FindingRow f = findingRow(findingId);
        Head h = head(f.auditId);
        requireTakingPart(h);
        Finding view = finding(findingId);
        if (view.replyDueOn() == null || view.repliedOn() != null) {
            throw DomainException.of("inspection.reply-state", f.code);
        }
        LocalDate on = cmd == null || cmd.repliedOn() == null ? today() : cmd.repliedOn();
        if (on.isAfter(today())) {
            throw new InvalidInputException("repliedOn", "past", Text.of("error.inspection.replied-future"));
        }
        updateFinding(f, "REPLY", "update audit_finding set replied_on = :on, version = version + 1 where id = :id",
                Map.of("on", on));
        return finding(findingId);
    }

    /** Opens a CAPA for an open finding (source AUDIT for CSR and factory audits, else INSPECTION), linked both ways. */
    public Finding openCapa(long findingId, OpenCapaFor cmd) {
        FindingRow f = findingRow(findingId);
        Head h = head(f.auditId);
        requireFindingOwner(h, f);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), f.version, FINDING_TYPE, f.code);
        if (!f.status.equals(FindingStatus.OPEN.name())) {
            throw DomainException.of("inspection.finding-state", f.code, f.status, "open-capa");
        }
        CapaRef ref = capas.open(new OpenCapa(h.kind.capaSource(), findingId, null, f.code,
                h.title + " — " + f.description, h.customerId, f.departmentId,
                cmd != null && Boolean.TRUE.equals(cmd.eightD())));
        updateFinding(f, "OPEN_CAPA", """
                update audit_finding set status = 'CAPA', capa_id = :capa, capa_code = :code, version = version + 1
                where id = :id""", Map.of("capa", ref.id(), "code", ref.code()));
        return finding(findingId);
    }

    /** Closes an open finding by a simple correction (a finding with a CAPA closes with its CAPA). */
    public Finding correct(long findingId, Correct cmd) {
        FindingRow f = findingRow(findingId);
        Head h = head(f.auditId);
        requireFindingOwner(h, f);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), f.version, FINDING_TYPE, f.code);
        if (!f.status.equals(FindingStatus.OPEN.name())) {
            throw DomainException.of("inspection.finding-state", f.code, f.status, "correct");
        }
        if (cmd == null || cmd.correction() == null || cmd.correction().isBlank()) {
            throw required("correction");
        }
        updateFinding(f, "CORRECT", """
                update audit_finding set status = 'CLOSED', correction = :c, closed_at = :now, closed_by = :by,
                  version = version + 1 where id = :id""",
                Map.of("c", cut(cmd.correction().trim(), 2000), "now", java.sql.Timestamp.from(now()), "by", users.actorName()));
        return finding(findingId);
    }

    /** The CAPA of a finding was closed (called by the CapaClosed listener; a finding already closed is left alone). */
    public void capaClosed(long findingId, long capaId) {
        FindingRow f = jdbc.sql("select * from audit_finding where id = :id").param("id", findingId)
                .query(Audits::mapFindingRow).optional().orElse(null);
        if (f == null || !FindingStatus.CAPA.name().equals(f.status) || f.capaId == null || f.capaId != capaId) {
            return;
        }
        updateFinding(f, "CAPA_CLOSED", """
                update audit_finding set status = 'CLOSED', closed_at = :now, closed_by = :by, version = version + 1
                where id = :id""", Map.of("now", java.sql.Timestamp.from(now()), "by", users.actorName()));
    }

    /** Closes the audit: 409 while findings are open, and for a pre-contract visit until it is decided. */
    public InspectionViews.Audit close(long id, Long version) {
        Head h = head(id);
        requireManager();
        Versions.requireCurrentIfGiven(version, h.version, RECORD_TYPE, h.code);
        requireStatus(h, "close", AuditStatus.FINDINGS_OPEN);
        long open = jdbc.sql("select count(*) from audit_finding where audit_id = :id and status <> 'CLOSED'")
                .param("id", id).query(Long.class).single();
        if (open > 0) {
            throw DomainException.of("inspection.open-findings", h.code, open);
        }
        if (h.kind == AuditKind.PRE_CONTRACT && h.decision == null) {
            throw DomainException.of("inspection.undecided", h.code);
        }
        List<String> missing = jdbc.sql("""
                select name from audit_deliverable where audit_id = :id and required = true and file_id is null
                order by id""").param("id", id).query(String.class).list();
        if (!missing.isEmpty()) {
            throw DomainException.of("inspection.deliverable-missing", h.code, String.join("、", missing));
        }
        Map<String, Object> before = state(id);
        jdbc.sql("update audit set status = 'CLOSED', closed_at = :now, version = version + 1, updated_at = :now where id = :id")
                .param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "CLOSE", AuditTrail.diff(before, state(id)));
        return detail(id);
    }

    // ---- pre-contract visit ---------------------------------------------------------------------

    /** The project manager's risk assessment and recommendation, after the visit was conducted and before the decision. */
    public InspectionViews.Audit assessRisk(long id, AssessRisk cmd) {
        Head h = head(id);
        requireTakingPart(h);
        requirePreContract(h);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), h.version, RECORD_TYPE, h.code);
        requireStatus(h, "assess-risk", AuditStatus.FINDINGS_OPEN);
        if (h.decision != null) {
            throw DomainException.of("inspection.decided", h.code);
        }
        String level = oneOf("riskLevel", cmd == null ? null : cmd.riskLevel(), "LOW", "MEDIUM", "HIGH");
        String rec = oneOf("recommendation", cmd.recommendation(), "ACCEPT", "DECLINE");
        Map<String, Object> before = state(id);
        jdbc.sql("""
                update audit set risk_level = :l, risk_note = :n, recommendation = :r, recommended_by = :by,
                  version = version + 1, updated_at = :now where id = :id""")
                .param("l", level).param("n", blankToNull(cut(cmd.riskNote(), 2000))).param("r", rec)
                .param("by", users.actorName()).param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "ASSESS_RISK", AuditTrail.diff(before, state(id)));
        return detail(id);
    }

    /** The department manager's acceptance decision ({@code inspection:manage}), after the recommendation; once. */
    public InspectionViews.Audit decide(long id, Decide cmd) {
        Head h = head(id);
        requireManager();
        requirePreContract(h);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), h.version, RECORD_TYPE, h.code);
        if (h.recommendation == null) {
            throw DomainException.of("inspection.no-recommendation", h.code);
        }
        if (h.decision != null) {
            throw DomainException.of("inspection.decided", h.code);
        }
        String decision = oneOf("decision", cmd == null ? null : cmd.decision(), "ACCEPT", "DECLINE");
        Map<String, Object> before = state(id);
        jdbc.sql("""
                update audit set decision = :d, decision_note = :n, decided_by = :by, decided_at = :now,
                  version = version + 1, updated_at = :now where id = :id""")
                .param("d", decision).param("n", blankToNull(cut(cmd.note(), 2000))).param("by", users.actorName())
                .param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "DECIDE", AuditTrail.diff(before, state(id)));
        return detail(id);
    }

    // ---- reads ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public InspectionViews.Audit detail(long id) {
        Head h = head(id);
        requireVisible(h);
        Template t = templates.template(h.templateId);
        Map<Long, AnswerRow> answers = answers(id);
        Map<Long, ItemOwner> owners = ownerMap(id);
        List<File> all = files.list(RECORD_TYPE, id).stream().map(Audits::file).toList();
        List<QuestionSection> sections = new ArrayList<>();
        long questions = 0;
        for (var s : t.sections()) {
            List<Question> qs = new ArrayList<>();
            for (Item i : s.items()) {
                if (!ChecklistRules.applies(String.join(",", i.schemes()), h.schemes)) {
                    continue;
                }
                qs.add(question(i, answers.get(i.id()), all, owners));
            }
            if (!qs.isEmpty()) {
                questions += qs.size();
                sections.add(new QuestionSection(s.no(), s.titleZhCn(), s.titleZhTw(), s.titleEn(), qs));
            }
        }
        List<Finding> findings = jdbc.sql(FINDING_SELECT + " where f.audit_id = :id order by f.id").param("id", id)
                .query(this::mapFinding).list();
        // only the counterpart's own condition goes into the SQL (a "cast(:x) is null or" walked every finding)
        List<Finding> earlier = jdbc.sql(FINDING_SELECT + " where f.audit_id <> :id and a.audit_date <= :date and "
                        + (h.customerId != null ? "a.customer_id = :who" : "a.counterpart = :who")
                        + " order by a.audit_date desc, f.id limit 100")
                .param("id", id).param("date", h.auditDate)
                .param("who", h.customerId != null ? h.customerId : h.counterpart).query(this::mapFinding).list();
        List<Member> members = jdbc.sql("""
                select m.user_id, u.display_name, m.department_id, d.name dname from audit_member m
                join org_user u on u.id = m.user_id left join org_department d on d.id = m.department_id
                where m.audit_id = :id order by m.department_id, u.display_name""").param("id", id)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4))).list();
        long answered = sections.stream().mapToLong(QuestionSection::answered).sum();
        return new InspectionViews.Audit(h.id, h.code, h.kind, h.title, h.auditDate, h.customerId, h.counterpart,
                t.id(), t.code(), t.revision(), t.status(), h.leadUserId, name(h.leadUserId), members,
                h.customerAuditors, List.copyOf(h.schemes), h.status, h.score, h.result, h.redLineFailed, h.passScore,
                h.conditionalScore, new PreContract(h.riskLevel, h.riskNote, h.recommendation, h.recommendedBy,
                h.decision, h.decisionNote, h.decidedBy, h.decidedAt), sections, findings,
                all.stream().filter(f -> FOLDERS.contains(f.slot())).toList(), earlier, answered, questions, h.version);
    }

    /** Whether a manager recorded an override of the readiness gate. */
    @Transactional(readOnly = true)
    public boolean readinessOverridden(long id) {
        Head h = head(id);
        requireVisible(h);
        return h.readinessOverridden;
    }

    /** The audits the reader may see, newest audit date first; keyset paged by (date, id). */
    @Transactional(readOnly = true)
    public AuditPage search(AuditKind kind, AuditStatus status, String q, String cursor, int limit) {
        Scope s = scope();
        LocalDate afterDate = null;
        long afterId = Long.MAX_VALUE;
        if (cursor != null && cursor.contains("_")) {
            try {
                afterDate = LocalDate.parse(cursor.substring(0, cursor.indexOf('_')));
                afterId = Long.parseLong(cursor.substring(cursor.indexOf('_') + 1));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.inspection.cursor"));
            }
        }
        int n = Math.max(1, Math.min(limit, 200));
        List<AuditRow> rows = jdbc.sql("""
                select a.id, a.code, a.kind, a.title, a.audit_date, a.counterpart, u.display_name lead, a.status,
                  a.score, a.result, a.red_line_failed,
                  (select count(*) from audit_finding f where f.audit_id = a.id and f.status <> 'CLOSED') open_findings
                from audit a join org_user u on u.id = a.lead_user_id
                where (cast(:kind as varchar(30)) is null or a.kind = :kind)
                  and (cast(:status as varchar(20)) is null or a.status = :status)
                  and (cast(:q as varchar(200)) is null or lower(a.title) like :q or lower(a.code) like :q)
                  and (cast(:afterDate as date) is null or a.audit_date < :afterDate
                       or (a.audit_date = :afterDate and a.id < :afterId))
                  and (:all = true or a.lead_user_id = :me or exists (select 1 from audit_member m where m.audit_id = a.id
                       and (m.user_id = :me or m.department_id in (:depts))))
                order by a.audit_date desc, a.id desc limit :limit""")
                .param("kind", kind == null ? null : kind.name()).param("status", status == null ? null : status.name())
                .param("q", q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%")
                .param("afterDate", afterDate).param("afterId", afterId).param("all", s.all).param("me", s.me)
                .param("depts", s.departments).param("limit", n + 1)
                .query((rs, i) -> new AuditRow(rs.getLong("id"), rs.getString("code"),
                        AuditKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        rs.getObject("audit_date", LocalDate.class), rs.getString("counterpart"), rs.getString("lead"),
                        AuditStatus.valueOf(rs.getString("status")), rs.getBigDecimal("score"),
                        rs.getString("result") == null ? null : AuditResult.valueOf(rs.getString("result")),
                        rs.getBoolean("red_line_failed"), rs.getLong("open_findings"))).list();
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            AuditRow last = rows.get(n - 1);
            next = last.auditDate() + "_" + last.id();
        }
        return new AuditPage(rows, next);
    }

    /** Findings of the audits the reader may see, newest first, keyset paged by id; filters by audit, department, status, severity, text. */
    @Transactional(readOnly = true)
    public FindingPage findings(FindingFilter filter, String cursor, int limit) {
        Scope s = scope();
        long after;
        try {
            after = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.inspection.cursor"));
        }
        FindingFilter f = filter == null ? new FindingFilter(null, null, null, null, null) : filter;
        int n = Math.max(1, Math.min(limit, ListExportPage.MAX));
        // only the filters given are in the SQL, so each search gets the plan of its own indexes (benchmark: a
        // "cast(:x) is null or ..." list made every search a walk of all findings)
        StringBuilder sql = new StringBuilder(FINDING_SELECT).append(" where f.id < :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        params.put("limit", n + 1);
        if (f.auditId() != null) {
            sql.append(" and f.audit_id = :audit");
            params.put("audit", f.auditId());
        }
        if (f.departmentId() != null) {
            sql.append(" and f.department_id = :dept");
            params.put("dept", f.departmentId());
        }
        if (f.status() != null) {
            sql.append(" and f.status = :status");
            params.put("status", f.status().name());
        }
        if (f.severity() != null) {
            sql.append(" and f.severity = :severity");
            params.put("severity", f.severity().name());
        }
        if (f.open() || f.overdue()) {
            // as the dashboard counts them (InspectionStatistics.figures); V188's partial index of the unclosed
            sql.append(" and f.status <> 'CLOSED'");
        }
        if (f.overdue()) {
            sql.append(" and f.due_on < :today");
            params.put("today", today());
        }
        String q = f.q() == null || f.q().isBlank() ? null : f.q().strip().toLowerCase(Locale.ROOT);
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "max-length", Text.of("error.inspection.keyword-too-long"));
        }
        String order = NEWEST_FIRST;
        // planned for the values at hand, not a cached generic plan (this transaction only); a generic
        // plan of "status = $1 and severity = $2" walked every finding for a pair that has none (InspectionBench)
        // nor in parallel: starting workers cost 130 ms on the loaded machine for a 10 ms scan
        SearchPlanning.customPlansWithoutParallelWorkers(jdbc, postgres);
        if (q != null && postgres) {
            order = keyword(q, sql, params, s.all);
            if (order == null) {
                return new FindingPage(List.of(), null);
            }
        } else if (q != null) {
            sql.append(" and (lower(" + FINDING_TEXT + ") like :q escape '\\' or lower(a.title) like :q escape '\\')");
            params.put("q", like(q));
        }
        if (!s.all) {
            sql.append(" " + """
                     and (f.department_id in (:depts) or a.lead_user_id = :me or exists (select 1 from audit_member m
                       where m.audit_id = a.id and (m.user_id = :me or m.department_id in (:depts))))""");
            params.put("me", s.me);
            params.put("depts", s.departments);
        }
        List<Finding> rows = jdbc.sql(sql + order + " limit :limit").params(params).query(this::mapFinding).list();
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = String.valueOf(rows.get(n - 1).id());
        }
        return new FindingPage(rows, next);
    }

    /** The findings list's order: newest first, which the cursor (the last id) pages on. */
    private static final String NEWEST_FIRST = " order by f.id desc";

    /** The text searched: a finding's code and description (V116 indexes exactly this expression) or its audit's title. */
    static final String FINDING_TEXT = "f.code || ' ' || f.description";

    /**
     * Restricts the findings query {@code sql} (its filters; the reader's scope comes after) to a keyword {@code q}
     * (lower case) on PostgreSQL and returns the page's order (null when nothing matches), in the plan that reads the
     * fewest rows whatever the planner estimates (InspectionBench, FindingSearchPlanTest):
     * <ul>
     * <li>the audits whose title holds the word are taken first through the title indexes (V116), at most
     * {@link TextMatches#CAP}; a finding then matches by its text or its audit id, so no finding's audit is probed for
     * its title (that probe was 3 buffers per finding tested, ~6,000 for every rare word). A word in more titles than
     * that keeps the probe (it is then common among the newest findings, unless all those audits are old);</li>
     * <li>a frequent word among the newest findings below the cursor (at least a page of matches in the newest 2,000 of
     * the filters, the reader's scope left out to keep the test cheap: {@link TextMatches#commonAmongNewest}) walks the
     * id index newest-first with a text test no index serves and stops at the full page (within those 2,000 for a
     * reader who sees every finding);</li>
     * <li>otherwise, for a reader who sees every finding, the newest page of matching ids is taken first from
     * {@code audit_finding} alone (the text indexes and the titled audits' ids, order written {@code f.id + 0} so the
     * matches are collected and the newest sorted out; walking the id index would test every newer finding), and only
     * those ids are joined to their audits and departments: a frequent word of old audits read each match once and
     * joined the page, where it joined every match to its audit before sorting (InspectionBench: 灭火器过期, 67 ms p95);</li>
     * <li>for a reader with a data scope (which needs each finding's audit), the matching ids are taken first, at most
     * {@link TextMatches#CAP}, and the page is read from exactly those; more matches than that keep the indexed
     * condition with the order {@code f.id + 0}.</li>
     * </ul>
     */
    private String keyword(String q, StringBuilder sql, Map<String, Object> params, boolean all) {
        // two characters (a Chinese word): its character bigram is in a text's bigrams exactly when the text holds it,
        // so the bigram index alone decides and careloop_bigrams (PL/pgSQL) is never run per row (as a LIKE's companion
        // in an OR it was: 20,000 calls, 340 ms); three or more: the trigram index, rechecked by the LIKE
        boolean pair = q.codePointCount(0, q.length()) == 2;
        String match = pair ? "careloop_bigrams(%s) @> careloop_bigrams(:word)" : "lower(%s) like :q escape '\\'";
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("word", q);
        text.put("q", like(q));
        // a title of 3+ characters by its bigrams too: the LIKE alone let PostgreSQL read every title of a small audit
        // table sequentially (FindingSearchPlanTest: 4,006 rows for none); with careloop_bigrams (PL/pgSQL) in the
        // condition a sequential scan is never the cheap plan, and the bigram index serves it
        String titles = "select t.id from audit t where " + match.formatted("t.title")
                + (!pair && q.codePointCount(0, q.length()) >= 3 ? " and careloop_bigrams(t.title) @> careloop_bigrams(:word)" : "");
        List<Long> titled = TextMatches.few(jdbc, titles, text);
        String conditions = sql.substring(FINDING_SELECT.length()); // " where f.id < :after and <filters>"
        Map<String, Object> newest = new LinkedHashMap<>(params);
        newest.putAll(text);
        boolean common;
        String inTitle;
        if (titled != null) {
            String byId = titled.isEmpty() ? "" : " or %s.audit_id in (:titled)";
            newest.put("titled", titled);
            common = TextMatches.commonAmongNewest(jdbc, "select f.code, f.description, f.audit_id from audit_finding f"
                    + conditions + " order by f.id desc",
                    "(strpos(lower(x.code || ' ' || x.description), :word) > 0" + byId.formatted("x") + ")", newest,
                    (int) params.get("limit"));
            inTitle = byId.formatted("f");
        } else {
            common = TextMatches.commonAmongNewest(jdbc, "select f.code, f.description, a.title from audit_finding f"
                    + " join audit a on a.id = f.audit_id" + conditions + " order by f.id desc",
                    "(strpos(lower(x.code || ' ' || x.description), :word) > 0 or strpos(lower(x.title), :word) > 0)",
                    newest, (int) params.get("limit"));
            inTitle = " or strpos(lower(a.title), :word) > 0";
        }
        if (common) {
            sql.append(" and (strpos(lower(" + FINDING_TEXT + "), :word) > 0" + inTitle + ")");
            params.put("word", q);
            if (titled != null && !titled.isEmpty()) {
                params.put("titled", titled);
            }
            return NEWEST_FIRST;
        }
        String inText = match.formatted(FINDING_TEXT);
        String titleArm = titled == null ? " or f.audit_id = any(array(" + titles + "))"
                : titled.isEmpty() ? "" : " or f.audit_id in (:titled)";
        if (all) {
            // the page's ids from audit_finding alone, then the join for those ids only
            List<Long> page = pair ? null : newestByBigrams(q, conditions, titleArm, newest, (int) params.get("limit"));
            if (page == null) {
                page = jdbc.sql("select f.id from audit_finding f" + conditions + " and (" + inText + titleArm
                        + ") order by f.id + 0 desc limit :limit").params(newest).query(Long.class).list();
            }
            if (page.isEmpty()) {
                return null;
            }
            sql.append(" and f.id in (:page)");
            params.put("page", page);
            return NEWEST_FIRST;
        }
        text.put("after", params.get("after"));
        if (titled != null && !titled.isEmpty()) {
            text.put("titled", titled);
        }
        int before = sql.length();
        String titleIds = titled == null ? " union all select f.id from audit_finding f where f.id < :after and f.audit_id in ("
                + titles + ")" : titled.isEmpty() ? "" : " union all select f.id from audit_finding f where f.id < :after"
                + " and f.audit_id in (:titled)";
        if (!TextMatches.restrict(jdbc, "select f.id from audit_finding f where f.id < :after and " + inText + titleIds,
                "(" + inText + titleArm + ")", text, "f.id", sql, params)) {
            return null;
        }
        return sql.indexOf(" f.id in (:", before) >= 0 ? NEWEST_FIRST : " order by f.id + 0 desc";
    }

    /** How many candidates {@link #newestByBigrams} sorts out at most (4 per row of a larger page). */
    static final int CANDIDATES = 1000;

    /**
     * The newest page of findings holding a word of three or more characters with a Chinese (non-ASCII) one, taken
     * from the candidates of the character-bigram index (V116): a text holds the word only if it holds each of the
     * word's bigrams, and that index decides its condition without reading the text again, where the trigram index
     * has each of its matches rechecked by the LIKE (灭火器过期 in InspectionBench: 20,000 rechecks for a page, most
     * of the search's time). The newest {@link #CANDIDATES} candidates (4 per row of a larger page) are sorted out by
     * id and only those are tested for the word (a rare number like 仓库0042 has ~500 candidates, all of them tested); the page is exact when they hold a full page of matches or are all the
     * candidates there are. Null otherwise (many candidates without the word in that order, or an ASCII word, whose
     * bigrams are in most texts): then the caller's query.
     */
    private List<Long> newestByBigrams(String q, String conditions, String titleArm, Map<String, Object> params,
                                       int limit) {
        if (q.codePointCount(0, q.length()) < 3 || q.chars().allMatch(ch -> ch < 128)) {
            return null;
        }
        int k = Math.max(CANDIDATES, 4 * limit);
        List<Object[]> candidates = jdbc.sql("select c.id, (strpos(lower(c.code || ' ' || c.description), :word) > 0"
                        + titleArm.replace("f.audit_id", "c.audit_id") + ") from (select f.id, f.code, f.description,"
                        + " f.audit_id from audit_finding f" + conditions + " and (careloop_bigrams(" + FINDING_TEXT
                        + ") @> careloop_bigrams(:word)" + titleArm + ") order by f.id + 0 desc limit " + k
                        + ") c order by c.id desc")
                .params(params).query((rs, i) -> new Object[] {rs.getLong(1), rs.getBoolean(2)}).list();
        List<Long> page = candidates.stream().filter(c -> (Boolean) c[1]).map(c -> (Long) c[0]).limit(limit).toList();
        return page.size() >= limit || candidates.size() < k ? page : null;
    }

    /** A LIKE pattern of {@code q} anywhere, its wildcards escaped. */
    private static String like(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Transactional(readOnly = true)
    public Finding finding(long findingId) {
        Finding f = jdbc.sql(FINDING_SELECT + " where f.id = :id").param("id", findingId).query(this::mapFinding)
                .optional().orElseThrow(() -> new NotFoundException(FINDING_TYPE, findingId));
        requireVisible(head(f.auditId()));
        return f;
    }

    /** The users who can be picked as lead or member: active users, by department. */
    @Transactional(readOnly = true)
    public List<Member> people() {
        return jdbc.sql("""
                select u.id, u.display_name, u.department_id, d.name from org_user u
                left join org_department d on d.id = u.department_id where u.active = true
                order by d.sort_order, u.display_name""")
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4))).list();
    }

    /** Counts for the work inbox: audits I lead or take part in that are not finished; findings of my department due. */
    @Transactional(readOnly = true)
    public long[] work(CurrentUser me) {
        long conducting = jdbc.sql("""
                select count(*) from audit a where a.status in ('PLANNED', 'IN_PROGRESS')
                  and (a.lead_user_id = :me or exists (select 1 from audit_member m where m.audit_id = a.id and m.user_id = :me))""")
                .param("me", me.id()).query(Long.class).single();
        long[] f = me.departmentId() == null ? new long[] {0, 0} : jdbc.sql("""
                select count(*), coalesce(sum(case when due_on < :today then 1 else 0 end), 0) from audit_finding
                where status <> 'CLOSED' and department_id = :d""").param("today", today()).param("d", me.departmentId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] replies = jdbc.sql("""
                select count(*), coalesce(sum(case when f.reply_due_on < :today then 1 else 0 end), 0)
                from audit_finding f join audit a on a.id = f.audit_id
                where f.reply_due_on is not null and f.replied_on is null and f.reminded_early_at is not null
                  and a.lead_user_id = :me""").param("today", today()).param("me", me.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new long[] {conducting, f[0], f[1], replies[0], replies[1]};
    }

    // ---- internals ------------------------------------------------------------------------------

    /** The largest page of findings one call returns (the Excel export pages through them). */
    static final class ListExportPage {
        static final int MAX = 500;
    }

    private static final String FINDING_SELECT = """
            select f.*, a.code audit_code, a.title audit_title, d.name department_name from audit_finding f
            join audit a on a.id = f.audit_id left join org_department d on d.id = f.department_id
            """;

    private Finding mapFinding(ResultSet rs, int n) throws SQLException {
        FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new Finding(rs.getLong("id"), rs.getString("code"), rs.getLong("audit_id"), rs.getString("audit_code"),
                rs.getString("audit_title"), (Long) rs.getObject("item_id", Long.class), rs.getString("origin"),
                rs.getString("description"), Severity.valueOf(rs.getString("severity")),
                (Long) rs.getObject("department_id", Long.class), rs.getString("department_name"), due, status,
                (Long) rs.getObject("capa_id", Long.class), rs.getString("capa_code"), rs.getString("correction"),
                instant(rs, "closed_at"), rs.getLong("version"),
                status != FindingStatus.CLOSED && due.isBefore(today()), rs.getObject("reply_due_on", LocalDate.class),
                rs.getObject("replied_on", LocalDate.class), InspectionRules.replyState(
                        LocalDate.ofInstant(rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), zone),
                        rs.getObject("reply_due_on", LocalDate.class), rs.getObject("replied_on", LocalDate.class),
                        today()).name());
    }

    private long insertFinding(Head h, Long itemId, String origin, String description, Severity severity, Long dept,
                               LocalDate due) {
        String code = numbers.next(FINDING_TYPE);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_finding (code, audit_id, item_id, origin, description, severity, department_id, due_on,
                  status, created_at) values (:code, :audit, :item, :origin, :d, :sev, :dept, :due, 'OPEN', :now)""")
                .param("code", code).param("audit", h.id).param("item", itemId).param("origin", origin)
                .param("d", cut(description, 2000)).param("sev", severity.name()).param("dept", dept)
                .param("due", due).param("now", java.sql.Timestamp.from(now())).update(keys, "id");
        long id = keys.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code);
        after.put("auditId", h.id);
        after.put("origin", origin);
        after.put("severity", severity);
        after.put("departmentId", dept);
        after.put("dueOn", due);
        after.put("status", FindingStatus.OPEN);
        audit.record(FINDING_TYPE, String.valueOf(id), "CREATE", AuditTrail.diff(Map.of(), after));
        return id;
    }

    private void updateFinding(FindingRow f, String action, String sql, Map<String, Object> params) {
        Map<String, Object> before = findingState(f.id);
        var spec = jdbc.sql(sql + " and version = :v").param("id", f.id).param("v", f.version);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        if (spec.update() != 1) {
            Versions.requireCurrent(-1L, f.version, FINDING_TYPE, f.code);
        }
        audit.record(FINDING_TYPE, String.valueOf(f.id), action, AuditTrail.diff(before, findingState(f.id)));
    }

    private Map<String, Object> findingState(long id) {
        return jdbc.sql("select status, capa_code, correction, closed_by, replied_on from audit_finding where id = :id")
                .param("id", id).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("repliedOn", rs.getObject(5, LocalDate.class));
                    m.put("status", rs.getString(1));
                    m.put("capaCode", rs.getString(2));
                    m.put("correction", rs.getString(3));
                    m.put("closedBy", rs.getString(4));
                    return m;
                }).single();
    }

    private record FindingRow(long id, String code, long auditId, String status, Long capaId, Long departmentId,
                              String description, long version) {
    }

    private static FindingRow mapFindingRow(ResultSet rs, int n) throws SQLException {
        return new FindingRow(rs.getLong("id"), rs.getString("code"), rs.getLong("audit_id"), rs.getString("status"),
                (Long) rs.getObject("capa_id", Long.class), (Long) rs.getObject("department_id", Long.class),
                rs.getString("description"), rs.getLong("version"));
    }

    private FindingRow findingRow(long id) {
        return jdbc.sql("select * from audit_finding where id = :id").param("id", id).query(Audits::mapFindingRow)
                .optional().orElseThrow(() -> new NotFoundException(FINDING_TYPE, id));
    }

    /** An audit row with its template's thresholds and status. */
    private static final class Head {
        long id;
        String code;
        AuditKind kind;
        String title;
        LocalDate auditDate;
        Long customerId;
        String counterpart;
        long templateId;
        TemplateStatus templateStatus;
        int passScore;
        int conditionalScore;
        long leadUserId;
        String customerAuditors;
        Set<String> schemes;
        AuditStatus status;
        BigDecimal score;
        AuditResult result;
        boolean redLineFailed;
        String riskLevel;
        String riskNote;
        String recommendation;
        String recommendedBy;
        String decision;
        String decisionNote;
        String decidedBy;
        Instant decidedAt;
        boolean readinessOverridden;
        long version;
    }

    private Head head(long id) {
        return jdbc.sql("""
                select a.*, t.status template_status, t.pass_score, t.conditional_score from audit a
                join checklist_template t on t.id = a.template_id where a.id = :id""").param("id", id)
                .query((rs, n) -> {
                    Head h = new Head();
                    h.id = rs.getLong("id");
                    h.code = rs.getString("code");
                    h.kind = AuditKind.valueOf(rs.getString("kind"));
                    h.title = rs.getString("title");
                    h.auditDate = rs.getObject("audit_date", LocalDate.class);
                    h.customerId = (Long) rs.getObject("customer_id", Long.class);
                    h.counterpart = rs.getString("counterpart");
                    h.templateId = rs.getLong("template_id");
                    h.templateStatus = TemplateStatus.valueOf(rs.getString("template_status"));
                    h.passScore = rs.getInt("pass_score");
                    h.conditionalScore = rs.getInt("conditional_score");
                    h.leadUserId = rs.getLong("lead_user_id");
                    h.customerAuditors = rs.getString("customer_auditors");
                    h.schemes = new LinkedHashSet<>(ChecklistTemplates.csv(rs.getString("schemes")));
                    h.status = AuditStatus.valueOf(rs.getString("status"));
                    h.score = rs.getBigDecimal("score");
                    h.result = rs.getString("result") == null ? null : AuditResult.valueOf(rs.getString("result"));
                    h.redLineFailed = rs.getBoolean("red_line_failed");
                    h.riskLevel = rs.getString("risk_level");
                    h.riskNote = rs.getString("risk_note");
                    h.recommendation = rs.getString("recommendation");
                    h.recommendedBy = rs.getString("recommended_by");
                    h.decision = rs.getString("decision");
                    h.decisionNote = rs.getString("decision_note");
                    h.decidedBy = rs.getString("decided_by");
                    h.decidedAt = instant(rs, "decided_at");
                    h.readinessOverridden = rs.getString("readiness_override_by") != null;
                    h.version = rs.getLong("version");
                    return h;
                }).optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private Map<String, Object> state(long id) {
        Head h = head(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", h.code);
        m.put("kind", h.kind);
        m.put("title", h.title);
        m.put("auditDate", h.auditDate);
        m.put("customerId", h.customerId);
        m.put("templateId", h.templateId);
        m.put("leadUserId", h.leadUserId);
        m.put("customerAuditors", h.customerAuditors);
        m.put("schemes", String.join(",", h.schemes));
        m.put("status", h.status);
        m.put("score", h.score);
        m.put("result", h.result);
        m.put("redLineFailed", h.redLineFailed);
        m.put("riskLevel", h.riskLevel);
        m.put("recommendation", h.recommendation);
        m.put("decision", h.decision);
        return m;
    }

    private void transition(Head h, AuditStatus to, String action) {
        Map<String, Object> before = state(h.id);
        int n = jdbc.sql("update audit set status = :s, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("s", to.name()).param("now", java.sql.Timestamp.from(now())).param("id", h.id).param("v", h.version).update();
        if (n != 1) {
            Versions.requireCurrent(-1L, h.version, RECORD_TYPE, h.code);
        }
        audit.record(RECORD_TYPE, String.valueOf(h.id), action, AuditTrail.diff(before, state(h.id)));
        h.status = to;
        h.version++;
    }

    private record ItemRow(long id, int sectionNo, int itemNo, String textZhCn, ItemKind kind, Integer maxScore,
                           BigDecimal minValue, BigDecimal maxValue, int minPhotos, int weight, boolean redLine,
                           String departmentCode, String schemes) {
        ItemSpec spec() {
            return new ItemSpec(id, kind, maxScore, minValue, maxValue, minPhotos, weight, redLine);
        }
    }

    private List<ItemRow> items(Head h) {
        return jdbc.sql("select * from checklist_item where template_id = :t order by section_no, item_no")
                .param("t", h.templateId).query((rs, n) -> new ItemRow(rs.getLong("id"), rs.getInt("section_no"),
                        rs.getInt("item_no"), rs.getString("text_zh_cn"), ItemKind.valueOf(rs.getString("kind")),
                        (Integer) rs.getObject("max_score", Integer.class), rs.getBigDecimal("min_value"),
                        rs.getBigDecimal("max_value"), rs.getInt("min_photos"), rs.getInt("weight"),
                        rs.getBoolean("red_line"), rs.getString("department_code"), rs.getString("schemes")))
                .list().stream().filter(i -> ChecklistRules.applies(i.schemes, h.schemes)).toList();
    }

    private ItemRow item(Head h, long itemId) {
        return items(h).stream().filter(i -> i.id == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("checklist-item", itemId));
    }

    private record AnswerRow(long itemId, String answer, boolean notApplicable, BigDecimal fraction, boolean failed,
                             String note) {
    }

    private Map<Long, AnswerRow> answers(long auditId) {
        Map<Long, AnswerRow> m = new HashMap<>();
        jdbc.sql("select * from audit_answer where audit_id = :a").param("a", auditId)
                .query((rs, n) -> new AnswerRow(rs.getLong("item_id"), rs.getString("answer"),
                        rs.getBoolean("not_applicable"), rs.getBigDecimal("fraction"), rs.getBoolean("failed"),
                        rs.getString("note"))).list().forEach(a -> m.put(a.itemId, a));
        return m;
    }

    private Question question(long auditId, long itemId) {
        Head h = head(auditId);
        Item item = templates.template(h.templateId).sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.id() == itemId).findFirst().orElseThrow();
        return question(item, answers(auditId).get(itemId), files.list(RECORD_TYPE, auditId).stream().map(Audits::file).toList(),
                ownerMap(auditId));
    }

    private static Question question(Item i, AnswerRow a, List<File> all, Map<Long, ItemOwner> owners) {
        List<File> photos = all.stream().filter(f -> f.slot().equals(PHOTO_SLOT + i.id())).toList();
        String owner = owners.containsKey(i.id()) ? owners.get(i.id()).name() : null;
        return a == null ? new Question(i, null, false, false, false, null, photos, owner)
                : new Question(i, a.answer, true, a.notApplicable, a.failed, a.note, photos, owner);
    }

    // ---- responsibility split (000-A1) ----------------------------------------------------------

    /** The persons responsible for the audit's items, by item id. */
    @Transactional(readOnly = true)
    public Map<Long, ItemOwner> owners(long id) {
        requireVisible(head(id));
        return ownerMap(id);
    }

    private Map<Long, ItemOwner> ownerMap(long id) {
        Map<Long, ItemOwner> m = new LinkedHashMap<>();
        jdbc.sql("""
                select o.item_id, o.user_id, u.display_name from audit_item_owner o join org_user u on u.id = o.user_id
                where o.audit_id = :a order by o.item_id""").param("a", id)
                .query((rs, n) -> new ItemOwner(rs.getLong(1), rs.getLong(2), rs.getString(3))).list()
                .forEach(o -> m.put(o.itemId(), o));
        return m;
    }

    /**
     * Names the person responsible for one item or a whole section while the audit is prepared or conducted (the
     * lead or a manager); a null person clears it. Their readiness task reaches them even outside the department.
     */
    public Map<Long, ItemOwner> assignOwner(long id, AssignOwner cmd) {
        Head h = head(id);
        requireTakingPart(h);
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.can(InspectionPermissions.MANAGE) && me.id() != h.leadUserId) {
            throw new AccessDeniedException("only the lead or a manager divides the responsibility");
        }
        requireStatus(h, "assign-owner", AuditStatus.PLANNED, AuditStatus.IN_PROGRESS);
        if (cmd == null || (cmd.itemId() == null) == (cmd.sectionNo() == null)) {
            throw new InvalidInputException("itemId", "one-of", Text.of("error.inspection.owner-target"));
        }
        List<ItemRow> targets = items(h).stream().filter(i -> cmd.itemId() != null ? i.id == cmd.itemId()
                : i.sectionNo == cmd.sectionNo()).toList();
        if (targets.isEmpty()) {
            throw new InvalidInputException(cmd.itemId() != null ? "itemId" : "sectionNo", "exists",
                    Text.of("error.inspection.owner-target"));
        }
        if (cmd.userId() != null) {
            userName("userId", cmd.userId());
        }
        Map<Long, ItemOwner> before = ownerMap(id);
        for (ItemRow i : targets) {
            jdbc.sql("delete from audit_item_owner where audit_id = :a and item_id = :i").param("a", id)
                    .param("i", i.id).update();
            if (cmd.userId() != null) {
                jdbc.sql("""
                        insert into audit_item_owner (audit_id, item_id, user_id, assigned_by, assigned_at)
                        values (:a, :i, :u, :by, :now)""").param("a", id).param("i", i.id).param("u", cmd.userId())
                        .param("by", users.actorName()).param("now", java.sql.Timestamp.from(now())).update();
            }
        }
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        Map<Long, ItemOwner> after = ownerMap(id);
        for (ItemRow i : targets) {
            String item = i.sectionNo + "." + i.itemNo;
            was.put(item, before.containsKey(i.id) ? before.get(i.id).userId() : null);
            now.put(item, after.containsKey(i.id) ? after.get(i.id).userId() : null);
        }
        audit.record(RECORD_TYPE, String.valueOf(id), "OWNER", AuditTrail.diff(was, now));
        return after;
    }

    private List<StoredFiles.StoredFile> photos(long auditId, long itemId) {
        return files.list(RECORD_TYPE, auditId).stream().filter(f -> f.slot().equals(PHOTO_SLOT + itemId)).toList();
    }

    private UploadedFiles.Checked checkedImage(Upload upload) {
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.inspection.required", "file"));
        }
        UploadedFiles.Checked checked = files.check(upload.fileName(), upload.contentType(), upload.bytes());
        if (!PHOTO_TYPES.contains(checked.contentType())) {
            throw new InvalidInputException("file", "image", Text.of("error.inspection.not-a-photo"));
        }
        return checked;
    }

    private StoredFiles.StoredFile fileOf(long id, long fileId) {
        requireVisible(head(id));
        return files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType()) && x.ownerId() == id)
                .orElseThrow(() -> new NotFoundException("stored-file", fileId));
    }

    static File file(StoredFiles.StoredFile f) {
        return new File(f.id(), f.slot(), f.fileName(), f.contentType(), f.size(), f.image(), f.storedAt());
    }

    // ---- who may -------------------------------------------------------------------------------

    private record Scope(boolean all, long me, List<Long> departments) {
    }

    private Scope scope() {
        CurrentUser me = users.current().orElse(null);
        if (me == null || me.can(InspectionPermissions.MANAGE) || me.scope().kind() == DataScope.Kind.ALL) {
            return new Scope(true, me == null ? -1 : me.id(), List.of(-1L));
        }
        List<Long> depts = me.scope().kind() == DataScope.Kind.OWN || me.scope().departmentIds().isEmpty()
                ? List.of(-1L) : List.copyOf(me.scope().departmentIds());
        return new Scope(false, me.id(), depts);
    }

    private void requireVisible(Head h) {
        Scope s = scope();
        if (s.all || h.leadUserId == s.me) {
            return;
        }
        long n = jdbc.sql("""
                select count(*) from audit_member m where m.audit_id = :a and (m.user_id = :me or m.department_id in (:depts))""")
                .param("a", h.id).param("me", s.me).param("depts", s.departments).query(Long.class).single()
                + jdbc.sql("""
                select count(*) from audit_readiness r where r.audit_id = :a and (r.department_id in (:depts)
                  or r.department_id = (select u.department_id from org_user u where u.id = :me))""")
                .param("a", h.id).param("me", s.me).param("depts", s.departments).query(Long.class).single();
        if (n == 0) {
            throw new NotFoundException(RECORD_TYPE, h.id);
        }
    }

    /** Conducting steps: the lead, a team member, or a manager; others who can see it are refused (403). */
    /** An audit as its deliverables see it: code and status, after checking the reader may see it (or takes part). */
    record Access(long id, String code, AuditStatus status) {
    }

    Access access(long id, boolean takingPart) {
        Head h = head(id);
        if (takingPart) {
            requireTakingPart(h);
        } else {
            requireVisible(h);
        }
        return new Access(h.id, h.code, h.status);
    }

    /** The audit as the owner of one of its deliverables reaches it: no team or visibility check (the caller checked). */
    Access ownedAccess(long id) {
        Head h = head(id);
        return new Access(h.id, h.code, h.status);
    }

    private void requireTakingPart(Head h) {
        requireVisible(h);
        CurrentUser me = users.current().orElse(null);
        if (me == null || me.can(InspectionPermissions.MANAGE) || h.leadUserId == me.id()) {
            return;
        }
        long n = jdbc.sql("select count(*) from audit_member where audit_id = :a and user_id = :me")
                .param("a", h.id).param("me", me.id()).query(Long.class).single();
        if (n == 0) {
            throw new AccessDeniedException("not on the audit team");
        }
    }

    /** A finding is worked by the audit team, a manager, or the finding's own department (e.g. a readiness gap). */
    private void requireFindingOwner(Head h, FindingRow f) {
        CurrentUser me = users.current().orElse(null);
        if (me != null && f.departmentId != null && f.departmentId.equals(me.departmentId())) {
            requireVisible(h);
            return;
        }
        requireTakingPart(h);
    }

    private void requireManager() {
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.can(InspectionPermissions.MANAGE)) {
            throw new AccessDeniedException(InspectionPermissions.MANAGE);
        }
    }

    private static void requireStatus(Head h, String step, AuditStatus... allowed) {
        for (AuditStatus s : allowed) {
            if (h.status == s) {
                return;
            }
        }
        throw DomainException.of("inspection.audit-state", h.code, h.status, step);
    }

    private static void requireConductable(Head h) {
        if (h.templateStatus == TemplateStatus.RETIRED) {
            throw DomainException.of("inspection.template-retired", h.code);
        }
        requireStatus(h, "answer", AuditStatus.PLANNED, AuditStatus.IN_PROGRESS);
    }

    private static void requirePreContract(Head h) {
        if (h.kind != AuditKind.PRE_CONTRACT) {
            throw DomainException.of("inspection.not-pre-contract", h.code);
        }
    }

    // ---- small helpers --------------------------------------------------------------------------

    private String name(long userId) {
        return jdbc.sql("select display_name from org_user where id = :id").param("id", userId).query(String.class)
                .optional().orElse(String.valueOf(userId));
    }

    private void userName(String field, long userId) {
        if (jdbc.sql("select count(*) from org_user where id = :id and active = true").param("id", userId)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException(field, "exists", Text.of("error.inspection.no-user", userId));
        }
    }

    private Long userDepartment(String field, long userId) {
        userName(field, userId);
        return jdbc.sql("select department_id from org_user where id = :id").param("id", userId)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).single();
    }

    private void departmentName(String field, long id) {
        if (jdbc.sql("select count(*) from org_department where id = :id").param("id", id).query(Long.class).single() == 0) {
            throw new InvalidInputException(field, "exists", Text.of("error.inspection.no-department", id));
        }
    }

    private Long department(String code) {
        if (code == null) {
            return null;
        }
        return jdbc.sql("select id from org_department where code = :c").param("c", code).query(Long.class).optional()
                .orElse(null);
    }

    private LocalDate workingDaysAfter(LocalDate from, int days) {
        var calendar = calendars.standard();
        LocalDate d = from;
        int left = days;
        int guard = 0;
        while (left > 0 && guard++ < 3660) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private static String oneOf(String field, String value, String... allowed) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw new InvalidInputException(field, "known", Text.of("error.inspection.one-of", field, String.join("/", allowed)));
    }

    private static InvalidInputException required(String field) {
        return new InvalidInputException(field, "required", Text.of("error.inspection.required", field));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
