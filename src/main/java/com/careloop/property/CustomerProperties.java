package com.careloop.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.careloop.capa.CapaRef;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.CustomerLinks;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.TextMatches;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.Versions;
import com.careloop.property.PropertyCommands.Decide;
import com.careloop.property.PropertyCommands.End;
import com.careloop.property.PropertyCommands.FeedbackAnswer;
import com.careloop.property.PropertyCommands.HandOver;
import com.careloop.property.PropertyCommands.Inspect;
import com.careloop.property.PropertyCommands.Register;
import com.careloop.property.PropertyCommands.ReportProblem;
import com.careloop.property.PropertyCommands.SignHandOver;
import com.careloop.property.PropertyCommands.Verify;
import com.careloop.property.PropertyViews.Detail;
import com.careloop.property.PropertyViews.Feedback;
import com.careloop.property.PropertyViews.Filter;
import com.careloop.property.PropertyViews.Inspection;
import com.careloop.property.PropertyViews.Movement;
import com.careloop.property.PropertyViews.Page;
import com.careloop.property.PropertyViews.Problem;
import com.careloop.property.PropertyViews.Row;
import com.careloop.property.PropertyViews.Task;
import com.careloop.property.PropertyViews.TimelineEntry;
import com.careloop.property.PropertyViews.Verification;
import com.careloop.property.register.PropertyInspection;
import com.careloop.property.register.PropertyInspectionRepository;
import com.careloop.property.register.PropertyCopyAck;
import com.careloop.property.register.PropertyItem;
import com.careloop.property.register.PropertyRevision;
import com.careloop.property.register.PropertyItemRepository;
import com.careloop.property.register.PropertyInspectionJob;
import com.careloop.property.register.PropertyProblem;
import com.careloop.property.register.PropertyProblemRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer property register's service and the module's public face. Each command is one transaction: the item,
 * its timeline, its audit entry (and the numbered feedback or problem report) commit together. Reads keep to the
 * reader's data scope; a confidential item (IP, personal data) is seen only by its owning and holding department,
 * the named departments and who registered it, and every view of one is audited.
 */
@Service
@Transactional
public class CustomerProperties {

    /** The most open tasks one location batch takes (a shelf, a store room — not the whole company). */
    static final int BATCH_LIMIT = 2000;

    public static final String RECORD_TYPE = PropertyItem.RECORD_TYPE;
    public static final String FEEDBACK_TYPE = "customer-property-feedback";
    public static final String PROBLEM_TYPE = PropertyProblem.RECORD_TYPE;
    public static final String SYSTEM_ACTOR = "系统";

    private final PropertyItemRepository items;
    private final PropertyInspectionRepository inspections;
    private final PropertyProblemRepository problems;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerDirectory customers;
    private final CorrectiveActions capas;
    private final Texts texts;
    private final StoredFiles files;
    private final CustomerLinks links;
    private final Notifications notifications;
    private final CalendarService calendars;
    private final com.careloop.property.register.PropertySettings propertySettings;
    private final com.careloop.platform.OrgDirectory directory;

    CustomerProperties(PropertyItemRepository items, PropertyInspectionRepository inspections,
                       PropertyProblemRepository problems, RecordNumbers numbers, AuditTrail audit, CurrentUsers users,
                       JdbcClient jdbc, Clock clock, CareLoopProperties platform, CustomerDirectory customers,
                       CorrectiveActions capas, Texts texts, StoredFiles files, CustomerLinks links,
                       Notifications notifications, CalendarService calendars,
                       com.careloop.property.register.PropertySettings propertySettings,
                       com.careloop.platform.OrgDirectory directory, javax.sql.DataSource dataSource) {
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.notifications = notifications;
        this.calendars = calendars;
        this.propertySettings = propertySettings;
        this.directory = directory;
        this.files = files;
        this.links = links;
        this.items = items;
        this.inspections = inspections;
        this.problems = problems;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.customers = customers;
        this.capas = capas;
        this.texts = texts;
    }

    // ---- register and arrival ----------------------------------------------------------------

    /** A new item on the register (numbered); with a failed arrival verification the feedback goes out at once. */
    public Detail register(Register cmd) {
        if (cmd == null) {
            throw new InvalidInputException("body", "required", Text.of("error.property.required", "body"));
        }
        if (cmd.customerId() == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.property.required", "customerId"));
        }
        CustomerCard customer = customers.card(cmd.customerId()).filter(CustomerCard::active).orElseThrow(() ->
                new InvalidInputException("customerId", "exists", Text.of("error.property.no-customer", cmd.customerId())));
        if (cmd.kind() == null) {
            throw new InvalidInputException("kind", "required", Text.of("error.property.required", "kind"));
        }
        long owner = cmd.owningDepartmentId() != null ? department("owningDepartmentId", cmd.owningDepartmentId())
                : defaultOwner(cmd.kind());
        long handTo = cmd.handedToDepartmentId() != null ? department("handedToDepartmentId", cmd.handedToDepartmentId())
                : owner;
        Set<Long> access = new LinkedHashSet<>(departments("accessDepartmentIds", cmd.accessDepartmentIds()));
        boolean confidential = cmd.confidential() != null ? cmd.confidential() : cmd.kind().confidentialByNature();
        CurrentUser me = users.current().orElse(null);
        long receiving = me != null && me.departmentId() != null ? me.departmentId() : handTo;
        PropertyItem item = PropertyItem.register(numbers.next(RECORD_TYPE), new PropertyItem.Receipt(cmd.customerId(), customer.name(),
                cmd.kind(), cmd.itemName(), cmd.spec(), cmd.quantity(), cmd.unit(), cmd.receivedOn(),
                cmd.receiverName() == null && me != null ? me.displayName() : cmd.receiverName(), cmd.marking(),
                cmd.storageLocation(), owner, receiving, handTo, confidential, access, cmd.remark()),
                me == null ? null : me.id(), actor(), today(), now());
        item.agreeDesignatedUse(cmd.designatedUse(), actor(), now());
        items.saveAndFlush(item);
        audit.created(item);
        if (cmd.verification() != null) {
            verify(item, cmd.verification());
        }
        return view(item);
    }

    /** The arrival verification, once; a failure writes the feedback to the customer (供方质量跟踪反馈记录). */
    public Detail verify(long id, Verify cmd) {
        if (cmd == null) {
            throw new InvalidInputException("passed", "required", Text.of("error.property.required", "passed"));
        }
        PropertyItem item = load(id);
        Versions.requireCurrentIfGiven(cmd.version(), item.getVersion(), RECORD_TYPE, item.getCode());
        verify(item, cmd);
        return view(item);
    }

