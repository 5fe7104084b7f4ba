package com.careloop.contract.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ChangeStatus;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;
import com.careloop.contract.ReviewAspect;
import com.careloop.platform.ApprovalCompleted;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalOutcome;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.Versions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract changes (合同变更, issue 16 item 8): sales records a change agreed with the customer on an accepted contract
 * (or one in production); only the departments whose review aspects its kinds touch re-review it, on the platform's
 * approvals (chain {@code contract.CHANGE}, steps of the touched aspects only). Accepted: the contract moves to revision
 * v2, v3 … (every revision kept), the change notice (合同变更通知单) is numbered and sent to the touched departments (and
 * production when a production notice exists, which gets a new notice too); a member of each department acknowledges
 * it once. Rejected: the contract stays on its revision, with the reason. A termination ends the contract (TERMINATED).
 */
@Service
@Transactional
public class ContractChanges {

    /** Approval subject of a change's re-review (subject id = the change's id). */
    public static final String SUBJECT = Contracts.CHANGE_SUBJECT;
    /** Approval subject of the general manager's step on a change of a major contract (chain contract.major). */
    public static final String MAJOR_SUBJECT = Contracts.CHANGE_MAJOR_SUBJECT;
    public static final String CHAIN = "contract.CHANGE";
    public static final String NUMBER_TYPE = ContractChange.RECORD_TYPE;
    public static final String NOTICE_NUMBER_TYPE = "contract-change-notice";
    /** Kinds that only change values: without a changed value they change nothing. */
    private static final Set<ChangeKind> VALUE_KINDS = EnumSet.of(ChangeKind.QUANTITY, ChangeKind.DELIVERY_DATE,
            ChangeKind.PRICE);

    private final ContractChangeRepository changes;
    private final ContractRepository contractRepository;
    private final Contracts contracts;
    private final ProductionNotices productionNotices;
    private final Approvals approvals;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final Texts texts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final String productionDepartment;
    private final ContractProperties properties;
    private final ChangeAspectSettings aspectSettings;
    private final OrgDirectory org;

