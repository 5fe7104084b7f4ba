package com.careloop.contract.tender;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractSource;
import com.careloop.contract.Contracts;
import com.careloop.contract.review.ContractProperties;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.ApprovalCompleted;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tender review (招投标评审): register, countersign on chain {@code tender.review} (the review matrix, as data), the
 * sales manager's bid / no-bid (the general manager on {@code contract.major} above the major threshold), then won
 * (→ a contract, source TENDER, carrying this review) or lost. Each command one transaction, audited.
 */
@Service
@Transactional
@org.springframework.core.annotation.Order(32)
public class Tenders implements ApplicationRunner {

    public static final String REVIEW_SUBJECT = "tender-review";
    public static final String MAJOR_SUBJECT = "tender-major";
    public static final String REVIEW_CHAIN = "tender.review";
    public static final String NUMBER_TYPE = "tender";
    /** Owner type of a tender's files in the platform file store. */
    public static final String FILE_OWNER = "contract-tender";

    private final TenderRepository tenders;
    private final Contracts contracts;
    private final ContractProperties properties;
    private final CustomerDirectory customers;
    private final Approvals approvals;
    private final AuditTrail audit;
    private final RecordNumbers numbers;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final StoredFiles files;
    private final OrgDirectory org;
    private final com.careloop.contract.review.ReviewMeetings meetings;
    private final Clock clock;
    private final java.time.ZoneId zone;

    Tenders(TenderRepository tenders, Contracts contracts, ContractProperties properties, CustomerDirectory customers,
            Approvals approvals, AuditTrail audit, RecordNumbers numbers, CurrentUsers users, JdbcClient jdbc,
            StoredFiles files, Clock clock, CareLoopProperties platform, OrgDirectory org,
            com.careloop.contract.review.ReviewMeetings meetings) {
        this.meetings = meetings;
        this.org = org;
        this.files = files;
        this.tenders = tenders;
        this.contracts = contracts;
        this.properties = properties;
        this.customers = customers;
        this.approvals = approvals;
        this.audit = audit;
        this.numbers = numbers;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(NUMBER_TYPE, "TB", 6, "投标评审表");
    }

    public TenderCommands.View register(TenderCommands.Register cmd) {
        CurrentUser me = users.require();
        if (cmd == null || cmd.customerId() == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.contract.required", "customerId"));
        }
        String customerName = customers.card(cmd.customerId()).filter(c -> c.active()).map(c -> c.name())
                .orElseThrow(() -> new InvalidInputException("customerId", "exists",
                        Text.of("error.contract.customer-unknown", cmd.customerId())));
        long salespersonId = cmd.salespersonId() == null ? me.id() : cmd.salespersonId();
        Long department = org.user(salespersonId).filter(OrgDirectory.User::active)
                .orElseThrow(() -> new InvalidInputException("salespersonId", "exists",
                        Text.of("error.contract.salesperson-unknown", salespersonId))).departmentId();
        Tender t = Tender.register(numbers.next(NUMBER_TYPE), cmd.customerId(), customerName, cmd.tenderNo(),
                cmd.title(), cmd.bidDeadline(), cmd.scope(), cmd.estimatedAmount(), cmd.requirements(), salespersonId,
                department, me.id(), LocalDate.now(clock.withZone(zone)), now());
        tenders.saveAndFlush(t);
        audit.created(t);
        return view(t);
    }