    private void verify(PropertyItem item, Verify cmd) {
        Map<String, Object> before = item.auditState();
        boolean failed = item.verify(cmd.specChecked(), cmd.quantityChecked(), cmd.passed(), cmd.inspectorName(),
                cmd.note(), actor(), now());
        if (failed) {
            var f = item.sendFeedback(numbers.next(FEEDBACK_TYPE), actor(), now());
            items.saveAndFlush(item);
            audit.record(FEEDBACK_TYPE, String.valueOf(f.getId()), "CREATE", AuditTrail.diff(Map.of(),
                    Map.of("code", f.getCode(), "itemId", item.getId(), "issue", f.getIssue())));
        }
        items.saveAndFlush(item);
        audit.changed(item, "ARRIVAL_CHECK", before);
    }

    /** The customer's answer to the arrival feedback, recorded by staff. */
    public Detail answerFeedback(long id, long feedbackId, FeedbackAnswer cmd) {
        return change(id, null, "FEEDBACK_ANSWER", i -> i.answerFeedback(feedbackId, cmd == null ? null : cmd.answer(),
                cmd == null ? null : cmd.answeredOn(), today(), actor(), now()));
    }

    // ---- movements -------------------------------------------------------------------------

    public Detail handOver(long id, HandOver cmd) {
        if (cmd == null || cmd.toDepartmentId() == null) {
            throw new InvalidInputException("toDepartmentId", "required", Text.of("error.property.required", "toDepartmentId"));
        }
        long to = department("toDepartmentId", cmd.toDepartmentId());
        return change(id, cmd.version(), "HAND_OVER", i -> i.handOver(to, cmd.purpose(), cmd.consentId(), cmd.note(),
                actor(), now()));
    }

    /** The use agreed with the customer (用途, 004-C3); a change is audited and on the item's history. */
    public Detail agreeDesignatedUse(long id, PropertyCommands.DesignatedUse cmd) {
        PropertyCommands.DesignatedUse c = cmd == null ? new PropertyCommands.DesignatedUse(null, null) : cmd;
        return change(id, c.version(), "DESIGNATED_USE", i -> i.agreeDesignatedUse(c.designatedUse(), actor(), now()));
    }

    /** The customer's consent to use the item for another purpose (004-C3). */
    public Detail recordUseConsent(long id, PropertyCommands.UseConsent cmd) {
        PropertyCommands.UseConsent c = cmd == null ? new PropertyCommands.UseConsent(null, null, null, null) : cmd;
        return change(id, null, "USE_CONSENT", i -> i.recordUseConsent(c.purpose(), c.consentedBy(), c.consentedOn(),
                c.reference(), today(), actor(), now()));
    }

    /** A use for another purpose, only against a consent recorded on the item (422 naming consentId otherwise). */
    public Detail useForOtherPurpose(long id, PropertyCommands.OtherUse cmd) {
        PropertyCommands.OtherUse c = cmd == null ? new PropertyCommands.OtherUse(null, null) : cmd;
        return change(id, null, "OTHER_USE", i -> i.useForOtherPurpose(c.consentId(), c.note(), actor(), now()));
    }

    /** A new revision of a customer drawing or specification (004-C4); the one in use before is superseded. */
    public Detail receiveRevision(long id, PropertyCommands.Revision cmd) {
        PropertyCommands.Revision c = cmd == null ? new PropertyCommands.Revision(null, null, null, null) : cmd;
        List<Long> copies = departments("distributionDepartmentIds", c.distributionDepartmentIds());
        PropertyItem item = load(id);
        var before = item.currentRevision();
        PropertyRevision[] received = new PropertyRevision[1];
        audit.change(item, null, item.getVersion(), "REVISION", i -> received[0] = i.receiveRevision(c.revision(),
                c.issuedOn(), c.receivedOn(), copies, today(), actor(), now()), items::saveAndFlush);
        tellCopyHolders(item, received[0], PropertyCopyAck.RECEIPT, received[0].getDistribution());
        before.ifPresent(old -> tellCopyHolders(item, old, PropertyCopyAck.RETURN, old.getDistribution()));
        return view(item);
    }

    /**
     * A revision is withdrawn (作废/收回) with a reason (422 {@code reason}; twice or stale 409); the departments that
     * held a copy and are not yet asked are told to return or destroy it, each to confirm.
     */
    public Detail withdrawRevision(long id, long revisionId, PropertyCommands.WithdrawRevision cmd) {
        PropertyCommands.WithdrawRevision c = cmd == null ? new PropertyCommands.WithdrawRevision(null, null) : cmd;
        PropertyItem item = load(id);
        Set<Long> asked = new LinkedHashSet<>();
        item.getRevisions().stream().filter(r -> r.getId() == revisionId).flatMap(r -> r.getAcks().stream())
                .filter(a -> PropertyCopyAck.RETURN.equals(a.getKind())).forEach(a -> asked.add(a.getDepartmentId()));
        PropertyRevision[] withdrawn = new PropertyRevision[1];
        audit.change(item, c.version(), item.getVersion(), "WITHDRAW_REVISION", i -> withdrawn[0] = i.withdrawRevision(
                revisionId, c.reason(), today(), actor(), now()), items::saveAndFlush);
        tellCopyHolders(item, withdrawn[0], PropertyCopyAck.RETURN, withdrawn[0].getDistribution().stream()
                .filter(d -> !asked.contains(d)).toList());
        return view(item);
    }

    /** The revision in use goes to more departments (409 when superseded or withdrawn); each is to confirm receipt. */
    public Detail distributeRevision(long id, long revisionId, PropertyCommands.DistributeRevision cmd) {
        PropertyCommands.DistributeRevision c = cmd == null
                ? new PropertyCommands.DistributeRevision(null, null) : cmd;
        List<Long> to = departments("departmentIds", c.departmentIds());
        PropertyItem item = load(id);
        List<List<Long>> added = new ArrayList<>();
        audit.change(item, c.version(), item.getVersion(), "DISTRIBUTE_REVISION", i -> added.add(
                i.distributeRevision(revisionId, to, actor(), now())), items::saveAndFlush);
        item.getRevisions().stream().filter(r -> r.getId() == revisionId).findFirst()
                .ifPresent(r -> tellCopyHolders(item, r, PropertyCopyAck.RECEIPT, added.get(0)));
        return view(item);
    }

