package com.careloop.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.careloop.complaint.ClaimCommands.AddEvidenceNote;
import com.careloop.complaint.ClaimCommands.Agree;
import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.DetermineResponsibility;
import com.careloop.complaint.ClaimCommands.Inspect;
import com.careloop.complaint.ClaimCommands.Propose;
import com.careloop.complaint.ClaimCommands.RegisterClaim;
import com.careloop.complaint.ClaimCommands.Settle;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimViews.ClaimDetail;
import com.careloop.complaint.ClaimViews.ClaimRow;
import com.careloop.complaint.ClaimViews.Content;
import com.careloop.complaint.ClaimViews.Evidence;
import com.careloop.complaint.ClaimViews.Filter;
import com.careloop.platform.Text;
import com.careloop.complaint.claim.Claim;
import com.careloop.complaint.claim.ClaimProperties;
import com.careloop.complaint.claim.ClaimRepository;
import com.careloop.complaint.claim.Listing;
import com.careloop.complaint.claim.Parties;
import com.careloop.complaint.claim.RecordSteps;
import com.careloop.complaint.claim.Timeline;
import com.careloop.customer.CustomerCard;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.calendar.BusinessCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims (索赔): each step one command in one transaction (claim, timeline row and audit entry commit together).
 * Approval checks the approver's position against the configured limits. A claim may name the complaint it
 * came from (by id); {@link #forComplaint} lists a complaint's claims. Claims are records of the customer-service
 * center: everyone holding {@code claim:view} sees them all.
 */
@Service
@Transactional
public class Claims {

    public static final String RECORD_TYPE = Claim.RECORD_TYPE;

    private final ClaimRepository claims;
    private final Parties parties;
    private final ClaimProperties properties;
    private final RecordNumbers numbers;
    private final RecordSteps steps;
    private final Timeline timeline;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final CareLoopProperties company;
    private final ApplicationEventPublisher events;

    Claims(ClaimRepository claims, Parties parties, ClaimProperties properties, RecordNumbers numbers,
           RecordSteps steps, Timeline timeline, CurrentUsers users, JdbcClient jdbc, CareLoopProperties company,
           ApplicationEventPublisher events) {
        this.company = company;
        this.events = events;
        this.claims = claims;
        this.parties = parties;
        this.properties = properties;
        this.numbers = numbers;
        this.steps = steps;
        this.timeline = timeline;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Registers a claim with its record number (SP2026-000001). */
    public ClaimDetail register(RegisterClaim cmd) {
        CurrentUser me = users.require();
        CustomerCard customer = parties.customer(cmd.customerId());
        parties.requireComplaint(cmd.complaintId(), customer.id());
        Claim c = Claim.register(numbers.next(RECORD_TYPE), new Claim.Registration(customer.id(), customer.name(),
                customer.code(), cmd.complaintId(), cmd.product(), cmd.orderNumber(), cmd.claimedAmount(),
                cmd.description()), me.id(), me.displayName(), steps.now());
        steps.created(claims, c, "REGISTERED", Text.of("texts.money", Text.Arg.money(c.getClaimedAmount())));
        return detail(c.getId());
    }

    public ClaimDetail addEvidenceNote(long id, AddEvidenceNote cmd) {
        return change(id, cmd.version(), "EVIDENCE", c -> {
            String note = com.careloop.complaint.claim.Rules.text("note", cmd.note());
            c.addEvidence();
            insertEvidence(c.getId(), note, null);
            return Text.literal(note);
        });
    }

    /** A photo (or document) of the evidence: the platform's upload checks (size, type by its bytes) first. */
    public ClaimDetail addEvidencePhoto(long id, String fileName, String declaredType, byte[] bytes, String note,
                                        Long version) {
        UploadedFiles.Checked file = UploadedFiles.check(fileName, declaredType, bytes, properties.evidenceMaxSize());
        return change(id, version, "EVIDENCE", c -> {
            c.addEvidence();
            insertEvidence(c.getId(), note == null || note.isBlank() ? null : note.trim(), file);
            return Text.of("texts.claim.file", file.fileName(), file.contentType(), file.bytes().length);
        });
    }

    public ClaimDetail inspect(long id, Inspect cmd) {
        return change(id, cmd.version(), "INSPECTED", c -> {
            c.inspect(cmd.method(), cmd.findings(), cmd.inspector(), cmd.inspectedOn(), today());
            return Text.of("texts.labelled", Text.label("claim.enum.InspectionMethod", cmd.method()), cmd.findings());
        });
    }

    public ClaimDetail determineResponsibility(long id, DetermineResponsibility cmd) {
        return change(id, cmd.version(), "RESPONSIBILITY", c -> {
            c.determineResponsibility(cmd.responsibility(), cmd.ourSharePercent(), cmd.note());
            return c.getOurSharePercent() == null ? Text.label("claim.enum.Responsibility", cmd.responsibility())
                    : Text.of("texts.claim.share", Text.label("claim.enum.Responsibility", cmd.responsibility()),
                            c.getOurSharePercent());
        });
    }

    public ClaimDetail propose(long id, Propose cmd) {
        return change(id, cmd.version(), "PROPOSED", c -> {
            c.propose(cmd.proposedAmount(), actor(), steps.now());
            return Text.of("texts.money", Text.Arg.money(c.getProposedAmount()));
        });
    }

    /** Within the approver's position limit (rule {@code approval-limit}); a position without a limit: 403. */
    public ClaimDetail approve(long id, Step cmd) {
        CurrentUser me = users.require();
        return change(id, cmd == null ? null : cmd.version(), "APPROVED", c -> {
            if (c.getStatus() == ClaimStatus.PROPOSED) {
                properties.limits().check(me.position(), c.getProposedAmount());
            }
            c.approve(me.displayName(), me.position(), steps.now());
            return Text.of("texts.pair", Text.Arg.money(c.getProposedAmount()), Text.label("position", me.position()));
        });
    }

    /** The approver sends the proposal back with a comment (the claim stays PROPOSED). */
    public ClaimDetail reject(long id, Comment cmd) {
        return change(id, cmd.version(), "APPROVAL_REJECTED", c -> {
            c.reject(cmd.comment());
            return literal(cmd.comment());
        });
    }

    public ClaimDetail agree(long id, Agree cmd) {
        return change(id, cmd.version(), "AGREED", c -> {
            c.agree(cmd.how(), cmd.agreedAt() == null ? null : cmd.agreedAt().toInstant(), cmd.agreedBy(), steps.now());
            return Text.of("texts.pair", cmd.agreedBy(), cmd.how());
        });
    }

    public ClaimDetail rejectedByCustomer(long id, Comment cmd) {
        return change(id, cmd.version(), "REJECTED_BY_CUSTOMER", c -> {
            c.rejectedByCustomer(cmd.comment());
            return literal(cmd.comment());
        });
    }

    public ClaimDetail settle(long id, Settle cmd) {
        return change(id, cmd.version(), "SETTLED", c -> {
            c.settle(cmd.settledAmount(), cmd.settledOn(), cmd.paymentReference(), today());
            closed(c);
            return Text.of("texts.pair", Text.Arg.money(c.getSettledAmount()), c.getPaymentReference());
        });
    }

    public ClaimDetail closeWithoutPayment(long id, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "CLOSED", c -> {
            c.closeWithoutPayment(steps.now());
            closed(c);
            return null;
        });
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ClaimDetail detail(long id) {
        Claim c = load(id);
        List<Evidence> evidence = jdbc.sql("""
                select id, note, file_name, content_type, size_bytes, added_by, added_at from claim_evidence
                where claim_id = :id order by id""").param("id", id)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), rs.getString(6), odt(rs.getTimestamp(7).toInstant()))).list();
        return new ClaimDetail(c.getId(), c.getCode(), c.getVersion(), c.getCustomerId(), c.getCustomerName(),
                c.getCustomerCode(), c.getComplaintId(), c.getProduct(), c.getOrderNumber(), c.getClaimedAmount(),
                c.getDescription(), c.getStatus(), c.getInspectionMethod(), c.getFindings(), c.getInspector(),
                c.getInspectedOn(), c.getResponsibility(), c.getOurSharePercent(), c.getResponsibilityNote(),
                c.getProposedAmount(), c.getProposedBy(), odt(c.getProposedAt()), c.getRejectionComment(),
                c.getApprovedBy(), c.getApproverPosition(), odt(c.getApprovedAt()), c.getAgreedHow(), odt(c.getAgreedAt()),
                c.getAgreedBy(), c.getSettledAmount(), c.getSettledOn(), c.getPaymentReference(), odt(c.getClosedAt()),
                c.getRegisteredByName(), odt(c.getCreatedAt()), evidence, timeline.of(RECORD_TYPE, id), nextSteps(c));
    }

    /**
     * The claim with this record number (SP2026-000001) — the number a user knows and types — or empty when there is
     * none. Blanks around it and lower case are forgiven.
     */
    @Transactional(readOnly = true)
    public Optional<ClaimDetail> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from claim where code = :code").param("code", code.strip().toUpperCase(Locale.ROOT))
                .query(Long.class).optional().map(this::detail);
    }

    @Transactional(readOnly = true)
    public Content evidenceContent(long id, long evidenceId) {
        load(id);
        return jdbc.sql("select file_name, content_type, content from claim_evidence where id = :e and claim_id = :c and content is not null")
                .param("e", evidenceId).param("c", id)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("claim-evidence", evidenceId));
    }

    /** The list, newest first, keyset-paged by id. */
    @Transactional(readOnly = true)
    public RecordPage<ClaimRow> search(Filter f, String cursor, int limit) {
        return search(f, null, cursor, limit);
    }

    /** The list's sortable columns (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("c.code"),
            "customer", ListSort.Column.text("c.customer_name"),
            "product", ListSort.Column.text("coalesce(c.product, '')"),
            "claimedAmount", ListSort.Column.number("coalesce(c.claimed_amount, 0)"),
            "status", ListSort.Column.text("c.status"),
            "createdAt", ListSort.Column.time("c.created_at"));

    /** The list sorted by a column ('-' descending; default newest first), keyset-paged under that sort. */
    @Transactional(readOnly = true)
    public RecordPage<ClaimRow> search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "c.id", "-id");
        Filter filter = f == null ? new Filter(null, null, null) : f;
        return new Listing("""
                select id, code, customer_id, customer_name, complaint_id, product, claimed_amount, proposed_amount,
                       settled_amount, status, created_at""" + order.selectColumn() + " from claim c where 1=1", "c.id")
                .where(filter.status() != null, "c.status = :status", "status",
                        filter.status() == null ? null : filter.status().name())
                .where(filter.customerId() != null, "c.customer_id = :customer", "customer", filter.customerId())
                .where(filter.complaintId() != null, "c.complaint_id = :complaint", "complaint", filter.complaintId())
                .page(jdbc, order, cursor, limit, (rs, n) -> new ClaimRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), ClaimStatus.valueOf(rs.getString(10)),
                        odt(rs.getTimestamp(11).toInstant())));
    }

    /** The claims a complaint led to (the complaint page may show them by the complaint's id). */
    @Transactional(readOnly = true)
    public List<ClaimRow> forComplaint(long complaintId) {
        return search(new Filter(null, null, complaintId), null, 100).items();
    }

    // ---- helpers -----------------------------------------------------------------------------

    static List<String> nextSteps(Claim c) {
        return switch (c.getStatus()) {
            case REGISTERED -> List.of("evidence");
            case EVIDENCE -> List.of("evidence", "inspect");
            case INSPECTED -> List.of("responsibility");
            case RESPONSIBILITY -> c.getResponsibility() == Responsibility.CUSTOMER ? List.of("close") : List.of("propose");
            case PROPOSED -> List.of("propose", "approve", "reject");
            case APPROVED -> List.of("agree", "rejected-by-customer");
            case AGREED -> List.of("settle");
            default -> List.of();
        };
    }

    private void insertEvidence(long claimId, String note, UploadedFiles.Checked file) {
        jdbc.sql("""
                insert into claim_evidence (claim_id, note, file_name, content_type, size_bytes, content, added_by, added_at)
                values (:c, :note, :name, :type, :size, :content, :by, :at)""")
                .param("c", claimId).param("note", note)
                .param("name", file == null ? null : file.fileName())
                .param("type", file == null ? null : file.contentType())
                .param("size", file == null ? null : (long) file.bytes().length)
                .param("content", file == null ? null : file.bytes(), java.sql.Types.BINARY)
                .param("by", actor()).param("at", Timestamp.from(steps.now())).update();
    }

    private ClaimDetail change(long id, Long version, String kind, java.util.function.Function<Claim, Text> step) {
        Claim c = load(id);
        steps.change(claims, c, version, kind, () -> step.apply(c));
        return detail(id);
    }

    private void closed(Claim c) {
        events.publishEvent(new ClaimClosed(c.getId(), c.getCode(), c.getCustomerId(), c.getCustomerName(),
                c.getComplaintId(), c.getProduct(), c.getInspectedOn() != null ? c.getInspectedOn() : today(),
                c.getDescription(), c.getFindings(), c.getResponsibilityNote()));
    }

    private Claim load(long id) {
        return claims.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private LocalDate today() {
        return LocalDate.now(steps.clock().withZone(company.zone()));
    }

    static Text literal(String typed) {
        return typed == null ? null : Text.literal(typed);
    }

    private String actor() {
        return users.actorName();
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
    }
}
