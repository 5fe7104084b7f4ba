package com.careloop.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.InspectionCommands.MarkPortal;
import com.careloop.inspection.InspectionCommands.NewDeliverable;
import com.careloop.inspection.InspectionCommands.Upload;
import com.careloop.inspection.InspectionViews.Deliverable;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliverables a customer requires with an audit (000-A9, 000-F5: Facility Profile, SR FRA summary, CSR
 * documentation checklist, CFSI_CMRT report, application-form attachments): each with an owner, a due date, its file
 * (platform file store, slot {@code DELIV-<id>}) and the date it was uploaded to the customer's portal. A template may
 * predefine them (copied when the audit is planned); the audit cannot close while a required one has no file.
 */
@Service
@Transactional
public class AuditDeliverables {

    public static final String RECORD_TYPE = "audit-deliverable";
    static final String SLOT = "DELIV-";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final Audits audits;
    private final StoredFiles files;

    AuditDeliverables(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, CareLoopProperties platform,
                      Audits audits, StoredFiles files) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.audits = audits;
        this.files = files;
    }

    @Transactional(readOnly = true)
    public List<Deliverable> list(long auditId) {
        audits.access(auditId, false);
        return jdbc.sql(SELECT + " where d.audit_id = :a order by d.due_on nulls last, d.id").param("a", auditId)
                .query(this::map).list();
    }

    /** Adds a deliverable to an audit not yet closed; its name is unique on the audit (422 {@code name}). */
    public Deliverable add(long auditId, NewDeliverable cmd) {
        Audits.Access a = open(auditId);
        String name = cmd == null || cmd.name() == null ? "" : cmd.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "required", Text.of("error.inspection.required", "name"));
        }
        if (cmd.ownerUserId() != null && jdbc.sql("select count(*) from org_user where id = :id and active = true")
                .param("id", cmd.ownerUserId()).query(Long.class).single() == 0) {
            throw new InvalidInputException("ownerUserId", "exists", Text.of("error.inspection.no-user", cmd.ownerUserId()));
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into audit_deliverable (audit_id, name, required, owner_user_id, due_on, created_by,
                      created_at, updated_at) values (:a, :n, :r, :o, :due, :by, :now, :now)""")
                    .param("a", auditId).param("n", name).param("r", cmd.required() == null || cmd.required())
                    .param("o", cmd.ownerUserId()).param("due", cmd.dueOn()).param("by", users.actorName())
                    .param("now", java.sql.Timestamp.from(clock.instant())).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "unique", Text.of("error.inspection.deliverable-exists", name));
        }
        Deliverable d = deliverable(auditId, keys.getKey().longValue());
        audit.record(Audits.RECORD_TYPE, String.valueOf(auditId), "DELIVERABLE_ADD",
                AuditTrail.diff(Map.of(), fields(d)));
        return d;
    }

    /** The deliverable's file (any checked type); a new file replaces the one shown, the older stays in the store. */
    public Deliverable attach(long auditId, long id, Upload upload) {
        Deliverable before = deliverable(auditId, id);
        CurrentUser me = users.current().orElse(null);
        if (me != null && before.ownerUserId() != null && before.ownerUserId() == me.id()) {
            requireOpen(audits.ownedAccess(auditId)); // the owner uploads from their work inbox, team or not
        } else {
            open(auditId);
        }
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.inspection.required", "file"));
        }
        var f = files.store(Audits.RECORD_TYPE, auditId, SLOT + id,
                files.check(upload.fileName(), upload.contentType(), upload.bytes()));
        jdbc.sql("update audit_deliverable set file_id = :f, version = version + 1, updated_at = :now where id = :id")
                .param("f", f.id()).param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).update();
        Deliverable after = deliverable(auditId, id);
        audit.record(Audits.RECORD_TYPE, String.valueOf(auditId), "DELIVERABLE_FILE",
                AuditTrail.diff(fields(before), fields(after)));
        return after;
    }

    /** Marks the deliverable uploaded to the customer's portal on a day (default today, not in the future). */
    public Deliverable markPortal(long auditId, long id, MarkPortal cmd) {
        Audits.Access a = open(auditId);
        Deliverable before = deliverable(auditId, id);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), before.version(), RECORD_TYPE, id);
        if (before.file() == null) {
            throw DomainException.of("inspection.deliverable-no-file", before.name(), a.code());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate on = cmd == null || cmd.uploadedOn() == null ? today : cmd.uploadedOn();
        if (on.isAfter(today)) {
            throw new InvalidInputException("uploadedOn", "past", Text.of("error.inspection.portal-future"));
        }
        int n = jdbc.sql("""
                update audit_deliverable set portal_uploaded_on = :on, version = version + 1, updated_at = :now
                where id = :id and version = :v""").param("on", on)
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).param("v", before.version())
                .update();
        if (n != 1) { // another editor marked it between our read and write
            throw new org.springframework.dao.OptimisticLockingFailureException(RECORD_TYPE + " " + id + " was changed");
        }
        Deliverable after = deliverable(auditId, id);
        audit.record(Audits.RECORD_TYPE, String.valueOf(auditId), "DELIVERABLE_PORTAL",
                AuditTrail.diff(fields(before), fields(after)));
        return after;
    }

    /**
     * The deliverables the person still owes, for the work inbox: owned by them (or, with no owner named, by the
     * lead of their audit), still without a file, on an audit not closed; {@code [count, due today or overdue]}.
     * A deliverable leaves the inbox when its file is uploaded or its audit is closed.
     */
    @Transactional(readOnly = true)
    public long[] work(CurrentUser me) {
        return jdbc.sql("""
                select count(*), coalesce(sum(case when d.due_on <= :today then 1 else 0 end), 0)
                from audit_deliverable d join audit a on a.id = d.audit_id
                where d.file_id is null and a.status <> 'CLOSED'
                  and (d.owner_user_id = :me or (d.owner_user_id is null and a.lead_user_id = :me))""")
                .param("today", LocalDate.now(clock.withZone(zone))).param("me", me.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The deliverables the signed-in person owes (see {@link #work}), the earliest due first, for their inbox page. */
    @Transactional(readOnly = true)
    public List<InspectionViews.OwedDeliverable> mine() {
        CurrentUser me = users.require();
        return jdbc.sql("""
                select d.id, d.audit_id, a.title, d.name, d.required, d.due_on from audit_deliverable d
                join audit a on a.id = d.audit_id
                where d.file_id is null and a.status <> 'CLOSED'
                  and (d.owner_user_id = :me or (d.owner_user_id is null and a.lead_user_id = :me))
                order by d.due_on nulls last, d.id""").param("me", me.id())
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new InspectionViews.OwedDeliverable(rs.getLong("id"), rs.getLong("audit_id"),
                            rs.getString("title"), rs.getString("name"), rs.getBoolean("required"), due,
                            due != null && due.isBefore(LocalDate.now(clock.withZone(zone))));
                }).list();
    }

    private Audits.Access open(long auditId) {
        return requireOpen(audits.access(auditId, true));
    }

    private static Audits.Access requireOpen(Audits.Access a) {
        if (a.status() == AuditStatus.CLOSED) {
            throw DomainException.of("inspection.deliverable-closed", a.code());
        }
        return a;
    }

    private Deliverable deliverable(long auditId, long id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.audit_id = :a").param("id", id).param("a", auditId)
                .query(this::map).optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private static Map<String, Object> fields(Deliverable d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliverable", d.name());
        m.put("required", d.required());
        m.put("ownerUserId", d.ownerUserId());
        m.put("dueOn", d.dueOn());
        m.put("fileId", d.file() == null ? null : d.file().id());
        m.put("portalUploadedOn", d.portalUploadedOn());
        return m;
    }

    private static final String SELECT = """
            select d.*, u.display_name owner_name from audit_deliverable d left join org_user u on u.id = d.owner_user_id""";

    private Deliverable map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long fileId = (Long) rs.getObject("file_id", Long.class);
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        var file = fileId == null ? null : files.find(fileId).map(Audits::file).orElse(null);
        return new Deliverable(rs.getLong("id"), rs.getLong("audit_id"), rs.getString("name"), rs.getBoolean("required"),
                (Long) rs.getObject("owner_user_id", Long.class), rs.getString("owner_name"), due, file,
                rs.getObject("portal_uploaded_on", LocalDate.class),
                file == null && due != null && due.isBefore(LocalDate.now(clock.withZone(zone))), rs.getLong("version"));
    }
}