    /**
     * A member of the department confirms its copy (received, or returned/destroyed): once (409); someone of another
     * department is refused (403). The department holding a copy need not otherwise see the item.
     */
    public PropertyViews.CopyAck confirmCopy(long id, long revisionId, long ackId, PropertyCommands.ConfirmCopy cmd) {
        CurrentUser me = users.require();
        PropertyItem item = items.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        PropertyCopyAck ack = item.getRevisions().stream().filter(r -> r.getId() == revisionId)
                .flatMap(r -> r.getAcks().stream()).filter(a -> a.getId() == ackId).findFirst()
                .orElseThrow(() -> new NotFoundException("customer-property-copy-ack", ackId));
        if (me.departmentId() == null || ack.getDepartmentId() != me.departmentId()) {
            throw new AccessDeniedException("只有持有副本的部门可以确认 / only the department holding the copy confirms");
        }
        audit.change(item, null, item.getVersion(), PropertyCopyAck.RECEIPT.equals(ack.getKind())
                        ? "CONFIRM_COPY_RECEIPT" : "CONFIRM_COPY_RETURN",
                i -> i.confirmCopy(revisionId, ackId, me.id(), me.displayName(), cmd == null ? null : cmd.note(), now()),
                items::saveAndFlush);
        return ackView(ack);
    }

    /**
     * The acknowledgements a department still owes (the reader's own when null), oldest first, each marked overdue
     * once it has been open for the settings page's reminder days (the days the daily job reminds the department
     * after), with how many whole days past them (at least 1); {@code overdueOnly} keeps those. Another
     * department's only within the reader's data scope (403).
     */
    @Transactional(readOnly = true)
    public List<PropertyViews.OpenCopyAck> outstandingCopies(Long departmentId, boolean overdueOnly, int limit) {
        CurrentUser me = users.require();
        Long dept = departmentId != null ? departmentId : me.departmentId();
        int days = propertySettings.effective().confirmationReminderDays();
        if (dept == null) {
            return List.of();
        }
        if (!dept.equals(me.departmentId()) && !me.scope().allows(dept)) {
            throw new AccessDeniedException("不在数据范围内 / department outside your data scope");
        }
        if (overdueOnly && days == 0) {
            return List.of();
        }
        Instant now = now();
        // overdue as the job and the work line count it: asked for at or before now − days
        Instant overdueFrom = now.minus(java.time.Duration.ofDays(days));
        return jdbc.sql("""
                select a.id, i.id, i.code, i.item_name, i.customer_name, r.id, r.revision, a.kind, a.department_id,
                       a.requested_at
                from customer_property_copy_ack a join customer_property_revision r on r.id = a.revision_id
                join customer_property i on i.id = a.item_id
                where a.department_id = :d and a.confirmed_at is null""" + (overdueOnly
                        ? " and a.requested_at <= :overdueFrom" : "") + " order by a.requested_at, a.id limit :limit")
                .param("d", dept).param("limit", limit).param("overdueFrom", java.sql.Timestamp.from(overdueFrom))
                .query((rs, n) -> {
                    Instant asked = rs.getTimestamp(10).toInstant();
                    boolean overdue = days > 0 && !asked.isAfter(overdueFrom);
                    return new PropertyViews.OpenCopyAck(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                            rs.getLong(9), departmentName(rs.getLong(9)), odt(asked), overdue,
                            overdue ? daysPast(asked.plus(java.time.Duration.ofDays(days)), now) : 0);
                }).list();
    }

    /** Whole days from {@code from} to {@code to}, at least 1 (overdue since a few hours is one day overdue). */
    private static int daysPast(Instant from, Instant to) {
        return (int) Math.max(1, java.time.Duration.between(from, to).toDays());
    }

    /**
     * Tells the active members of each department, in their language, to confirm the receipt of a revision's copy or
     * to return or destroy it (by the item's number and the revision: the item may be confidential).
     */
    private void tellCopyHolders(PropertyItem item, PropertyRevision r, String kind, List<Long> departments) {
        String key = PropertyCopyAck.RECEIPT.equals(kind) ? "receipt" : "return";
        for (long d : departments) {
            for (OrgDirectory.User u : directory.activeMembers(d)) {
                notifications.notify(u.id(), Text.of("property.notify.copy." + key + ".title", item.getCode(),
                                r.getRevision()),
                        Text.of("property.notify.copy." + key + ".body", item.getCode(), r.getRevision(),
                                departmentName(d)), "/customer-properties/confirmations?departmentId=" + d);
            }
        }
    }

    private PropertyViews.CopyAck ackView(PropertyCopyAck a) {
        return new PropertyViews.CopyAck(a.getId(), a.getRevision().getId(), a.getKind(), a.getDepartmentId(),
                departmentName(a.getDepartmentId()), odt(a.getRequestedAt()), a.isOutstanding(), a.getConfirmedBy(),
                odt(a.getConfirmedAt()), a.getNote());
    }

    /** The receiving department signs the hand-over (转交部门签收): only a person of that department. */
    public Detail signHandOver(long id, long movementId, SignHandOver cmd) {
        CurrentUser me = users.current().orElse(null);
        PropertyItem item = load(id);
        item.pendingHandOver().filter(m -> m.getId() == movementId).ifPresent(m -> {
            if (me != null && !m.getToDepartmentId().equals(me.departmentId())) {
                throw new AccessDeniedException("只有接收部门可以签收 / only the receiving department signs the hand-over");
            }
        });
        Map<String, Object> before = item.auditState();
        item.signHandOver(movementId, actor(), me == null ? null : me.id(), cmd == null ? null : cmd.storageLocation(),
                today(), now());
        items.saveAndFlush(item);
        audit.changed(item, "SIGN_HAND_OVER", before);
        return view(item);
    }

    /** Returned to the customer: the item's open inspection tasks are closed with it. */
    public Detail returnToCustomer(long id, End cmd) {
        End c = cmd == null ? new End(null, null, null) : cmd;
        CurrentUser me = users.current().orElse(null);
        return change(id, c.version(), "RETURN_TO_CUSTOMER", i -> {
            i.returnToCustomer(c.on(), c.note(), actor(), me == null ? null : me.id(), today(), now());
            closeOpenInspections(id);
        });
    }

    public Detail scrap(long id, End cmd) {
        End c = cmd == null ? new End(null, null, null) : cmd;
        CurrentUser me = users.current().orElse(null);
        return change(id, c.version(), "SCRAP", i -> {
            i.scrap(c.on(), c.note(), actor(), me == null ? null : me.id(), today(), now());
            closeOpenInspections(id);
        });
    }

    private void closeOpenInspections(long itemId) {
        int closed = jdbc.sql("""
                update customer_property_inspection set status = 'CLOSED', version = version + 1
                where item_id = :item and status = 'OPEN'""").param("item", itemId).update();
        if (closed > 0) {
            audit.record(PropertyInspection.RECORD_TYPE, "item:" + itemId, "CLOSE_WITH_ITEM", AuditTrail.diff(Map.of(),
                    Map.of("closed", closed)));
        }
    }