    /** 提交评审: the countersign starts on {@code tender.review}. */
    public TenderCommands.View submit(long id, TenderCommands.Submit cmd) {
        Tender t = load(id);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), t.getVersion(), Tender.RECORD_TYPE, id);
        var before = t.auditState();
        t.submit(now());
        approvals.start(subject(t, REVIEW_SUBJECT), REVIEW_CHAIN, users.require().id());
        return saved(t, "SUBMIT", before);
    }

    /** Bid / no bid (holder of contract:decide within scope); a major bid goes on to the general manager. */
    public TenderCommands.View decide(long id, TenderCommands.Decide cmd) {
        Tender t = load(id);
        Versions.requireCurrentIfGiven(cmd.version(), t.getVersion(), Tender.RECORD_TYPE, id);
        var before = t.auditState();
        t.decide(cmd.decision(), cmd.comment(), isMajor(t), users.require().id(), now());
        if (t.getStatus() == Tender.Status.AWAITING_GM) {
            approvals.start(subject(t, MAJOR_SUBJECT), Contracts.MAJOR_CHAIN, users.require().id());
        }
        return saved(t, "DECIDE", before);
    }

    /** The general manager's task on a major bid; approving one's own tender is refused (409). */
    public TenderCommands.View gmDecision(long id, TenderCommands.GmDecision cmd) {
        Tender t = load(id);
        CurrentUser me = users.require();
        if (cmd.approve() && (t.getSalespersonId() == me.id() || t.getRegisteredBy() == me.id())) {
            throw new DomainException("tender.own-tender", Text.of("error.tender.own-tender", t.getNumber()));
        }
        approvals.decideOn(MAJOR_SUBJECT, id, cmd.approve() ? ApprovalDecision.APPROVE : ApprovalDecision.REJECT,
                cmd.comment());
        return view(t);
    }

    /** 中标 → a contract (source TENDER, confirmation only) with the awarded lines; 未中标 → lost. */
    public TenderCommands.View result(long id, TenderCommands.Result cmd) {
        Tender t = load(id);
        Versions.requireCurrentIfGiven(cmd.version(), t.getVersion(), Tender.RECORD_TYPE, id);
        if (t.getStatus() != Tender.Status.BID) {
            throw new DomainException("tender.wrong-stage", Text.of("error.tender.wrong-stage",
                    Text.label("tender.status", t.getStatus())));
        }
        Long contractId = null;
        if (cmd.result() == Tender.Result.WON) {
            if (cmd.lines() == null || cmd.lines().isEmpty()) {
                throw new InvalidInputException("lines", "required", Text.of("error.contract.required", "lines"));
            }
            contractId = contracts.register(new ContractCommands.Register(t.getCustomerId(), t.getTenderNo(),
                    ContractSource.TENDER, ContractClass.REPEAT_UNCHANGED, LocalDate.now(clock.withZone(zone)),
                    cmd.deliveryDate(), cmd.paymentTerms(), t.getRequirements(), t.getSalespersonId(), null,
                    cmd.lines())).id();
        }
        var before = t.auditState();
        t.result(cmd.result(), cmd.comment(), contractId, now());
        return saved(t, cmd.result() == Tender.Result.WON ? "WON" : "LOST", before);
    }

    @EventListener
    void approvalCompleted(ApprovalCompleted e) {
        if (!REVIEW_SUBJECT.equals(e.subjectType()) && !MAJOR_SUBJECT.equals(e.subjectType())) {
            return;
        }
        Tender t = tenders.findById(e.subjectId()).orElseThrow(() -> new NotFoundException(Tender.RECORD_TYPE,
                e.subjectId()));
        var before = t.auditState();
        if (REVIEW_SUBJECT.equals(e.subjectType())) {
            t.countersignEnded(e.outcome().name(), now());
            saved(t, "COUNTERSIGN_" + e.outcome().name(), before);
        } else {
            if (e.deciderId() != null && e.outcome().name().equals("APPROVED")
                    && (t.getSalespersonId() == e.deciderId() || t.getRegisteredBy() == e.deciderId())) {
                throw new DomainException("tender.own-tender", Text.of("error.tender.own-tender", t.getNumber()));
            }
            t.gmDecided("APPROVED".equals(e.outcome().name()), now());
            saved(t, "GM_" + e.outcome().name(), before);
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public TenderCommands.View detail(long id) {
        return view(load(id));
    }

    /** The tenders the reader may see (data scope like contracts; reviewers see those they are asked to review). */
    @Transactional(readOnly = true)
    public List<TenderCommands.View> list(String status, Long contractId, int limit) {
        return search(new TenderCommands.Filter(status, null, null, null, null, contractId), limit);
    }

    /**
     * The list under its filters, newest first: status, customer, free text (our number, the tender's number, title,
     * customer name), bid deadline range (both days included); within the reader's data scope.
     */
    @Transactional(readOnly = true)
    public List<TenderCommands.View> search(TenderCommands.Filter f, int limit) {
        CurrentUser me = users.require();
        var scope = me.scope().condition("t.department_id", "t.salesperson_id", "t.registered_by");
        StringBuilder sql = new StringBuilder("select t.id from tender t where ").append(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        if (f.status() != null && !f.status().isBlank()) {
            sql.append(" and t.status = :status");
            params.put("status", f.status());
        }
        if (f.contractId() != null) {
            sql.append(" and t.contract_id = :contract");
            params.put("contract", f.contractId());
        }
        if (f.customerId() != null) {
            sql.append(" and t.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and (lower(t.number) like :q or lower(t.tender_no) like :q or lower(t.title) like :q"
                    + " or lower(t.customer_name) like :q)");
            params.put("q", "%" + f.q().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
        }
        if (f.deadlineFrom() != null) {
            sql.append(" and t.bid_deadline >= :deadlineFrom");
            params.put("deadlineFrom", f.deadlineFrom());
        }
        if (f.deadlineTo() != null) {
            sql.append(" and t.bid_deadline <= :deadlineTo");
            params.put("deadlineTo", f.deadlineTo());
        }
        sql.append(" order by t.id desc limit :limit");
        params.put("limit", Math.max(1, Math.min(limit, 200)));
        List<TenderCommands.View> out = new ArrayList<>();
        for (long id : jdbc.sql(sql.toString()).params(params).query(Long.class).list()) {
            out.add(view(tenders.findById(id).orElseThrow()));
        }
        return out;
    }

    /** The tender a contract came from (a won tender), if the reader may see it. */
    @Transactional(readOnly = true)
    public java.util.Optional<TenderCommands.View> ofContract(long contractId) {
        return jdbc.sql("select id from tender where contract_id = :c").param("c", contractId).query(Long.class)
                .optional().flatMap(id -> {
                    try {
                        return java.util.Optional.of(view(load(id)));
                    } catch (NotFoundException hidden) {
                        return java.util.Optional.empty();
                    }
                });
    }

    /** The countersign of a tender (the platform approval trail), for its page and its printed review form. */
    @Transactional(readOnly = true)
    public List<ApprovalTrailEntry> trail(long id) {
        load(id);
        List<ApprovalTrailEntry> all = new ArrayList<>(approvals.trail(REVIEW_SUBJECT, id));
        all.addAll(approvals.trail(MAJOR_SUBJECT, id));
        return all;
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    /** Keeps a file with the tender (checked by its bytes and size; audited on the tender by the file store). */
    public TenderCommands.Attachment attach(long id, TenderSlot slot, String fileName, String contentType, byte[] bytes) {
        Tender t = load(id);
        if (slot == null) {
            throw new InvalidInputException("slot", "required", Text.of("error.contract.required", "slot"));
        }
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.contract.required", "file"));
        }
        return attachment(files.store(FILE_OWNER, t.getId(), slot.name(), files.check(fileName, contentType, bytes)));
    }

    @Transactional(readOnly = true)
    public List<TenderCommands.Attachment> files(long id) {
        Tender t = load(id);
        return files.list(FILE_OWNER, t.getId()).stream().map(Tenders::attachment).toList();
    }

    /** A file of the tender, after the reader's access to the tender was checked (404 otherwise). */
    @Transactional(readOnly = true)
    public org.springframework.http.ResponseEntity<byte[]> download(long id, long fileId) {
        Tender t = load(id);
        StoredFiles.StoredFile f = files.find(fileId).filter(x -> FILE_OWNER.equals(x.ownerType())
                && x.ownerId() == t.getId()).orElseThrow(() -> new NotFoundException("tender-file", fileId));
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    private static TenderCommands.Attachment attachment(StoredFiles.StoredFile f) {
        TenderSlot slot;
        try {
            slot = TenderSlot.valueOf(f.slot());
        } catch (IllegalArgumentException e) {
            slot = TenderSlot.OTHER;
        }
        return new TenderCommands.Attachment(f.id(), slot, f.fileName(), f.contentType(), f.size(),
                f.storedAt() == null ? null : f.storedAt().atOffset(java.time.ZoneOffset.UTC));
    }

    /**
     * Records a meeting of the tender's review (评审会议纪要, 001-A5: day not in the future, place, attendees, minutes;
     * 422 naming the field, nothing saved), within the reader's access to the tender; audited.
     */
    public com.careloop.contract.review.ReviewMeetings.View recordMeeting(long id,
                                                                          com.careloop.contract.review.ReviewMeetings.Record cmd) {
        return meetings.recordOnTender(load(id).getId(), cmd);
    }

    /** The tender's review meetings, oldest first. */
    @Transactional(readOnly = true)
    public List<com.careloop.contract.review.ReviewMeetings.View> meetings(long id) {
        return meetings.ofTender(load(id).getId());
    }

    Tender load(long id) {
        Tender t = tenders.findById(id).orElseThrow(() -> new NotFoundException(Tender.RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.scope().allows(t.getDepartmentId(), t.getSalespersonId(), t.getRegisteredBy())
                && !approvals.involves(REVIEW_SUBJECT, id, me.id()) && !approvals.involves(MAJOR_SUBJECT, id, me.id())) {
            throw new NotFoundException(Tender.RECORD_TYPE, id);
        }
        return t;
    }

    boolean isMajor(Tender t) {
        return t.getEstimatedAmount().compareTo(properties.majorThreshold()) > 0;
    }

    private ApprovalSubject subject(Tender t, String type) {
        return new ApprovalSubject(type, t.getId(), t.getNumber(), Text.of("tender.approval.title", t.getNumber(),
                t.getTitle()), "/tenders/" + t.getId(), t.getDepartmentId());
    }

    private TenderCommands.View saved(Tender t, String action, Map<String, Object> before) {
        tenders.saveAndFlush(t);
        audit.changed(t, action, before);
        return view(t);
    }

    private TenderCommands.View view(Tender t) {
        String contractNumber = t.getContractId() == null ? null : jdbc.sql("select number from contract where id = :id")
                .param("id", t.getContractId()).query(String.class).optional().orElse(null);
        return new TenderCommands.View(t.getId(), t.getNumber(), t.getCustomerId(), t.getCustomerName(),
                t.getTenderNo(), t.getTitle(), t.getBidDeadline(), t.getScope(), t.getEstimatedAmount(),
                t.getRequirements(), t.getSalespersonId(), t.getDepartmentId(), t.getStatus().name(),
                t.getCountersign(), isMajor(t), t.getDecisionComment(), t.getResultComment(), t.getContractId(),
                contractNumber, t.getVersion(), userName(t.getSalespersonId()),
                t.getDecidedBy() == null ? null : userName(t.getDecidedBy()), odt(t.getDecidedAt()), odt(t.getSubmittedAt()));
    }

    private String userName(long id) {
        return org.user(id).map(OrgDirectory.User::displayName).orElse(null);
    }

    private static java.time.OffsetDateTime odt(Instant at) {
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