    ContractChanges(ContractChangeRepository changes, ContractRepository contractRepository, Contracts contracts,
                    ProductionNotices productionNotices, Approvals approvals, RecordNumbers numbers, AuditTrail audit,
                    CurrentUsers users, Notifications notifications, Texts texts, JdbcClient jdbc, JsonMapper json,
                    Clock clock, CareLoopProperties platform, ContractProperties properties,
                    ChangeAspectSettings aspectSettings, @Value("${careloop.contract.production-department:PROD}") String productionDepartment,
                    OrgDirectory org) {
        this.org = org;
        this.properties = properties;
        this.aspectSettings = aspectSettings;
        this.changes = changes;
        this.contractRepository = contractRepository;
        this.contracts = contracts;
        this.productionNotices = productionNotices;
        this.approvals = approvals;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.texts = texts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.zone = platform.zone();
        this.productionDepartment = productionDepartment;
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /**
     * Records a change agreed with the customer and starts the re-review of the aspects its kinds touch. 422 naming
     * the field on bad input (no kinds, no agreement, no new values, a bad line, a delivery date before the order
     * date, a changed value whose kind is not declared); 409 {@code contract.state} unless the contract is accepted
     * or in production, {@code contract.change-open} while another change is under review, stale version → 409.
     */
    public ContractViews.Change request(long contractId, ContractCommands.RequestChange cmd) {
        if (cmd == null) {
            throw Contract.required("body");
        }
        Contract c = contracts.contract(contractId);
        Versions.requireCurrentIfGiven(cmd.version(), c.getVersion(), Contract.RECORD_TYPE, contractId);
        c.requireChangeable();
        if (!changes.findByContractIdOrderByIdDesc(contractId).stream()
                .filter(x -> x.getStatus() == ChangeStatus.UNDER_REVIEW).toList().isEmpty()) {
            throw DomainException.of("contract.change-open", c.getNumber());
        }
        if (cmd.kinds() == null || cmd.kinds().isEmpty() || cmd.kinds().stream().anyMatch(k -> k == null)) {
            throw Contract.required("kinds");
        }
        List<ChangeKind> kinds = List.copyOf(new LinkedHashSet<>(cmd.kinds()));
        if (cmd.agreedMethod() == null) {
            throw Contract.required("agreedMethod");
        }
        if (cmd.agreedOn() == null) {
            throw Contract.required("agreedOn");
        }
        if (cmd.agreedOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("agreedOn", "not-future", Text.of("error.contract.change.agreed-in-future"));
        }
        String agreedWith = Contract.clip("agreedWith", cmd.agreedWith(), 200);
        if (agreedWith == null) {
            throw Contract.required("agreedWith");
        }
        String agreed = Contract.clip("agreed", cmd.agreed(), 2000);
        if (agreed == null) {
            throw Contract.required("agreed");
        }
        String reason = Contract.clip("reason", cmd.reason(), 2000);
        ContractTerms current = c.terms();
        ContractTerms proposed = current;
        if (kinds.contains(ChangeKind.TERMINATION)) {
            if (kinds.size() > 1) {
                throw new InvalidInputException("kinds", "termination-alone",
                        Text.of("error.contract.change.termination-alone"));
            }
            if (reason == null) {
                throw Contract.required("reason");
            }
        } else {
            proposed = proposed(c, current, cmd);
            List<ContractDiff.Entry> diff = ContractDiff.between(current, proposed);
            if (diff.isEmpty() && (reason == null || VALUE_KINDS.containsAll(kinds))) {
                throw new InvalidInputException("newValues", "required", Text.of("error.contract.change.no-new-values"));
            }
            Set<ChangeKind> undeclared = EnumSet.noneOf(ChangeKind.class);
            undeclared.addAll(ContractDiff.impliedKinds(diff));
            undeclared.removeAll(kinds);
            if (!undeclared.isEmpty()) {
                throw new InvalidInputException("kinds", "undeclared", Text.of("error.contract.change.undeclared-kind",
                        Text.label("contract.change.kind", undeclared.iterator().next())));
            }
        }
        CurrentUser me = users.require();
        Instant now = Instant.now(clock);
        boolean major = properties.isMajor(current.totalAmount().max(proposed.totalAmount()), c.getContractClass());
        if (revisionCount(contractId) == 0) {
            writeRevision(c, null, c.getRevision(), c.getRegisteredByName(), c.getRegisteredAt());
        }
        ContractChange change = changes.saveAndFlush(ContractChange.request(numbers.next(NUMBER_TYPE), contractId,
                c.getRevision(), kinds, cmd.agreedMethod(), cmd.agreedOn(), agreedWith, agreed, reason,
                json.writeValueAsString(proposed), major, new Contract.Actor(me.id(), me.displayName()), now));
        audit.created(change);
        Set<ReviewAspect> aspects = ChangeAspects.touched(kinds, matrix());
        if (aspects.isEmpty()) {
            countersigned(change, c, me.displayName(), null, now);
        } else {
            approvals.start(new ApprovalSubject(SUBJECT, change.getId(), change.getNumber(), Text.of(
                    "contract.change.approval.title", change.getNumber(), c.getNumber(), c.getCustomerName(),
                    kindsText(kinds)), link(c), c.getDepartmentId()), CHAIN,
                    aspects.stream().map(ReviewAspect::code).collect(Collectors.toSet()), me.id());
        }
        return view(change, c);
    }

    /** The requester takes a change under review back (its re-review, or the GM's step, is withdrawn). */
    public ContractViews.Change withdraw(long contractId, long changeId) {
        ContractChange change = load(contractId, changeId);
        if (change.getStatus() != ChangeStatus.UNDER_REVIEW) {
            throw DomainException.of("contract.change-decided", change.getNumber(),
                    Text.label("contract.change.status", change.getStatus()));
        }
        approvals.withdraw(change.isAwaitingGm() ? MAJOR_SUBJECT : SUBJECT, changeId);
        return get(contractId, changeId);
    }

    /**
     * The general manager approves or refuses a countersigned change of a major contract (their task of
     * {@code contract.major}); 409 {@code contract.change-wrong-stage} before the countersign ended, 409
     * {@code contract.own-change} approving a change they requested or of their own contract.
     */
    public ContractViews.Change gmDecision(long contractId, long changeId, ContractCommands.GmDecision cmd) {
        ContractChange change = load(contractId, changeId);
        if (!change.isAwaitingGm()) {
            throw DomainException.of("contract.change-wrong-stage", change.getNumber());
        }
        if (cmd == null) {
            throw Contract.required("approve");
        }
        long me = users.require().id();
        if (cmd.approve()) {
            change.requireNotOwn(me, contracts.contract(contractId).isOwn(me));
        }
        approvals.decideOn(MAJOR_SUBJECT, changeId, cmd.approve() ? ApprovalDecision.APPROVE : ApprovalDecision.REJECT,
                cmd.comment());
        return get(contractId, changeId);
    }

    /** A touched department's reviewer signs their aspect of the change (the task of that aspect they may decide). */
    public ContractViews.Change sign(long contractId, long changeId, ContractCommands.Sign cmd) {
        ContractChange change = load(contractId, changeId);
        if (cmd == null || cmd.aspect() == null) {
            throw Contract.required("aspect");
        }
        if (cmd.verdict() == null) {
            throw Contract.required("verdict");
        }
        if (change.getStatus() != ChangeStatus.UNDER_REVIEW) {
            throw DomainException.of("contract.change-decided", change.getNumber(),
                    Text.label("contract.change.status", change.getStatus()));
        }
        long me = users.require().id();
        List<ApprovalTrailEntry> ofAspect = approvals.trail(SUBJECT, changeId).stream()
                .filter(t -> cmd.aspect().code().equals(t.aspectCode())).toList();
        if (ofAspect.isEmpty()) {
            throw new InvalidInputException("aspect", "not-in-review", Text.of("error.contract.aspect-not-in-review",
                    Text.label("contract.aspect", cmd.aspect()), change.getNumber()));
        }
        long task = ofAspect.stream().filter(t -> "OPEN".equals(t.state())).filter(t -> approvals.mayDecide(t.taskId(),
                me)).findFirst().map(ApprovalTrailEntry::taskId).orElseThrow(() -> ofAspect.stream()
                .anyMatch(t -> "OPEN".equals(t.state()))
                ? DomainException.of("contract.not-your-aspect", Text.label("contract.aspect", cmd.aspect()),
                        change.getNumber())
                : DomainException.of("contract.aspect-signed", Text.label("contract.aspect", cmd.aspect()),
                        change.getNumber()));
        approvals.decide(task, null, switch (cmd.verdict()) {
            case ACCEPT -> ApprovalDecision.APPROVE;
            case ACCEPT_WITH_CONDITIONS -> ApprovalDecision.APPROVE_WITH_CONDITIONS;
            case CANNOT_ACCEPT -> ApprovalDecision.REJECT;
        }, cmd.comment());
        return get(contractId, changeId);
    }

    /**
     * A member of a notified department acknowledges the change notice for their department, once (409
     * {@code contract.change-not-notified} for others, {@code contract.change-acknowledged} the second time).
     */
    public ContractViews.Change acknowledge(long contractId, long changeId) {
        ContractChange change = load(contractId, changeId);
        CurrentUser me = users.require();
        var row = jdbc.sql("select id, acknowledged_by_name from contract_change_notified where change_id = :c"
                        + " and department_id = :d").param("c", changeId).param("d", me.departmentId() == null ? -1
                        : me.departmentId())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional()
                .orElseThrow(() -> DomainException.of("contract.change-not-notified", change.getNumber()));
        if (row[1] != null) {
            throw DomainException.of("contract.change-acknowledged", change.getNumber(), row[1]);
        }
        int updated = jdbc.sql("update contract_change_notified set acknowledged_by = :u, acknowledged_by_name = :n,"
                        + " acknowledged_at = :t where id = :id and acknowledged_at is null").param("u", me.id())
                .param("n", me.displayName()).param("t", java.sql.Timestamp.from(Instant.now(clock)))
                .param("id", row[0]).update();
        if (updated == 0) {
            throw DomainException.of("contract.change-acknowledged", change.getNumber(), me.displayName());
        }
        String department = org.department(me.departmentId()).map(OrgDirectory.Department::code).orElseThrow();
        audit.record(ContractChange.RECORD_TYPE, change.auditId(), "ACKNOWLEDGE", List.of(
                new com.careloop.platform.FieldChange("acknowledged." + department, null, me.displayName())));
        return get(contractId, changeId);
    }

    /**
     * The end of a change's re-review or of the GM's step, in the deciding transaction (also when decided from
     * /approvals, where a refusal such as the GM's own change rolls the decision back).
     */
    @EventListener
    void approvalCompleted(ApprovalCompleted e) {
        boolean gm = MAJOR_SUBJECT.equals(e.subjectType());
        if (!SUBJECT.equals(e.subjectType()) && !gm) {
            return;
        }
        ContractChange change = changes.findById(e.subjectId())
                .orElseThrow(() -> new NotFoundException(ContractChange.RECORD_TYPE, e.subjectId()));
        Contract.Actor decider = new Contract.Actor(e.deciderId() == null ? 0 : e.deciderId(), e.deciderName());
        var before = change.auditState();
        if (e.outcome() == ApprovalOutcome.APPROVED) {
            if (!gm) {
                countersigned(change, contractRepository.findById(change.getContractId()).orElseThrow(),
                        e.deciderName(), e.comment(), e.at());
                return;
            }
            change.gmDecided(true, decider, contractRepository.findById(change.getContractId()).orElseThrow()
                    .isOwn(decider.id()), e.comment(), e.at());
            changes.saveAndFlush(change);
            audit.changed(change, "GM_APPROVE", before);
            accept(change, e.deciderName(), e.comment(), e.at());
            return;
        }
        if (e.outcome() == ApprovalOutcome.REJECTED) {
            if (gm) {
                change.gmDecided(false, decider, false, e.comment(), e.at());
            } else {
                change.rejected(e.deciderName(), e.comment(), e.at());
            }
        } else {
            change.withdrawn(e.deciderName(), e.at());
        }
        changes.saveAndFlush(change);
        audit.changed(change, e.outcome() == ApprovalOutcome.REJECTED ? "REJECT" : "WITHDRAW", before);
        Contract c = contractRepository.findById(change.getContractId()).orElseThrow();
        notifications.notify(change.getRequestedBy(), Text.of("contract.change.notify.rejected.title",
                change.getNumber(), c.getNumber()), Text.of("contract.change.notify.rejected.body",
                Text.label("contract.change.status", change.getStatus()), e.comment() == null ? "" : e.comment()),
                link(c));
    }

    /**
     * Every touched aspect was accepted (or none was touched): a change of a major contract goes on to the general
     * manager (chain {@code contract.major}, requested by the change's requester), any other is accepted now.
     */
    private void countersigned(ContractChange change, Contract c, String by, String comment, Instant now) {
        var before = change.auditState();
        if (change.countersigned(now)) {
            accept(change, by, comment, now);
            return;
        }
        changes.saveAndFlush(change);
        audit.changed(change, "COUNTERSIGNED", before);
        approvals.start(new ApprovalSubject(MAJOR_SUBJECT, change.getId(), change.getNumber(), Text.of(
                "contract.change.gm.approval.title", change.getNumber(), c.getNumber(), c.getCustomerName(),
                kindsText(change.kindList())), link(c), c.getDepartmentId()), Contracts.MAJOR_CHAIN,
                change.getRequestedBy());
    }

    /** The change becomes the contract's next revision; the change notice goes to the touched departments. */
    private void accept(ContractChange change, String by, String comment, Instant now) {
        Contract c = contractRepository.findById(change.getContractId()).orElseThrow();
        var before = c.auditState();
        var changeBefore = change.auditState();
        int revision = c.getRevision() + 1;
        if (change.isTermination()) {
            c.terminate(revision, change.getReason());
        } else {
            c.applyChange(revision, json.readValue(change.getNewTerms(), ContractTerms.class));
        }
        contractRepository.saveAndFlush(c);
        audit.changed(c, change.isTermination() ? "TERMINATE" : "CHANGE", before);
        change.accepted(numbers.next(NOTICE_NUMBER_TYPE), by, comment, now);
        changes.saveAndFlush(change);
        audit.changed(change, "ACCEPT", changeBefore);
        writeRevision(c, change.getId(), revision, by, now);
        boolean produced = jdbc.sql("select count(*) from contract_production_notice where contract_id = :id")
                .param("id", c.getId()).query(Long.class).single() > 0;
        Set<String> departments = new LinkedHashSet<>(departmentsOf(ChangeAspects.touched(change.kindList(), matrix())));
        if (produced) {
            departments.add(productionDepartment);
        }
        for (String code : departments) {
            Long departmentId = org.departmentByCode(code).map(OrgDirectory.Department::id).orElse(null);
            if (departmentId == null) {
                continue;
            }
            jdbc.sql("insert into contract_change_notified (change_id, department_id) values (:c, :d)")
                    .param("c", change.getId()).param("d", departmentId).update();
            for (long member : org.activeMembers(departmentId).stream().map(OrgDirectory.User::id).toList()) {
                notifications.notify(member, Text.of("contract.change.notify.notice.title", change.getNoticeNumber(),
                        c.getNumber()), Text.of("contract.change.notify.notice.body", c.getCustomerName(),
                        kindsText(change.kindList()), "v" + revision), link(c));
            }
        }
        notifications.notify(change.getRequestedBy(), Text.of("contract.change.notify.accepted.title",
                change.getNumber(), c.getNumber()), Text.of("contract.change.notify.accepted.body", "v" + revision,
                change.getNoticeNumber()), link(c));
        if (produced && !change.isTermination()) {
            productionNotices.issue(c, Text.of("contract.change.notify.production.title", c.getNumber(), "v" + revision));
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** The contract's changes, newest first (the reader's access to the contract is checked). */
    @Transactional(readOnly = true)
    public List<ContractViews.Change> of(long contractId) {
        Contract c = contracts.contract(contractId);
        return changes.findByContractIdOrderByIdDesc(contractId).stream().map(x -> view(x, c)).toList();
    }

    @Transactional(readOnly = true)
    public ContractViews.Change get(long contractId, long changeId) {
        Contract c = contracts.contract(contractId);
        return view(load(contractId, changeId), c);
    }

    /** Every revision of the contract, oldest first (only v1, the current terms, before any change). */
    @Transactional(readOnly = true)
    public List<ContractViews.Revision> revisions(long contractId) {
        Contract c = contracts.contract(contractId);
        List<ContractViews.Revision> out = jdbc.sql("""
                select r.revision, r.change_id, ch.number, ch.kinds, r.created_at, r.created_by_name, r.terms
                from contract_revision r left join contract_change ch on ch.id = r.change_id
                where r.contract_id = :id order by r.revision""").param("id", contractId)
                .query((rs, n) -> {
                    ContractTerms t = json.readValue(rs.getString(7), ContractTerms.class);
                    String kinds = rs.getString(4);
                    return new ContractViews.Revision(rs.getInt(1), rs.getInt(1) == c.getRevision(),
                            rs.getObject(2, Long.class), rs.getString(3), kinds == null ? List.of()
                            : java.util.Arrays.stream(kinds.split(",")).map(ChangeKind::valueOf).toList(),
                            odt(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), t.deliveryDate(),
                            t.totalAmount());
                }).list();
        if (out.isEmpty()) {
            return List.of(new ContractViews.Revision(c.getRevision(), true, null, null, List.of(),
                    odt(c.getRegisteredAt()), c.getRegisteredByName(), c.getDeliveryDate(), c.getTotalAmount()));
        }
        return out;
    }

    /** The field-level difference between two revisions of the contract (404 on a revision it does not have). */
    @Transactional(readOnly = true)
    public List<ContractViews.DiffEntry> diff(long contractId, int from, int to) {
        Contract c = contracts.contract(contractId);
        return render(ContractDiff.between(terms(c, from), terms(c, to)));
    }

    private ContractTerms terms(Contract c, int revision) {
        if (revision == c.getRevision() && revisionCount(c.getId()) == 0) {
            return c.terms();
        }
        return jdbc.sql("select terms from contract_revision where contract_id = :id and revision = :r")
                .param("id", c.getId()).param("r", revision).query(String.class).optional()
                .map(s -> json.readValue(s, ContractTerms.class))
                .orElseThrow(() -> new NotFoundException("contract-revision", c.getNumber() + " v" + revision));
    }

    private List<ContractViews.DiffEntry> render(List<ContractDiff.Entry> diff) {
        return diff.stream().map(e -> new ContractViews.DiffEntry(e.field(), e.change(), e.lineNo(), e.before(),
                e.after(), texts.render(e.text()))).toList();
    }

    ContractViews.Change view(ContractChange x, Contract c) {
        CurrentUser me = users.current().orElse(null);
        ContractTerms proposed = json.readValue(x.getNewTerms(), ContractTerms.class);
        ContractTerms base = x.getFromRevision() == c.getRevision() && revisionCount(c.getId()) == 0 ? c.terms()
                : terms(c, x.getFromRevision());
        List<ContractViews.AspectReview> reviews = new ArrayList<>();
        List<ApprovalTrailEntry> trail = new ArrayList<>(approvals.trail(SUBJECT, x.getId()));
        if (x.isMajor()) {
            trail.addAll(approvals.trail(MAJOR_SUBJECT, x.getId()));
        }
        for (ApprovalTrailEntry t : trail) {
            ReviewAspect aspect = ReviewAspect.ofCode(t.aspectCode());
            if (aspect == null) {
                continue;
            }
            boolean mine = me != null && "OPEN".equals(t.state()) && approvals.mayDecide(t.taskId(), me.id());
            reviews.add(new ContractViews.AspectReview(aspect, texts.render(t.assignee()), t.state(),
                    t.decision() == null ? null : switch (t.decision()) {
                        case APPROVE -> com.careloop.contract.ReviewVerdict.ACCEPT;
                        case APPROVE_WITH_CONDITIONS -> com.careloop.contract.ReviewVerdict.ACCEPT_WITH_CONDITIONS;
                        case REJECT -> com.careloop.contract.ReviewVerdict.CANNOT_ACCEPT;
                    }, t.deciderName(), odt(t.decidedAt()), t.comment(), odt(t.dueAt()), mine, false));
        }
        List<ContractViews.Notified> notified = jdbc.sql("""
                select n.department_id, n.acknowledged_by_name, n.acknowledged_at
                from contract_change_notified n where n.change_id = :c""").param("c", x.getId())
                .query((rs, i) -> new ContractViews.Notified(rs.getLong(1), null, rs.getString(2),
                        odt(rs.getObject(3, OffsetDateTime.class)), rs.getString(2) == null && me != null
                        && me.departmentId() != null && me.departmentId() == rs.getLong(1))).list();
        Map<Long, OrgDirectory.Department> names = org.departments(notified.stream()
                .map(ContractViews.Notified::departmentId).toList());
        notified = notified.stream().map(n -> new ContractViews.Notified(n.departmentId(),
                        names.containsKey(n.departmentId()) ? names.get(n.departmentId()).name() : null,
                        n.acknowledgedBy(), n.acknowledgedAt(), n.acknowledgeable()))
                .sorted(java.util.Comparator.comparing(ContractViews.Notified::departmentName,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
        return new ContractViews.Change(x.getId(), c.getId(), c.getNumber(), c.getCustomerName(), x.getNumber(),
                x.getFromRevision(), x.getRevision(), x.kindList(), x.getStatus(), x.getAgreedMethod(),
                x.getAgreedOn(), x.getAgreedWith(), x.getAgreed(), x.getReason(),
                List.copyOf(ChangeAspects.touched(x.kindList(), matrix())), reviews,
                x.isTermination() ? List.of() : render(ContractDiff.between(base, proposed)), proposed.deliveryDate(),
                proposed.paymentTerms(), proposed.specialRequirements(), proposed.lines(), proposed.totalAmount(),
                x.getDecisionComment(), x.getDecidedByName(), odt(x.getDecidedAt()), x.getNoticeNumber(),
                odt(x.getNoticeIssuedAt()), notified, x.getRequestedByName(), odt(x.getRequestedAt()),
                x.getStatus() == ChangeStatus.UNDER_REVIEW && me != null && me.id() == x.getRequestedBy(),
                x.getVersion(), x.isMajor(), x.isAwaitingGm(), x.getGmByName(), odt(x.getGmAt()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ContractChange load(long contractId, long changeId) {
        contracts.contract(contractId);
        return changes.findById(changeId).filter(x -> x.getContractId() == contractId)
                .orElseThrow(() -> new NotFoundException(ContractChange.RECORD_TYPE, changeId));
    }

    /** The proposed terms: the current ones with the given new values (checked, fields named). */
    private static ContractTerms proposed(Contract c, ContractTerms current, ContractCommands.RequestChange cmd) {
        LocalDate delivery = cmd.deliveryDate() == null ? current.deliveryDate() : cmd.deliveryDate();
        if (delivery.isBefore(c.getOrderDate())) {
            throw new InvalidInputException("deliveryDate", "before-order-date", Text.of(
                    "error.contract.delivery-before-order", Text.Arg.date(delivery), Text.Arg.date(c.getOrderDate())));
        }
        String payment = cmd.paymentTerms() == null ? current.paymentTerms()
                : Contract.clip("paymentTerms", cmd.paymentTerms(), 500);
        String special = cmd.specialRequirements() == null ? current.specialRequirements()
                : Contract.clip("specialRequirements", cmd.specialRequirements(), 4000);
        ContractTerms t = new ContractTerms(delivery, payment, special, current.lines(), current.totalAmount());
        return cmd.lines() == null ? t : t.withLines(Contract.checkLines(cmd.lines()));
    }

    /** The kind → aspects mapping as configured (table {@code contract_change_aspect}). */
    Map<ChangeKind, Set<ReviewAspect>> matrix() {
        return aspectSettings.matrix();
    }

    /** The departments (codes) whose steps of the change chain sign these aspects. */
    private List<String> departmentsOf(Set<ReviewAspect> aspects) {
        return approvals.departmentsSigning(CHAIN, aspects.stream().map(ReviewAspect::code).collect(Collectors.toSet()));
    }

    private long revisionCount(long contractId) {
        return jdbc.sql("select count(*) from contract_revision where contract_id = :id").param("id", contractId)
                .query(Long.class).single();
    }

    private void writeRevision(Contract c, Long changeId, int revision, String by, Instant at) {
        jdbc.sql("insert into contract_revision (contract_id, revision, change_id, terms, created_at, created_by_name)"
                        + " values (:c, :r, :ch, :t, :at, :by)").param("c", c.getId()).param("r", revision)
                .param("ch", changeId).param("t", json.writeValueAsString(c.terms()))
                .param("at", java.sql.Timestamp.from(at)).param("by", by).update();
    }

    private static Text kindsText(List<ChangeKind> kinds) {
        Object[] labels = kinds.stream().map(k -> Text.label("contract.change.kind", k)).toArray();
        return labels.length == 1 ? (Text) labels[0] : Text.of("contract.change.kinds." + Math.min(labels.length, 3),
                labels);
    }

    private static String link(Contract c) {
        return "/contracts/" + c.getId();
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    private OffsetDateTime odt(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