    // ---- inspection and problems -------------------------------------------------------------

    /**
     * The result of a six-monthly inspection of an item still held (returned or scrapped -> 409); a finding other
     * than GOOD with {@code reportProblem} opens the problem report at once.
     */
    public Detail inspect(long id, long inspectionId, Inspect cmd) {
        PropertyItem item = load(id);
        item.requireHeld("inspect");
        PropertyInspection t = inspections.findById(inspectionId).filter(x -> x.getItemId() == id)
                .orElseThrow(() -> new NotFoundException(PropertyInspection.RECORD_TYPE, inspectionId));
        Inspect c = cmd == null ? new Inspect(null, null, null, null) : cmd;
        Map<String, Object> before = t.auditState();
        t.record(c.present(), c.condition(), c.note(), actor(), now());
        inspections.saveAndFlush(t);
        audit.changed(t, "INSPECT", before);
        Map<String, Object> itemBefore = item.auditState();
        item.inspected(actor(), now(), Text.of("property.event.inspected",
                Text.label("property.enum.PropertyCondition", t.getCondition())));
        items.saveAndFlush(item);
        audit.changed(item, "INSPECT", itemBefore);
        if (Boolean.TRUE.equals(c.reportProblem()) && t.getCondition() != PropertyCondition.GOOD) {
            ProblemKind kind = switch (t.getCondition()) {
                case LOST -> ProblemKind.LOSS;
                case DAMAGED -> ProblemKind.DAMAGE;
                default -> ProblemKind.UNSUITABLE;
            };
            report(item, kind, t.getId(), t.getNote(), null);
        }
        return view(item);
    }

    /**
     * Per-location batch inspection (按存放位置批量检查): every open task of the department (the reader's own when
     * null) whose item is stored at the location is recorded as present and in good condition, in one step. An item
     * with a finding is inspected on its own page first; the batch then takes the rest. Returns how many.
     */
    public int inspectLocation(Long departmentId, PropertyCommands.InspectLocation cmd) {
        String location = cmd == null || cmd.location() == null ? "" : cmd.location().strip();
        if (location.isEmpty()) {
            throw new InvalidInputException("location", "required", Text.of("error.property.required", "location"));
        }
        List<Task> tasks = openInspections(departmentId, BATCH_LIMIT).stream()
                .filter(t -> location.equals(t.storageLocation())).toList();
        if (tasks.isEmpty()) {
            throw new InvalidInputException("location", "no-open-inspection",
                    Text.of("error.property.no-open-inspection", location));
        }
        for (Task t : tasks) {
            inspect(t.itemId(), t.id(), new Inspect(true, PropertyCondition.GOOD, cmd.note(), false));
        }
        return tasks.size();
    }

    /** A problem found in use: stop, isolate, mark, and report to the customer (numbered). */
    public Problem reportProblem(long id, ReportProblem cmd) {
        PropertyItem item = load(id);
        item.requireHeld("report a problem");
        ReportProblem c = cmd == null ? new ReportProblem(null, null, null) : cmd;
        return problemView(report(item, c.kind(), null, c.description(), c.containment()), item);
    }

    private PropertyProblem report(PropertyItem item, ProblemKind kind, Long inspectionId, String description,
                                   String containment) {
        PropertyProblem p = PropertyProblem.report(numbers.next(PROBLEM_TYPE), item.getId(), kind, inspectionId,
                description, containment, actor(), now());
        problems.saveAndFlush(p);
        audit.created(p);
        Map<String, Object> before = item.auditState();
        item.problemReported(p.getCode(), actor(), now());
        items.saveAndFlush(item);
        audit.changed(item, "PROBLEM_REPORT", before);
        tellSalesTechnicalAndQuality(p, item);
        return p;
    }

    /**
     * A problem is reported to sales, technical and quality (001-E5): in each of those departments its head (a
     * department head or the quality or CS manager), or, where it has none, every active member, gets a bell and a
     * mail with the report's and the item's number (not the item's name: the item may be confidential).
     */
    private void tellSalesTechnicalAndQuality(PropertyProblem p, PropertyItem item) {
        List<Long> people = new java.util.ArrayList<>();
        for (String code : List.of("SALES", "TECH", "QA")) {
            directory.departmentByCode(code).filter(OrgDirectory.Department::active).ifPresent(d -> {
                List<OrgDirectory.User> heads = directory.activeMembersInPositions(d.id(), PROBLEM_HEADS);
                (heads.isEmpty() ? directory.activeMembers(d.id()) : heads).forEach(u -> people.add(u.id()));
            });
        }
        for (long person : people) {
            notifications.notify(person, Text.of("property.notify.problem.title", p.getCode(), item.getCode()),
                    Text.of("property.notify.problem.body", Text.label("property.enum.ProblemKind", p.getKind()),
                            p.getCode(), item.getCode()), "/customer-properties/" + item.getId());
        }
    }

    /** The customer's decision on a problem report, once. */
    public Problem decide(long problemId, Decide cmd) {
        PropertyProblem p = loadProblem(problemId);
        PropertyItem item = load(p.getItemId());
        Decide c = cmd == null ? new Decide(null, null, null, null) : cmd;
        Versions.requireCurrentIfGiven(c.version(), p.getVersion(), PROBLEM_TYPE, p.getCode());
        Map<String, Object> before = p.auditState();
        p.decide(c.decision(), c.note(), c.decidedOn(), today(), actor(), now());
        openTask(p, item);
        problems.saveAndFlush(p);
        audit.changed(p, "CUSTOMER_DECISION", before);
        Map<String, Object> itemBefore = item.auditState();
        item.decisionRecorded(p.getCode(), p.getDecision().name(), actor(), now());
        items.saveAndFlush(item);
        audit.changed(item, "CUSTOMER_DECISION", itemBefore);
        return problemView(p, item);
    }

    // ---- carrying out the customer's decision (a tracked task) --------------------------------

    /**
     * The decision becomes a task: by default for the head of the department holding the item (else the owning
     * department's), due after the configured working days; the owner is told.
     */
    private void openTask(PropertyProblem p, PropertyItem item) {
        long department = item.getHolderDepartmentId();
        OrgDirectory.User owner = java.util.stream.Stream.of(department, item.getOwningDepartmentId())
                .flatMap(d -> java.util.stream.Stream.of(directory.activeHeads(d), directory.activeMembers(d)))
                .flatMap(List::stream).findFirst().orElse(null);
        LocalDate due = PropertyInspectionJob.workingDaysAfter(today(),
                propertySettings.effective().decisionTaskWorkingDays(), calendars.standard());
        p.assignTask(owner == null ? null : owner.id(), owner == null ? null : owner.displayName(), due, today(),
                now());
        if (owner != null) {
            notifyTaskOwner(p, item, owner.id());
        }
    }

