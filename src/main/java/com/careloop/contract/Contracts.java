package com.careloop.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ContractViews.AspectReview;
import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.ContractViews.Filter;
import com.careloop.contract.ContractViews.Page;
import com.careloop.contract.ContractViews.Row;
import com.careloop.contract.review.Contract;
import com.careloop.contract.review.ContractInconsistency;
import com.careloop.contract.review.ContractProperties;
import com.careloop.contract.review.ContractRepository;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.ApprovalCompleted;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.ApprovalTaskDecided;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.IdempotentCreates;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.Versions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract review's management service and the module's public face. Each command is one transaction: the contract,
 * its audit entry, the approval step and the event commit together. The countersign and the general manager's
 * approval run on the platform's {@link Approvals} (chains {@code contract.REGULAR}, {@code contract.SPECIAL} — the
 * review matrix — and {@code contract.major}); this service learns their end from {@link ApprovalCompleted}.
 */
@Service
@Transactional
public class Contracts {

    public static final String RECORD_TYPE = Contract.RECORD_TYPE;
    /** Approval subject of the countersign. */
    public static final String REVIEW_SUBJECT = "contract-review";
    /** Approval subject of the general manager's approval of a major contract. */
    public static final String MAJOR_SUBJECT = "contract-major";
    public static final String MAJOR_CHAIN = "contract.major";
    /** Approval subject of a change's re-review (subject id = the change's id). */
    public static final String CHANGE_SUBJECT = "contract-change";
    /** Approval subject of the general manager's approval of a change of a major contract (subject id = the change). */
    public static final String CHANGE_MAJOR_SUBJECT = "contract-change-major";
    public static final String NUMBER_TYPE = "contract";
    public static final String REVIEW_NUMBER_TYPE = "contract-review";
    static final String API = "/api/v1/contracts";

    private final ContractRepository contracts;
    private final ContractProperties properties;
    private final CustomerDirectory customers;
    private final Approvals approvals;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final IdempotentCreates idempotency;
    private final StoredFiles files;
    private final OrgDirectory org;