    private void notifyTaskOwner(PropertyProblem p, PropertyItem item, long owner) {
        notifications.notify(owner, Text.of("property.task.title", p.getCode()), Text.of("property.task.body",
                Text.label("property.enum.CustomerDecision", p.getDecision()), item.getCode(), item.getItemName(),
                p.getTaskDueOn().toString()), "/customer-properties/" + item.getId());
    }

    /** Gives the decision's task to another owner or a new due day (while it is open; the owner is told). */
    public Problem assignTask(long problemId, PropertyCommands.AssignTask cmd) {
        PropertyProblem p = loadProblem(problemId);
        PropertyItem item = load(p.getItemId());
        PropertyCommands.AssignTask c = cmd == null ? new PropertyCommands.AssignTask(null, null, null) : cmd;
        Versions.requireCurrentIfGiven(c.version(), p.getVersion(), PROBLEM_TYPE, p.getCode());
        if (c.ownerId() == null) {
            throw new InvalidInputException("ownerId", "required", Text.of("error.property.required", "ownerId"));
        }
        String name = directory.user(c.ownerId()).filter(OrgDirectory.User::active)
                .map(OrgDirectory.User::displayName)
                .orElseThrow(() -> new InvalidInputException("ownerId", "exists", Text.of(
                        "error.property.task-owner", c.ownerId())));
        Map<String, Object> before = p.auditState();
        p.assignTask(c.ownerId(), name, c.dueOn(), today(), now());
        problems.saveAndFlush(p);
        audit.changed(p, "ASSIGN_TASK", before);
        notifyTaskOwner(p, item, c.ownerId());
        return problemView(p, item);
    }

    /** The decision carried out (once): the done-record on the problem and in the item's history. */
    public Problem completeTask(long problemId, PropertyCommands.CompleteTask cmd) {
        PropertyProblem p = loadProblem(problemId);
        PropertyItem item = load(p.getItemId());
        PropertyCommands.CompleteTask c = cmd == null ? new PropertyCommands.CompleteTask(null, null, null) : cmd;
        Versions.requireCurrentIfGiven(c.version(), p.getVersion(), PROBLEM_TYPE, p.getCode());
        Map<String, Object> before = p.auditState();
        p.completeTask(c.doneOn(), c.note(), actor(), today(), now());
        problems.saveAndFlush(p);
        audit.changed(p, "TASK_DONE", before);
        return problemView(p, item);
    }

    // ---- the customer's personal link --------------------------------------------------------

    /** How long a personal link stays valid. */
    static final int LINK_DAYS = 30;
    public static final String CUSTOMER_ACTOR = "顾客（个人链接）";
    private static final String LINK_PURPOSE = "customer-property-problem";
    private static final String LINK_PAGE = "/public/property-problems/";

    /**
     * A personal link (platform {@link CustomerLinks}) for the customer to give their decision without login (sent
     * by mail, message or read out on the phone by staff); a new link replaces the old one.
     */
    public PropertyViews.Link issueLink(long problemId) {
        return issueLink(problemId, null);
    }

    /**
     * The personal link, mailed from CareLoop to the customer's contact when an address is given, in the customer's
     * language (zh-CN, zh-TW or en; zh-CN by default), after the transaction commits.
     */
    public PropertyViews.Link issueLink(long problemId, PropertyCommands.SendLink cmd) {
        PropertyProblem p = loadProblem(problemId);
        PropertyItem item = load(p.getItemId());
        String email = cmd == null || cmd.email() == null || cmd.email().isBlank() ? null : cmd.email().strip();
        java.util.Locale language = cmd == null || cmd.language() == null || cmd.language().isBlank()
                ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.forLanguageTag(cmd.language().strip());
        Map<String, Object> before = p.auditState();
        CustomerLinks.IssuedLink link = links.issue(LINK_PURPOSE, p.getId(), LINK_PAGE, LINK_DAYS);
        p.issueLink(link.expiresOn(), now());
        problems.saveAndFlush(p);
        audit.changed(p, "ISSUE_LINK", before);
        if (email != null) {
            links.mail(link, email, language, Text.of("property.link.mail.subject", p.getCode(), item.getItemName()),
                    Text.of("property.link.mail.body", item.getCustomerName(), item.getCode(),
                            item.getItemName(), Text.label("property.enum.ProblemKind", p.getKind()),
                            p.getDescription()));
        }
        return new PropertyViews.Link(link.url(), link.expiresOn());
    }

    /** The report behind a personal link (no login); empty for an unknown token. */
    @Transactional(readOnly = true)
    public java.util.Optional<PropertyViews.PublicProblem> byLink(String token) {
        return links.resolve(LINK_PURPOSE, token)
                .flatMap(t -> problems.findById(t.recordId()).map(p -> publicView(p, t)));
    }

    /** The customer's decision through the personal link: once, until the link's last day (409 otherwise). */
    public PropertyViews.PublicProblem decideByLink(String token, CustomerDecision decision, String note) {
        CustomerLinks.LinkTarget target = links.answer(LINK_PURPOSE, token);
        PropertyProblem p = loadProblem(target.recordId());
        PropertyItem item = items.findById(p.getItemId()).orElseThrow();
        Map<String, Object> before = p.auditState();
        p.decideByLink(decision, note, today(), CUSTOMER_ACTOR, now());
        openTask(p, item);
        problems.saveAndFlush(p);
        audit.changed(p, "CUSTOMER_DECISION", before);
        Map<String, Object> itemBefore = item.auditState();
        item.decisionRecorded(p.getCode(), p.getDecision().name(), CUSTOMER_ACTOR, now());
        items.saveAndFlush(item);
        audit.changed(item, "CUSTOMER_DECISION", itemBefore);
        return publicView(p, target);
    }

    private PropertyViews.PublicProblem publicView(PropertyProblem p, CustomerLinks.LinkTarget link) {
        PropertyItem i = items.findById(p.getItemId()).orElseThrow();
        return new PropertyViews.PublicProblem(p.getCode(), i.getCode(), i.getItemName(), i.getSpec(),
                i.getCustomerName(), p.getKind(), p.getDescription(), p.getContainment(), p.getDecision(),
                link.expiresOn(), link.expired());
    }

    /** Opens a CAPA for the problem through the CAPA module (once per problem). */
    public Problem openCapa(long problemId) {
        PropertyProblem p = loadProblem(problemId);
        PropertyItem item = load(p.getItemId());
        if (p.getCapaId() != null) {
            p.capaOpened(0, null, now()); // refuses: already has one
        }
        CapaRef ref = capas.open(new OpenCapa(CapaSources.CUSTOMER_PROPERTY, p.getId(), null, p.getCode(),
                texts.render(Text.of("property.capa.problem", item.getCode(), item.getItemName(),
                        Text.label("property.enum.ProblemKind", p.getKind()), p.getDescription()),
                        java.util.Locale.SIMPLIFIED_CHINESE),
                item.getCustomerId(), item.getOwningDepartmentId(), false));
        Map<String, Object> before = p.auditState();
        p.capaOpened(ref.id(), ref.code(), now());
        problems.saveAndFlush(p);
        audit.changed(p, "OPEN_CAPA", before);
        return problemView(p, item);
    }

    // ---- files (platform file store) ---------------------------------------------------------

    /** File slots: arrival documents (验收单据), photos of the item, photos of one inspection ({@code INSPECTION:<id>}). */
    public static final String ARRIVAL = "ARRIVAL";
    public static final String PHOTO = "PHOTO";
    private static final String INSPECTION_SLOT = "INSPECTION:";

    /** Stores an arrival document or a photo of the item (not on a returned or scrapped item: 409). */
    public PropertyViews.File attach(long id, String slot, PropertyCommands.Upload upload) {
        if (!ARRIVAL.equals(slot) && !PHOTO.equals(slot)) {
            throw new InvalidInputException("slot", "one-of", Text.of("error.property.slot", ARRIVAL + ", " + PHOTO));
        }
        PropertyItem item = load(id);
        item.requireHeld("attach a file");
        return store(item, slot, upload);
    }

    /** A photo of an inspection (the item still held; the inspection is this item's). */
    public PropertyViews.File attachInspectionPhoto(long id, long inspectionId, PropertyCommands.Upload upload) {
        PropertyItem item = load(id);
        item.requireHeld("attach an inspection photo");
        inspections.findById(inspectionId).filter(x -> x.getItemId() == id)
                .orElseThrow(() -> new NotFoundException(PropertyInspection.RECORD_TYPE, inspectionId));
        return store(item, INSPECTION_SLOT + inspectionId, upload);
    }