    Contracts(IdempotentCreates idempotency, StoredFiles files, ContractRepository contracts, ContractProperties properties, CustomerDirectory customers,
              Approvals approvals, RecordNumbers numbers, AuditTrail audit, CurrentUsers users,
              Notifications notifications, ApplicationEventPublisher events, Texts texts, JdbcClient jdbc, Clock clock,
              CareLoopProperties platform, OrgDirectory org) {
        this.org = org;
        this.contracts = contracts;
        this.properties = properties;
        this.customers = customers;
        this.approvals = approvals;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.idempotency = idempotency;
        this.files = files;
        idempotency.marksCreatesOf(API);
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /** Registers a contract or order (salesperson: the given one or the signed-in user; department: theirs). */
    public Detail register(ContractCommands.Register cmd) {
        CurrentUser me = users.require();
        if (cmd == null) {
            throw new InvalidInputException("body", "required", Text.of("error.contract.required", "body"));
        }
        String customerName = cmd.customerId() == null ? null : customers.card(cmd.customerId())
                .filter(CustomerCard::active).map(CustomerCard::name)
                .orElseThrow(() -> new InvalidInputException("customerId", "exists", Text.of(
                        "error.contract.customer-unknown", cmd.customerId())));
        long salespersonId = cmd.salespersonId() == null ? me.id() : cmd.salespersonId();
        OrgDirectory.User salesperson = org.user(salespersonId).filter(OrgDirectory.User::active)
                .orElseThrow(() -> new InvalidInputException("salespersonId", "exists", Text.of(
                        "error.contract.salesperson-unknown", salespersonId)));
        Contract c = Contract.register(numbers.next(NUMBER_TYPE), cmd, customerName,
                new Contract.Actor(salespersonId, salesperson.displayName()), salesperson.departmentId(),
                new Contract.Actor(me.id(), me.displayName()), now());
        contracts.saveAndFlush(c);
        audit.created(c);
        idempotency.created(API + "/" + c.getId());
        return detail(c);
    }

    /**
     * Submits for review: starts the countersign on the class's chain (the review matrix), or — repeat order of an
     * unchanged product — waits for the sales manager's confirmation. Major: total above the threshold (or any
     * special contract when so configured).
     */
    public Detail submit(long id, ContractCommands.Submit cmd) {
        Contract c = load(id);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), c.getVersion(), RECORD_TYPE, id);
        // a phone or oral order waits for the customer's confirmation (订单确认表) before review
        if (com.careloop.contract.review.OrderConfirmations.NEEDS_CONFIRMATION.contains(c.getSource())
                && jdbc.sql("select count(*) from contract_order_confirmation where contract_id = :id"
                        + " and status = 'CONFIRMED'").param("id", id).query(Long.class).single() == 0) {
            throw DomainException.of("contract.unconfirmed-order", c.getNumber(),
                    Text.label("contract.source", c.getSource()));
        }
        var before = c.auditState();
        boolean major = properties.isMajor(c.getTotalAmount(), c.getContractClass());
        c.submit(c.getReviewNumber() == null ? numbers.next(REVIEW_NUMBER_TYPE) : null, major, now());
        if (c.reviewChain() != null) {
            approvals.start(subject(c, REVIEW_SUBJECT), c.reviewChain(), users.require().id());
        }
        return saved(c, "SUBMIT", before);
    }

    /**
     * A reviewer signs their aspect: 422 when the aspect is not part of this review, 409 when it is not theirs, when
     * it is signed already, or when they accept while an inconsistency on it is open.
     */
    public Detail sign(long id, ContractCommands.Sign cmd) {
        Contract c = load(id);
        c.requireStage("sign", ReviewStage.COUNTERSIGN);
        if (cmd.aspect() == null) {
            throw new InvalidInputException("aspect", "required", Text.of("error.contract.required", "aspect"));
        }
        if (cmd.verdict() == null) {
            throw new InvalidInputException("verdict", "required", Text.of("error.contract.required", "verdict"));
        }
        long task = myOpenTask(c, cmd.aspect());
        if (cmd.verdict() != ReviewVerdict.CANNOT_ACCEPT && c.hasOpenInconsistency(cmd.aspect())) {
            throw DomainException.of("contract.open-inconsistency-aspect", c.getNumber(),
                    Text.label("contract.aspect", cmd.aspect()));
        }
        approvals.decide(task, null, decision(cmd.verdict()), cmd.comment());
        return detail(c);
    }

    /**
     * 002-A7 coordination, whatever the entry point of the signature (the contract page, the API, the platform inbox
     * 待我审批): a countersign task decided on an aspect that had an inconsistency tells the other reviewers.
     */
    @EventListener
    void reviewTaskDecided(ApprovalTaskDecided e) {
        if (!REVIEW_SUBJECT.equals(e.subjectType())) {
            return;
        }
        ReviewAspect aspect = ReviewAspect.ofCode(e.aspectCode());
        Contract c = contracts.findById(e.subjectId()).orElse(null);
        if (aspect == null || c == null || c.getInconsistencies().stream().noneMatch(i -> i.getAspect() == aspect)) {
            return;
        }
        tellOtherReviewers(c, aspect, verdict(e.decision()), e.deciderId(), e.deciderName());
    }

    /**
     * 002-A7 coordination: a reviewer signed their aspect after an inconsistency on it was settled with the customer,
     * so its result changed — every other reviewer of the contract (who signed another aspect or raised an
     * inconsistency) is told which contract and which aspect, in-app and by the platform's channels (mail …).
     */
    private void tellOtherReviewers(Contract c, ReviewAspect aspect, ReviewVerdict verdict, long deciderId,
                                    String deciderName) {
        String aspectCode = "contract.aspect." + aspect.name();
        java.util.Set<Long> others = new java.util.LinkedHashSet<>();
        approvals.trail(REVIEW_SUBJECT, c.getId()).stream()
                .filter(e -> e.deciderId() != null && !aspectCode.equals(e.aspectCode()))
                .forEach(e -> others.add(e.deciderId()));
        c.getInconsistencies().stream().filter(i -> i.getAspect() != aspect).forEach(i -> others.add(i.getRaisedBy()));
        others.remove(deciderId);
        for (long reviewer : others) {
            notifications.notify(reviewer, Text.of("contract.notify.result-changed.title", c.getNumber(),
                            Text.label("contract.aspect", aspect)),
                    Text.of("contract.notify.result-changed.body", deciderName, Text.label("contract.aspect", aspect),
                            Text.label("contract.verdict", verdict), c.getNumber()), link(c));
        }
    }

    /** A reviewer logs an inconsistency on their aspect (it must be theirs and still open); sales is told. */
    public Detail raiseInconsistency(long id, ContractCommands.RaiseInconsistency cmd) {
        Contract c = load(id);
        c.requireStage("raise-inconsistency", ReviewStage.COUNTERSIGN);
        if (cmd.aspect() == null) {
            throw new InvalidInputException("aspect", "required", Text.of("error.contract.required", "aspect"));
        }
        myOpenTask(c, cmd.aspect());
        CurrentUser me = users.require();
        var before = c.auditState();
        c.raise(cmd.aspect(), cmd.description(), cmd.proposal(), actor(me), now());
        notifications.notify(c.getSalespersonId(), Text.of("contract.notify.inconsistency.title", c.getNumber()),
                Text.of("contract.notify.inconsistency.body", me.displayName(), Text.label("contract.aspect", cmd.aspect()),
                        cmd.description()), link(c));
        return saved(c, "RAISE_INCONSISTENCY", before);
    }

    /** Sales records how the inconsistency was settled with the customer; the reviewer who raised it is asked to sign. */
    public Detail resolveInconsistency(long id, long inconsistencyId, ContractCommands.Resolve cmd) {
        Contract c = load(id);
        CurrentUser me = users.require();
        var before = c.auditState();
        ContractInconsistency i = c.resolve(inconsistencyId, cmd.method(), cmd.resolvedOn(),
                cmd.withWhom(), cmd.agreed(), actor(me), now(), LocalDate.now(clock.withZone(zone)));
        notifications.notify(i.getRaisedBy(), Text.of("contract.notify.resolved.title", c.getNumber()),
                Text.of("contract.notify.resolved.body", Text.label("contract.aspect", i.getAspect()), cmd.agreed()),
                link(c));
        return saved(c, "RESOLVE_INCONSISTENCY", before);
    }

    /**
     * The sales manager's outcome. A on a major contract starts the general manager's approval ({@code contract.major});
     * A otherwise accepts the contract ({@link ContractAccepted}).
     */
    public Detail decide(long id, ContractCommands.Decide cmd) {
        Contract c = load(id);
        Versions.requireCurrentIfGiven(cmd.version(), c.getVersion(), RECORD_TYPE, id);
        CurrentUser me = users.require();
        var before = c.auditState();
        boolean accepted = c.decide(cmd.outcome(), cmd.comment(), actor(me), now());
        if (c.getReviewStage() == ReviewStage.GM_APPROVAL) {
            approvals.start(subject(c, MAJOR_SUBJECT), MAJOR_CHAIN, me.id());
        }
        Detail d = saved(c, "OUTCOME", before);
        if (accepted) {
            accepted(c);
        }
        return d;
    }

    /** The general manager approves or rejects a major contract (their task of {@code contract.major}). */
    public Detail gmDecision(long id, ContractCommands.GmDecision cmd) {
        Contract c = load(id);
        c.requireStage("gm-decide", ReviewStage.GM_APPROVAL);
        CurrentUser me = users.require();
        if (cmd.approve() && c.isOwn(me.id())) {
            throw DomainException.of("contract.own-contract", c.getNumber());
        }
        approvals.decideOn(MAJOR_SUBJECT, id, cmd.approve() ? ApprovalDecision.APPROVE : ApprovalDecision.REJECT,
                cmd.comment());
        return detail(c);
    }

    /** Attaches a file (checked by magic bytes and size, stored in the platform file store, audited on the contract). */
    public ContractViews.Attachment attach(long id, AttachmentSlot slot, String fileName, String contentType,
                                           byte[] bytes) {
        Contract c = load(id);
        if (slot == null) {
            throw new InvalidInputException("slot", "required", Text.of("error.contract.required", "slot"));
        }
        if (bytes == null) {
            throw new InvalidInputException("file", "required", Text.of("error.contract.required", "file"));
        }
        return attachment(files.store(RECORD_TYPE, c.getId(), slot.name(), files.check(fileName, contentType, bytes)));
    }

    /** A file of the contract as a download, after the reader's access to the contract was checked (404 otherwise). */
    @Transactional(readOnly = true)
    public org.springframework.http.ResponseEntity<byte[]> download(long id, long fileId) {
        Contract c = load(id);
        StoredFiles.StoredFile f = files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType())
                && x.ownerId() == c.getId()).orElseThrow(() -> new NotFoundException("contract-file", fileId));
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    private ContractViews.Attachment attachment(StoredFiles.StoredFile f) {
        AttachmentSlot slot;
        try {
            slot = AttachmentSlot.valueOf(f.slot());
        } catch (IllegalArgumentException e) {
            slot = AttachmentSlot.OTHER;
        }
        return new ContractViews.Attachment(f.id(), slot, f.fileName(), f.contentType(), f.size(), f.image(),
                odt(f.storedAt()));
    }

    /** A register status step by its API name: start-production, deliver, close, cancel. */
    public Detail registerStep(long id, String step, ContractCommands.StatusStep cmd) {
        return switch (step) {
            case "start-production" -> startProduction(id, cmd);
            case "deliver" -> delivered(id, cmd);
            case "close" -> close(id, cmd);
            case "cancel" -> cancel(id, cmd);
            default -> throw new NotFoundException("contract-step", step);
        };
    }

    public Detail startProduction(long id, ContractCommands.StatusStep cmd) {
        return step(id, cmd, "START_PRODUCTION", Contract::startProduction);
    }

    public Detail delivered(long id, ContractCommands.StatusStep cmd) {
        return step(id, cmd, "DELIVER", Contract::delivered);
    }

    public Detail close(long id, ContractCommands.StatusStep cmd) {
        return step(id, cmd, "CLOSE", Contract::close);
    }

    public Detail cancel(long id, ContractCommands.StatusStep cmd) {
        return step(id, cmd, "CANCEL", Contract::cancel);
    }

    private Detail step(long id, ContractCommands.StatusStep cmd, String action, java.util.function.Consumer<Contract> step) {
        Contract c = load(id);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), c.getVersion(), RECORD_TYPE, id);
        var before = c.auditState();
        step.accept(c);
        return saved(c, action, before);
    }

    /**
     * An approval of a contract ended, in the deciding transaction (also when decided from the inbox /approvals):
     * the countersign → the outcome stage (refused, 409, while an inconsistency is open); the general manager's
     * approval → accepted or not accepted (refused, 409, when it is the approver's own contract).
     */
    @EventListener
    void approvalCompleted(ApprovalCompleted e) {
        if (!REVIEW_SUBJECT.equals(e.subjectType()) && !MAJOR_SUBJECT.equals(e.subjectType())) {
            return;
        }
        Contract c = contracts.findById(e.subjectId()).orElseThrow(() -> new NotFoundException(RECORD_TYPE,
                e.subjectId()));
        var before = c.auditState();
        if (REVIEW_SUBJECT.equals(e.subjectType())) {
            Contract.Countersign result = Contract.Countersign.valueOf(e.outcome().name());
            if (result == Contract.Countersign.APPROVED && c.hasOpenInconsistency(null)) {
                throw DomainException.of("contract.open-inconsistency", c.getNumber(), c.openInconsistencies());
            }
            if (result == Contract.Countersign.APPROVED && c.isInStock()) {
                // goods in stock: the warehouse keeper's signature on the issue slip is the review (seed 001-C4)
                boolean accepted = c.stockIssueSigned(new Contract.Actor(e.deciderId(), e.deciderName()), now());
                if (c.getReviewStage() == ReviewStage.GM_APPROVAL) {
                    approvals.start(subject(c, MAJOR_SUBJECT), MAJOR_CHAIN, e.deciderId());
                }
                saved(c, "STOCK_ISSUE_SIGNED", before);
                notifications.notify(c.getSalespersonId(), Text.of("contract.notify.stock-issued.title", c.getNumber()),
                        Text.of("contract.notify.stock-issued.body", e.deciderName()), link(c));
                if (accepted) {
                    accepted(c);
                }
                return;
            }
            c.countersignEnded(result);
            saved(c, "COUNTERSIGN_" + result.name(), before);
            notifications.notify(c.getSalespersonId(), Text.of("contract.notify.countersigned.title", c.getNumber()),
                    Text.of("contract.notify.countersigned.body", Text.label("contract.countersign", result)), link(c));
            return;
        }
        boolean approved = e.outcome() == com.careloop.platform.ApprovalOutcome.APPROVED;
        if (e.outcome() == com.careloop.platform.ApprovalOutcome.WITHDRAWN) {
            throw DomainException.of("contract.gm-withdraw", c.getNumber());
        }
        boolean accepted = c.gmDecided(approved, new Contract.Actor(
                e.deciderId() == null ? 0 : e.deciderId(), e.deciderName()), e.at());
        saved(c, approved ? "GM_APPROVE" : "GM_REJECT", before);
        if (accepted) {
            accepted(c);
        }
    }

    private void accepted(Contract c) {
        events.publishEvent(new ContractAccepted(c.getId(), c.getNumber(), c.getCustomerId(), c.getTotalAmount(),
                c.getAcceptedAt()));
        notifications.notify(c.getSalespersonId(), Text.of("contract.notify.accepted.title", c.getNumber()),
                Text.of("contract.notify.accepted.body", c.getCustomerName()), link(c));
    }

    /** The open task of the aspect in this review that the signed-in user may decide. */
    private long myOpenTask(Contract c, ReviewAspect aspect) {
        CurrentUser me = users.require();
        List<ApprovalTrailEntry> ofAspect = approvals.trail(REVIEW_SUBJECT, c.getId()).stream()
                .filter(t -> aspect.code().equals(t.aspectCode())).toList();
        if (ofAspect.isEmpty()) {
            throw new InvalidInputException("aspect", "not-in-review", Text.of("error.contract.aspect-not-in-review",
                    Text.label("contract.aspect", aspect), c.getNumber()));
        }
        List<ApprovalTrailEntry> open = ofAspect.stream().filter(t -> "OPEN".equals(t.state())).toList();
        if (open.isEmpty()) {
            throw DomainException.of("contract.aspect-signed", Text.label("contract.aspect", aspect), c.getNumber());
        }
        return open.stream().filter(t -> approvals.mayDecide(t.taskId(), me.id())).findFirst()
                .map(ApprovalTrailEntry::taskId)
                .orElseThrow(() -> DomainException.of("contract.not-your-aspect", Text.label("contract.aspect", aspect),
                        c.getNumber()));
    }

    private static ApprovalDecision decision(ReviewVerdict v) {
        return switch (v) {
            case ACCEPT -> ApprovalDecision.APPROVE;
            case ACCEPT_WITH_CONDITIONS -> ApprovalDecision.APPROVE_WITH_CONDITIONS;
            case CANNOT_ACCEPT -> ApprovalDecision.REJECT;
        };
    }

    private static ReviewVerdict verdict(ApprovalDecision d) {
        return d == null ? null : switch (d) {
            case APPROVE -> ReviewVerdict.ACCEPT;
            case APPROVE_WITH_CONDITIONS -> ReviewVerdict.ACCEPT_WITH_CONDITIONS;
            case REJECT -> ReviewVerdict.CANNOT_ACCEPT;
        };
    }

    private ApprovalSubject subject(Contract c, String type) {
        return new ApprovalSubject(type, c.getId(), c.getNumber(), Text.of("contract.approval.title", c.getNumber(),
                c.getCustomerName(), Text.label("contract.class", c.getContractClass())), link(c), c.getDepartmentId());
    }

    private static String link(Contract c) {
        return "/contracts/" + c.getId();
    }

    private Detail saved(Contract c, String action, Map<String, Object> before) {
        contracts.saveAndFlush(c);
        audit.changed(c, action, before);
        return detail(c);
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return detail(load(id));
    }

    /** The contract if the reader's scope reaches it (department, salesperson, registrant) or they review it. */
    private Contract load(long id) {
        Contract c = contracts.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.scope().allows(c.getDepartmentId(), c.getSalespersonId(), c.getRegisteredBy())
                && !approvals.involves(REVIEW_SUBJECT, id, me.id()) && !approvals.involves(MAJOR_SUBJECT, id, me.id())
                && !reviewsAChange(id, me.id()) && !shipsFor(id, me.id())) {
            throw new AccessDeniedException("contract " + id + " is outside the reader's data scope");
        }
        return c;
    }

    /** Whether the user is the shipper (发货员) of one of the contract's shipments: they print its papers (002-A17). */
    private boolean shipsFor(long contractId, long userId) {
        return jdbc.sql("select count(*) from contract_shipment where contract_id = :id and shipper_id = :me")
                .param("id", contractId).param("me", userId).query(Long.class).single() > 0;
    }

    /** Whether the user is (or was) asked to re-review a change of the contract. */
    private boolean reviewsAChange(long contractId, long userId) {
        return jdbc.sql("select id from contract_change where contract_id = :id").param("id", contractId)
                .query(Long.class).list().stream().anyMatch(ch -> approvals.involves(CHANGE_SUBJECT, ch, userId)
                        || approvals.involves(CHANGE_MAJOR_SUBJECT, ch, userId));
    }

    /**
     * The register entry a contract or order number names (ours, e.g. {@code HTDJ2026-000123}, or the customer's),
     * when the reader may see contracts and it is within their data scope — for the complaint form's link to the
     * register. The newest when several match.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ContractViews.Reference> findByNumber(String number) {
        CurrentUser me = users.current().orElse(null);
        if (number == null || number.isBlank() || me == null || !me.can(ContractPermissions.VIEW)) {
            return java.util.Optional.empty();
        }
        var scope = me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
        return jdbc.sql("select c.id, c.number, c.status from contract c where (c.number = :n or c.customer_number = :n)"
                        + " and (" + scope.sql() + ") order by c.id desc limit 1")
                .params(scope.params()).param("n", number.strip())
                .query((rs, n) -> new ContractViews.Reference(rs.getLong(1), rs.getString(2),
                        ContractStatus.valueOf(rs.getString(3)))).optional();
    }

    /** Loads for a module that already checked access (print, export). */
    @Transactional(readOnly = true)
    public Contract contract(long id) {
        return load(id);
    }

    private Detail detail(Contract c) {
        CurrentUser me = users.current().orElse(null);
        Map<ReviewAspect, AspectReview> reviews = new LinkedHashMap<>();
        // only the approvals this contract can have (a repeat order has no countersign, only a major one a GM step):
        // the detail follows every command, so an acceptance does not read two empty trails
        List<ApprovalTrailEntry> trail = new ArrayList<>();
        if (c.reviewChain() != null
                || c.getCountersignResult() != null && !Contract.Countersign.NOT_NEEDED.name().equals(c.getCountersignResult())) {
            trail.addAll(approvals.trail(REVIEW_SUBJECT, c.getId()));
        }
        if (c.isMajor() || c.getGmAt() != null) {
            trail.addAll(approvals.trail(MAJOR_SUBJECT, c.getId()));
        }
        for (ApprovalTrailEntry t : trail) {
            ReviewAspect aspect = ReviewAspect.ofCode(t.aspectCode());
            if (aspect == null) {
                continue;
            }
            boolean mine = me != null && "OPEN".equals(t.state()) && approvals.mayDecide(t.taskId(), me.id());
            reviews.put(aspect, new AspectReview(aspect, texts.render(t.assignee()), t.state(), verdict(t.decision()),
                    t.deciderName(), odt(t.decidedAt()), t.comment(), odt(t.dueAt()), mine,
                    c.hasOpenInconsistency(aspect)));
        }
        List<ContractViews.Line> lines = c.getLines().stream().map(l -> new ContractViews.Line(l.getLineNo(),
                l.getProduct(), l.getSpec(), l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getAmount(),
                l.getRemark())).toList();
        List<ContractViews.Inconsistency> inconsistencies = c.getInconsistencies().stream().map(i ->
                new ContractViews.Inconsistency(i.getId(), i.getAspect(), i.getDescription(), i.getProposal(),
                        i.getStatus().name(), i.getRaisedByName(), odt(i.getRaisedAt()), i.getResolutionMethod(),
                        i.getResolvedOn(), i.getResolvedWith(), i.getAgreed(), i.getResolvedByName(),
                        odt(i.getResolvedAt()))).toList();
        return new Detail(c.getId(), c.getNumber(), c.getReviewNumber(), c.getVersion(), c.getCustomerId(),
                c.getCustomerName(), c.getCustomerNumber(), c.getSource(), c.getContractClass(), c.getOrderDate(),
                c.getDeliveryDate(), c.getPaymentTerms(), c.getSpecialRequirements(), c.getSalespersonId(),
                c.getSalespersonName(), c.getDepartmentId(), departmentName(c.getDepartmentId()), c.getRegion(), lines,
                c.getTotalAmount(), c.getCurrency(), c.isMajor(), c.getStatus(), c.getReviewStage(),
                c.getCountersignResult(), c.getOutcome(), c.getOutcomeComment(), c.getOutcomeByName(),
                odt(c.getOutcomeAt()), c.getGmByName(), odt(c.getGmAt()), c.getRegisteredByName(),
                odt(c.getRegisteredAt()), odt(c.getSubmittedAt()), odt(c.getAcceptedAt()),
                List.copyOf(reviews.values()), inconsistencies, c.openInconsistencies(),
                files.list(RECORD_TYPE, c.getId()).stream().map(this::attachment).toList(), c.isInStock());
    }

    private String departmentName(Long id) {
        return id == null ? null : org.department(id).map(OrgDirectory.Department::name).orElse(null);
    }

    /** The register's sortable columns (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "number", ListSort.Column.text("c.number"),
            "customer", ListSort.Column.text("c.customer_name"),
            "orderDate", ListSort.Column.date("c.order_date"),
            "deliveryDate", ListSort.Column.date("c.delivery_date"),
            "totalAmount", ListSort.Column.number("c.total_amount"),
            "status", ListSort.Column.text("c.status"));

    /** The contract register within the reader's data scope, keyset-paged under the sort (default newest first). */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "c.id", "-id");
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
        StringBuilder sql = new StringBuilder("""
                select c.id, c.number, c.customer_name, c.customer_number, c.contract_class, c.source, c.order_date,
                       c.delivery_date,
                       (select min(l.product) from contract_line l where l.contract_id = c.id) first_product,
                       (select count(*) from contract_line l where l.contract_id = c.id) line_count,
                       c.total_amount, c.salesperson_name, c.department_id, c.region, c.status, c.review_stage, c.outcome,
                       c.major, c.revision,
                       (select coalesce(sum(sl.shipped_quantity * l.unit_price), 0) from contract_shipment s
                          join contract_shipment_line sl on sl.shipment_id = s.id
                          join contract_line l on l.contract_id = s.contract_id and l.line_no = sl.line_no
                         where s.contract_id = c.id and s.status = 'SHIPPED') shipped_amount""").append(order.selectColumn()).append("""
                 from contract c
                where (""").append(scope.sql()).append(")");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        Filter filter = f == null ? Filter.none() : f;
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (lower(c.number) like :q or lower(coalesce(c.customer_number, '')) like :q"
                    + " or lower(c.customer_name) like :q)");
            params.put("q", "%" + like(filter.q()) + "%");
        }
        if (filter.product() != null && !filter.product().isBlank()) {
            sql.append(" and exists (select 1 from contract_line l where l.contract_id = c.id and (lower(l.product)"
                    + " like :product or lower(coalesce(l.spec, '')) like :product))");
            params.put("product", "%" + like(filter.product()) + "%");
        }
        if (filter.customerId() != null) {
            sql.append(" and c.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.salespersonId() != null) {
            sql.append(" and c.salesperson_id = :salesperson");
            params.put("salesperson", filter.salespersonId());
        }
        if (filter.from() != null) {
            sql.append(" and c.order_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and c.order_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.reviewStage() != null) {
            sql.append(" and c.review_stage = :stage");
            params.put("stage", filter.reviewStage().name());
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> {
            String product = rs.getString(9);
            long count = rs.getLong(10);
            return new Found(rs.getObject(13, Long.class), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    ContractClass.valueOf(rs.getString(5)), ContractSource.valueOf(rs.getString(6)),
                    rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                    product == null ? null : count > 1 ? product + " +" + (count - 1) : product, rs.getBigDecimal(11),
                    rs.getString(12), null, rs.getString(14), ContractStatus.valueOf(rs.getString(15)),
                    ReviewStage.valueOf(rs.getString(16)),
                    rs.getString(17) == null ? null : ReviewOutcome.valueOf(rs.getString(17)), rs.getBoolean(18),
                    rs.getInt(19), rs.getBigDecimal("shipped_amount")));
        })).list(), limit);
        // the department's name from the platform's directory (one query per page), never a join on its table
        Map<Long, OrgDirectory.Department> departments = org.departments(slice.items().stream()
                .map(Found::departmentId).filter(java.util.Objects::nonNull).distinct().toList());
        return new Page(slice.items().stream().map(found -> found.named(departments)).toList(), slice.nextCursor());
    }

    /** A register row read from the contract table, its department still an id. */
    private record Found(Long departmentId, Row row) {
        Row named(Map<Long, OrgDirectory.Department> departments) {
            OrgDirectory.Department d = departmentId == null ? null : departments.get(departmentId);
            Row r = row;
            return d == null ? r : new Row(r.id(), r.number(), r.customerName(), r.customerNumber(), r.contractClass(),
                    r.source(), r.orderDate(), r.deliveryDate(), r.products(), r.totalAmount(), r.salespersonName(),
                    d.name(), r.region(), r.status(), r.reviewStage(), r.outcome(), r.major(), r.revision(),
                    r.shippedAmount());
        }
    }

    private static String like(String text) {
        return text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Contract.Actor actor(CurrentUser me) {
        return new Contract.Actor(me.id(), me.displayName());
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