    private PropertyViews.File store(PropertyItem item, String slot, PropertyCommands.Upload upload) {
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.property.required", "file"));
        }
        UploadedFiles.Checked checked = files.check(upload.fileName(), upload.contentType(), upload.bytes());
        StoredFiles.StoredFile f = files.store(RECORD_TYPE, item.getId(), slot, checked);
        item.fileAdded(f.fileName(), actor(), now()); // the store audits FILE_ADDED on the item
        items.saveAndFlush(item);
        return new PropertyViews.File(f.id(), slotKind(f.slot()), inspectionOf(f.slot()), f.fileName(),
                f.contentType(), f.size(), f.image(), odt(f.storedAt()));
    }

    /** The bytes of a file of an item the reader may see, as a download (confidential: audited like a view). */
    public org.springframework.http.ResponseEntity<byte[]> download(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    /** The JPEG preview of an image file of an item the reader may see; 404 for other files. */
    public org.springframework.http.ResponseEntity<byte[]> thumbnail(long id, long fileId) {
        StoredFiles.StoredFile f = fileOf(id, fileId);
        byte[] jpeg = files.thumbnail(f.id()).orElseThrow(() -> new NotFoundException("stored-file-thumbnail", fileId));
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_JPEG)
                .header("X-Content-Type-Options", "nosniff").body(jpeg);
    }

    private StoredFiles.StoredFile fileOf(long id, long fileId) {
        PropertyItem item = load(id);
        StoredFiles.StoredFile f = files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType())
                && x.ownerId() == id).orElseThrow(() -> new NotFoundException("stored-file", fileId));
        if (item.isConfidential()) {
            audit.record(RECORD_TYPE, String.valueOf(id), "VIEW", List.of(new com.careloop.platform.FieldChange(
                    "file", null, f.fileName())));
        }
        return f;
    }

    private static String slotKind(String slot) {
        return slot.startsWith(INSPECTION_SLOT) ? "INSPECTION" : slot;
    }

    private static Long inspectionOf(String slot) {
        return slot.startsWith(INSPECTION_SLOT) ? Long.valueOf(slot.substring(INSPECTION_SLOT.length())) : null;
    }

    // ---- reads -------------------------------------------------------------------------------

    /** The item with its history; a view of a confidential item is audited. */
    public Detail detail(long id) {
        PropertyItem item = load(id);
        if (item.isConfidential()) {
            audit.record(RECORD_TYPE, String.valueOf(item.getId()), "VIEW", List.of());
        }
        return view(item);
    }

    @Transactional(readOnly = true)
    public Problem problem(long problemId) {
        PropertyProblem p = loadProblem(problemId);
        return problemView(p, load(p.getItemId()));
    }

    /** Who hears of a problem in sales, technical and quality: the department's head or manager (001-E5). */
    private static final List<String> PROBLEM_HEADS = List.of("DEPT_HEAD", "QUALITY_MANAGER", "CS_MANAGER");

    /** The list's sortable columns. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("i.code"),
            "itemName", ListSort.Column.text("i.item_name"),
            "kind", ListSort.Column.text("i.kind"),
            "location", ListSort.Column.text("coalesce(i.storage_location, '')"),
            "receivedOn", ListSort.Column.date("i.received_on"));

    /** The register, newest first (or by a column), keyset-paged, within the reader's scope. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "i.id", "-id");
        // each statement planned for its own values: a generic plan cached by the driver after five runs served a
        // rare fragment with the plan of a common one and read the whole register (PropertySearchPlanTest)
        SearchPlanning.customPlans(jdbc, postgres);
        CurrentUser me = users.require();
        Filter filter = f == null ? Filter.none() : f;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select i.id, i.code, i.customer_id, i.customer_name, i.kind, i.item_name, i.spec, i.quantity, i.unit,
                       i.received_on, i.receiver_name, i.verification, i.storage_location, i.owning_department_id,
                       i.holder_department_id,
                       i.handed_signed_by, i.handed_on, i.confidential, i.status,
                       (select min(t.due_on) from customer_property_inspection t
                         where t.item_id = i.id and t.status = 'OPEN') next_due, i.remark""")
                .append(order.selectColumn()).append("""
                 from customer_property i
                where """).append(visible(me, params));
        if (filter.customerId() != null) {
            sql.append(" and i.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.kind() != null) {
            sql.append(" and i.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.location() != null && !filter.location().isBlank()) {
            String location = "%" + filter.location().trim().toLowerCase(java.util.Locale.ROOT) + "%";
            // a common location (A-05: thousands of items spread over the register) keeps a condition no index
            // serves, so the page walks the sort index and stops at a full page instead of collecting and sorting
            // every match through the trigram index; a rare one is taken as its few ids (TextMatches, PropertyBench
            // run 6)
            Map<String, Object> loc = Map.of("location", location);
            if (TextMatches.commonAmongNewest(jdbc, "select i.storage_location from customer_property i order by i.id"
                    + " desc", "lower(x.storage_location) like :location", loc, limit + 1)) {
                sql.append(" and lower(coalesce(i.storage_location, '')) like :location");
                params.putAll(loc);
            } else {
                // a rare one: the few distinct locations it names (a skip scan of V181's index), then their items
                // through the same index, exactly; a location matching none is an empty page at once
                List<String> locations = TextMatches.distinctMatching(jdbc, "customer_property",
                        "storage_location", location);
                if (locations != null && locations.isEmpty()) {
                    return new Page(List.of(), null);
                }
                String condition = locations == null ? "lower(i.storage_location) like :location"
                        : "lower(i.storage_location) in (:locations)";
                Map<String, Object> found = locations == null ? loc : Map.of("locations", locations);
                if (!SearchPlanning.bitmapScansOnly(jdbc, postgres, () -> TextMatches.restrict(jdbc,
                        "select i.id from customer_property i where " + condition, condition, found, "i.id", sql,
                        params))) {
                    return new Page(List.of(), null);
                }
            }
        }
        if (filter.departmentId() != null) {
            sql.append(" and (i.owning_department_id = :department or i.holder_department_id = :department)");
            params.put("department", filter.departmentId());
        }
        if (filter.status() != null) {
            sql.append(" and i.status = :status");
            params.put("status", filter.status().name());
        }
        Long byNumber = filter.q() == null ? null : TextMatches.byNumber(jdbc, "customer_property", filter.q());
        if (byNumber != null) {
            // a whole record number: the item of that number, one probe of the unique index (PropertyBench
            // GCB2026-012345: the trigram look-up read 1,827 index pages for one match)
            sql.append(" and i.id = :byNumber");
            params.put("byNumber", byNumber);
        } else if (filter.q() != null && !filter.q().isBlank()) {
            String text = "(lower(i.code) like :q or lower(i.item_name) like :q or lower(i.marking) like :q)";
            String q = "%" + filter.q().trim().toLowerCase(java.util.Locale.ROOT) + "%";
            // few matches: the page is sorted from exactly those rows, whatever the planner estimates (TextMatches)
            if (!SearchPlanning.bitmapScansOnly(jdbc, postgres, () -> TextMatches.restrict(jdbc,
                    "select i.id from customer_property i where " + text, text, Map.of("q", q), "i.id", sql, params))) {
                return new Page(List.of(), null);
            }
        }
        if (filter.inspectionDue() != null) {
            sql.append(filter.inspectionDue() ? " and exists" : " and not exists").append("""
                     (select 1 from customer_property_inspection d where d.item_id = i.id and d.status = 'OPEN'
                     and d.due_on < :today)""");
        }
        params.put("today", today());
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        LocalDate today = today();
        Map<Long, String> departmentNames = new java.util.HashMap<>(); // through the org API, once per department
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> {
            LocalDate due = rs.getObject(20, LocalDate.class);
            return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    PropertyKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getBigDecimal(8)
                    .stripTrailingZeros(), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
                    rs.getString(12), rs.getString(13), departmentNames.computeIfAbsent(rs.getLong(14), this::departmentName),
                    departmentNames.computeIfAbsent(rs.getLong(15), this::departmentName), rs.getString(16),
                    rs.getObject(17, LocalDate.class), rs.getBoolean(18), PropertyStatus.valueOf(rs.getString(19)),
                    due, due != null && due.isBefore(today), rs.getString(21));
        })).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /** The open inspection tasks of a department (the reader's own when null), oldest due first. */
    @Transactional(readOnly = true)
    public List<Task> openInspections(Long departmentId, int limit) {
        CurrentUser me = users.require();
        Long dept = departmentId != null ? departmentId : me.departmentId();
        if (dept == null) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = visible(me, params);
        params.put("dept", dept);
        params.put("limit", limit);
        LocalDate today = today();
        return jdbc.sql("""
                select t.id, i.id, i.code, i.item_name, i.customer_name, i.storage_location, t.period_start, t.due_on
                from customer_property_inspection t join customer_property i on i.id = t.item_id
                where t.status = 'OPEN' and t.department_id = :dept and """ + where + """
                 order by t.due_on, t.id limit :limit""").params(params)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(8, LocalDate.class).isBefore(today)))
                .list();
    }

    /** What the reader may see of the register as a condition on {@code customer_property i} (global search). */
    @Transactional(readOnly = true)
    public com.careloop.platform.DataScope.SqlCondition visibleTo(CurrentUser me) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = visible(me, params);
        return new com.careloop.platform.DataScope.SqlCondition(sql, params);
    }

    /**
     * The SQL condition of what the reader may see: the data scope over the owning and holding department (or
     * registered by them), and for a confidential item only the named departments (or the registrant).
     */
    private String visible(CurrentUser me, Map<String, Object> params) {
        var owning = me.scope().condition("i.owning_department_id", "i.registered_by");
        var holding = me.scope().condition("i.holder_department_id", "i.registered_by");
        params.putAll(owning.params());
        params.putAll(holding.params());
        params.put("me", me.id());
        params.put("myDept", me.departmentId() == null ? -1L : me.departmentId());
        String receiving = "exists (select 1 from customer_property_movement m where m.item_id = i.id"
                + " and m.kind = 'HAND_OVER' and m.signed_at is null and m.to_department_id = :myDept)";
        return "(" + owning.sql() + " or " + holding.sql() + " or " + receiving + ")"
                + " and (i.confidential = false or i.registered_by = :me"
                + " or i.owning_department_id = :myDept or i.holder_department_id = :myDept or " + receiving
                + " or exists (select 1 from customer_property_access a where a.item_id = i.id"
                + " and a.department_id = :myDept))";
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Detail change(long id, Long version, String action, Consumer<PropertyItem> step) {
        PropertyItem item = load(id);
        audit.change(item, version, item.getVersion(), action, step, items::saveAndFlush);
        return view(item);
    }

    /** The item if the reader may see it (scope and confidentiality); the system sees all. Else 404. */
    private PropertyItem load(long id) {
        PropertyItem item = items.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me == null) {
            return item;
        }
        boolean registrant = item.getRegisteredBy() != null && item.getRegisteredBy() == me.id();
        boolean receiving = me.departmentId() != null && item.pendingHandOver()
                .filter(m -> me.departmentId().equals(m.getToDepartmentId())).isPresent();
        // a department holding a copy of one of its revisions sees the document it holds (and confirms there)
        boolean holdsCopy = me.departmentId() != null && item.getRevisions().stream()
                .anyMatch(r -> r.getDistribution().contains(me.departmentId()));
        boolean inScope = receiving || holdsCopy || me.scope().allows(item.getOwningDepartmentId(), item.getRegisteredBy())
                || me.scope().allows(item.getHolderDepartmentId(), item.getRegisteredBy());
        if (!inScope || !(registrant || receiving || holdsCopy || item.visibleToDepartment(me.departmentId()))) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return item;
    }

    private PropertyProblem loadProblem(long id) {
        return problems.findById(id).orElseThrow(() -> new NotFoundException(PROBLEM_TYPE, id));
    }

    private Detail view(PropertyItem i) {
        LocalDate today = today();
        Verification verification = i.getVerification() == null ? null : new Verification(i.getVerification(),
                i.getSpecChecked(), i.getQuantityChecked(), i.getInspectorName(), i.getVerificationNote(),
                odt(i.getVerifiedAt()));
        List<Feedback> feedback = i.getFeedback().stream().map(f -> new Feedback(f.getId(), f.getCode(), f.getIssue(),
                odt(f.getSentAt()), f.getSentBy(), f.getAnswer(), f.getAnsweredOn(), f.getRecordedBy())).toList();
        List<Movement> movements = i.getMovements().stream().map(m -> new Movement(m.getId(), m.getKind(),
                m.getFromDepartmentId(), departmentName(m.getFromDepartmentId()), m.getToDepartmentId(),
                departmentName(m.getToDepartmentId()), m.getNote(), m.getRequestedBy(), odt(m.getRequestedAt()),
                m.getSignedBy(), m.getSignedOn(), m.isPending(), m.getPurpose(), m.getConsentId())).toList();
        List<Inspection> inspectionViews = inspections.findByItemIdOrderByPeriodStartDesc(i.getId()).stream()
                .map(t -> new Inspection(t.getId(), t.getPeriodStart(), t.getDueOn(), t.getDepartmentId(),
                        departmentName(t.getDepartmentId()), t.getStatus(), t.getPresent(), t.getCondition(),
                        t.getNote(), t.getInspectedBy(), odt(t.getInspectedAt()), t.overdue(today))).toList();
        List<Problem> problemViews = problems.findByItemIdOrderByIdDesc(i.getId()).stream()
                .map(p -> problemView(p, i)).toList();
        List<TimelineEntry> timeline = i.getEvents().stream().map(e -> new TimelineEntry(e.getKind(),
                odt(e.getOccurredAt()), e.getActor(), e.getNoteText() == null ? e.getNote() : texts.stored(e.getNoteText()))).toList();
        return new Detail(i.getId(), i.getCode(), i.getVersion(), i.getCustomerId(), i.getCustomerName(),
                i.getKind(), i.getItemName(), i.getSpec(), i.getQuantity().stripTrailingZeros(), i.getUnit(),
                i.getReceivedOn(), i.getReceiverName(), verification, i.getMarking(), i.getStorageLocation(),
                i.getOwningDepartmentId(), departmentName(i.getOwningDepartmentId()), i.getHolderDepartmentId(),
                departmentName(i.getHolderDepartmentId()), i.getHandedSignedBy(), i.getHandedOn(), i.isConfidential(),
                new ArrayList<>(i.getAccessDepartments()), i.getStatus(), i.getEndedOn(), i.getRemark(),
                i.getRegisteredByName(), odt(i.getCreatedAt()), feedback, movements, inspectionViews, problemViews,
                files.list(RECORD_TYPE, i.getId()).stream().map(f -> new PropertyViews.File(f.id(), slotKind(f.slot()),
                        inspectionOf(f.slot()), f.fileName(), f.contentType(), f.size(), f.image(), odt(f.storedAt())))
                        .toList(),
                timeline, i.getDesignatedUse(), i.getUseConsents().stream().map(c -> new PropertyViews.UseConsent(
                        c.getId(), c.getPurpose(), c.getConsentedBy(), c.getConsentedOn(), c.getReference(),
                        c.getRecordedBy(), odt(c.getRecordedAt()))).toList(),
                i.getRevisions().stream().map(r -> new PropertyViews.Revision(r.getId(), r.getRevision(),
                        r.getIssuedOn(), r.getReceivedOn(), r.isCurrent(), r.getSupersededOn(), r.getDistribution(),
                        r.getDistribution().stream().map(this::departmentName).toList(), r.getRecordedBy(),
                        odt(r.getRecordedAt()), r.getEndKind(), r.getWithdrawnReason(), r.getWithdrawnBy(),
                        odt(r.getWithdrawnAt()), r.getAcks().stream().map(this::ackView).toList())).toList());
    }

    private Problem problemView(PropertyProblem p, PropertyItem i) {
        return new Problem(p.getId(), p.getCode(), i.getId(), i.getCode(), i.getItemName(), p.getKind(), p.getFoundIn(),
                p.getDescription(), p.getContainment(), p.getStatus(), p.getReportedBy(), odt(p.getReportedAt()),
                p.getDecision(), p.getDecisionNote(), p.getDecidedOn(), p.getDecisionRecordedBy(), p.getDecidedVia(),
                p.getLinkExpiresOn(), p.getCapaId(), p.getCapaCode(), p.getVersion(), p.getTaskOwnerId(),
                p.getTaskOwnerName(), p.getTaskDueOn(), p.taskOverdue(today()), p.getTaskDoneOn(), p.getTaskDoneBy(),
                p.getTaskDoneNote());
    }

    private long defaultOwner(PropertyKind kind) {
        return directory.departmentByCode(kind.defaultOwnerCode()).filter(OrgDirectory.Department::active)
                .map(OrgDirectory.Department::id).orElseThrow(() -> new InvalidInputException("owningDepartmentId", "required",
                        Text.of("error.property.owner-required", kind.defaultOwnerCode())));
    }

    private long department(String field, long id) {
        if (directory.department(id).filter(OrgDirectory.Department::active).isEmpty()) {
            throw new InvalidInputException(field, "exists", Text.of("error.property.no-department", id));
        }
        return id;
    }

    /** The given departments (nulls left out), each active (422 naming the field otherwise). */
    private List<Long> departments(String field, List<Long> ids) {
        List<Long> checked = new ArrayList<>();
        if (ids != null) {
            for (Long d : ids) {
                if (d != null) {
                    checked.add(department(field, d));
                }
            }
        }
        return checked;
    }

    private String departmentName(Long id) {
        return id == null ? null : directory.department(id).map(OrgDirectory.Department::name).orElse(null);
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse(SYSTEM_ACTOR);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
