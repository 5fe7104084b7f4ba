package com.careloop.complaint.handling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.CauseCategory;
import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintChannel;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.Severity;
import com.careloop.complaint.Verification;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import static com.careloop.complaint.ComplaintStatus.ACKNOWLEDGED;
import static com.careloop.complaint.ComplaintStatus.ACTION_TAKEN;
import static com.careloop.complaint.ComplaintStatus.ASSESSED;
import static com.careloop.complaint.ComplaintStatus.CLOSED;
import static com.careloop.complaint.ComplaintStatus.DECISION_COMMUNICATED;
import static com.careloop.complaint.ComplaintStatus.INVESTIGATED;
import static com.careloop.complaint.ComplaintStatus.QUALITY_CONFIRMED;
import static com.careloop.complaint.ComplaintStatus.RECEIVED;
import static com.careloop.complaint.ComplaintStatus.VERIFIED;

/**
 * A customer complaint (顾客投诉处理单 R-QP-005-03) as the named steps of the procedure. Each step checks the
 * current state and refuses what the procedure forbids (409 naming the state); every step is a timeline
 * row with who and when. Deadlines are computed from receipt on the business calendar and stored.
 */
@Entity
@Table(name = "complaint")
public class Complaint implements Auditable {

    /** A planned corrective action: what, the owner's name (and user, when known), by when. */
    public record Planned(String description, String owner, Long ownerUserId, LocalDate dueDate) {
    }

    /** What the CAPA module says of a linked CAPA that the close rule needs. */
    public record CapaState(long capaId, String code, boolean allActionsDone) {
    }

    /** What was captured at receipt; customer name, code and key mark are a snapshot. */
    public record Receipt(long customerId, String customerName, String customerCode, boolean keyCustomer,
                          Instant receivedAt, ComplaintChannel channel, String orderNumber, String product,
                          String content, String requestedRemedy, Long sourceRequestId, String batchNo) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long customerId;
    private String customerName;
    private String customerCode;
    private boolean keyCustomer;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private ComplaintChannel channel;
    private String orderNumber;
    /** The product batch the complaint is about (批次号), for tracing it: 004-C2. */
    private String batchNo;
    private String product;
    private String content;
    private String requestedRemedy;
    private Long sourceRequestId;
    @Enumerated(EnumType.STRING)
    private ComplaintStatus status;
    @Enumerated(EnumType.STRING)
    private ComplaintCategory category;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private Long departmentId;
    /** 处理人: the named person who handles the complaint (an active user of the responsible department). */
    private Long handlerId;
    /** A staff-attitude complaint's employee concerned (003-A10): a user, or a name for someone without an account. */
    private Long concernedEmployeeId;
    private String concernedEmployeeName;
    private Instant promisedReplyBy;
    private Instant acknowledgedAt;
    @Enumerated(EnumType.STRING)
    private CauseCategory causeCategory;
    private String causeAnalysis;
    private Instant investigatedAt;
    private String investigatedBy;
    private Instant firstActionAt;
    private String decisionHow;
    private Instant decisionAt;
    private String decisionWhat;
    @Enumerated(EnumType.STRING)
    private Verification verification;
    private String verifiedEarlyReason;
    private Instant verifiedAt;
    private String verifiedBy;
    private Instant qualityConfirmedAt;
    private String qualityConfirmedBy;
    private Instant closedAt;
    private Long repeatOfId;
    private Instant capaReopenedAt;
    private String capaReopenNote;
    private long receivedBy;
    private String receivedByName;
    private Instant acknowledgeDueAt;
    private Instant acknowledgeWarnAt;
    private Instant replyDueAt;
    private Instant replyWarnAt;
    private Instant resolveDueAt;
    private Instant resolveWarnAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ComplaintEvent> events = new ArrayList<>();
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CorrectiveAction> actions = new ArrayList<>();
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ComplaintCapa> capas = new ArrayList<>();

    protected Complaint() {
    }

    /** Receipt: deadlines start at the time received, on the general targets until the severity is assessed. */
    public static Complaint receive(String code, Receipt in, long byId, String byName,
                                    ComplaintProperties.Targets targets, DeadlineClock clock, Instant now) {
        requireText("content", in.content(), Text.of("error.complaint.complaint-content-required"));
        if (in.receivedAt() != null && in.receivedAt().isAfter(now)) {
            throw new InvalidInputException("receivedAt", "past", Text.of("error.complaint.receivedat-cannot-future"));
        }
        Complaint c = new Complaint();
        c.code = code;
        c.customerId = in.customerId();
        c.customerName = in.customerName();
        c.customerCode = in.customerCode();
        c.keyCustomer = in.keyCustomer();
        c.receivedAt = in.receivedAt() == null ? now : in.receivedAt();
        c.channel = in.channel() == null ? ComplaintChannel.OTHER : in.channel();
        c.orderNumber = blank(in.orderNumber());
        c.batchNo = blank(in.batchNo());
        c.product = blank(in.product());
        c.content = in.content().trim();
        c.requestedRemedy = blank(in.requestedRemedy());
        c.sourceRequestId = in.sourceRequestId();
        c.status = RECEIVED;
        c.receivedBy = byId;
        c.receivedByName = byName;
        c.createdAt = now;
        c.updatedAt = now;
        c.computeDeadlines(targets, clock);
        c.event("RECEIVED", byName, now, null);
        return c;
    }

    // ---- steps -------------------------------------------------------------------------------

    /** 受理确认: the customer is told we have it and when to expect a reply. */
    public void acknowledge(Instant promisedReplyBy, String actor, Instant now) {
        requireState("acknowledge", RECEIVED);
        if (promisedReplyBy == null) {
            throw new InvalidInputException("promisedReplyBy", "required", Text.of("error.complaint.promised-reply-time-required"));
        }
        if (promisedReplyBy.isBefore(now)) {
            throw new InvalidInputException("promisedReplyBy", "future", Text.of("error.complaint.promised-reply-time-future"));
        }
        this.promisedReplyBy = promisedReplyBy;
        this.acknowledgedAt = now;
        status = ACKNOWLEDGED;
        event("ACKNOWLEDGED", actor, now, Text.of("texts.complaint.promised", promisedReplyBy));
    }

    /** 评估: category and severity; a MAJOR complaint moves to the major deadlines. The department investigates. */
    public void assess(ComplaintCategory category, Severity severity, Long departmentId,
                       ComplaintProperties.Targets targets, DeadlineClock clock, String actor, Instant now) {
        requireState("assess", ACKNOWLEDGED);
        require("category", category, Text.of("error.complaint.category-required"));
        require("severity", severity, Text.of("error.complaint.severity-required"));
        if (category == ComplaintCategory.STAFF_ATTITUDE && concernedEmployeeId == null && concernedEmployeeName == null) {
            throw new InvalidInputException("concernedEmployeeId", "required",
                    Text.of("error.complaint.concerned-employee-required"));
        }
        this.category = category;
        this.severity = severity;
        if (departmentId != null) {
            this.departmentId = departmentId;
        }
        computeDeadlines(targets, clock);
        status = ASSESSED;
        event("ASSESSED", actor, now, Text.of("texts.pair", Text.label("complaint.enum.ComplaintCategory", category),
                Text.label("complaint.enum.Severity", severity)));
    }

    /**
     * 指定处理人: names the person who handles the complaint; the caller has checked that it is an active user of the
     * responsible department. Any time before the close; a change of handler is another timeline entry.
     */
    public void assignHandler(long userId, String userName, String actor, Instant now) {
        requireState("assign a handler", RECEIVED, ACKNOWLEDGED, ASSESSED, INVESTIGATED, ACTION_TAKEN,
                DECISION_COMMUNICATED, VERIFIED, QUALITY_CONFIRMED);
        if (departmentId == null) {
            throw new InvalidInputException("departmentId", "required",
                    Text.of("error.complaint.department-before-handler"));
        }
        if (Long.valueOf(userId).equals(handlerId)) {
            return;
        }
        this.handlerId = userId;
        event("HANDLER_ASSIGNED", actor, now, Text.literal(userName));
    }

    /** 被投诉员工 (003-A10): the employee a complaint is about, a user (id and name) or only a name. */
    public void nameConcernedEmployee(Long userId, String name, String actor, Instant now) {
        requireState("name the employee concerned", RECEIVED, ACKNOWLEDGED, ASSESSED, INVESTIGATED, ACTION_TAKEN,
                DECISION_COMMUNICATED, VERIFIED, QUALITY_CONFIRMED);
        String n = blank(name);
        if (userId == null && n == null) {
            return;
        }
        this.concernedEmployeeId = userId;
        this.concernedEmployeeName = n;
        event("EMPLOYEE_NAMED", actor, now, Text.literal(n));
    }

    /** 调查: the responsible department, the cause category and the cause analysis. */
    public void investigate(long departmentId, CauseCategory cause, String analysis, String actor, Instant now) {
        requireState("investigate", ASSESSED);
        require("causeCategory", cause, Text.of("error.complaint.cause-category-required"));
        requireText("causeAnalysis", analysis, Text.of("error.complaint.cause-analysis-required"));
        this.departmentId = departmentId;
        this.causeCategory = cause;
        this.causeAnalysis = analysis.trim();
        this.investigatedAt = now;
        this.investigatedBy = actor;
        status = INVESTIGATED;
        event("INVESTIGATED", actor, now, Text.of("texts.labelled", Text.label("complaint.enum.CauseCategory", cause), analysis.trim()));
    }

    /** 纠正措施 (legacy rows, before the CAPA module): one or more; more may be added until the decision is communicated. */
    public CorrectiveAction addCorrectiveAction(String description, String owner, LocalDate dueDate, String actor,
                                                Instant now) {
        requireCorrectiveActionStep();
        return newAction(plan(description, owner, null, dueDate), false, actor, now);
    }

    /** The corrective-action step is open: after the investigation, until the decision is communicated. */
    public void requireCorrectiveActionStep() {
        requireState("add a corrective action", INVESTIGATED, ACTION_TAKEN);
    }

    /** Checks a planned action (bad input names the field) before anything is opened for it. */
    public static Planned plan(String description, String owner, Long ownerUserId, LocalDate dueDate) {
        requireText("description", description, Text.of("error.complaint.corrective-action-required"));
        requireText("owner", owner, Text.of("error.complaint.action-owner-required"));
        require("dueDate", dueDate, Text.of("error.complaint.due-date-required"));
        return new Planned(description.trim(), owner.trim(), ownerUserId, dueDate);
    }

    /**
     * 纠正措施 through the CAPA module: the CAPA record opened for this complaint (with its first planned action)
     * is linked; the corrective-action step, or the new countermeasure of a failed verification.
     */
    public ComplaintCapa linkCapa(long capaId, String capaCode, Planned planned, boolean fromVerification, String actor,
                                  Instant now) {
        requireCorrectiveActionStep();
        ComplaintCapa link = new ComplaintCapa(this, capaId, capaCode, planned, fromVerification, actor, now);
        capas.add(link);
        if (firstActionAt == null) {
            firstActionAt = now;
        }
        status = ACTION_TAKEN;
        event("CAPA_OPENED", actor, now, Text.of("texts.labelled", capaCode,
                Text.of("texts.action", planned.description(), planned.owner(), planned.dueDate())));
        return link;
    }

    public void markActionDone(CorrectiveAction action, String actor, Instant now) {
        requireState("mark an action done", ACTION_TAKEN, DECISION_COMMUNICATED, VERIFIED, QUALITY_CONFIRMED);
        if (!actions.contains(action)) {
            throw new InvalidInputException("actionId", "exists", Text.of("error.complaint.action-complaint"));
        }
        if (action.isDone()) {
            throw new DomainException("complaint.action-done", Text.of("error.complaint.action-already-done"));
        }
        action.markDone(actor, now);
        event("ACTION_DONE", actor, now, Text.literal(action.getDescription()));
    }

    /** 处理决定告知顾客: how, when and what the customer was told. */
    public void communicateDecision(String how, Instant when, String what, String actor, Instant now) {
        requireState("communicate the decision", ACTION_TAKEN);
        requireText("how", how, Text.of("error.complaint.how-customer-was-told"));
        requireText("what", what, Text.of("error.complaint.what-customer-was-told"));
        this.decisionHow = how.trim();
        this.decisionAt = when == null ? now : when;
        this.decisionWhat = what.trim();
        status = DECISION_COMMUNICATED;
        event("DECISION_COMMUNICATED", actor, now, Text.of("texts.labelled", decisionHow, decisionWhat));
    }

    /** 效果验证 without the self-verification rule, the new countermeasure kept as a legacy action row. */
    public void verify(Verification result, String countermeasure, String owner, LocalDate dueDate, String actor,
                       Instant now) {
        verify(result, countermeasure, owner, null, dueDate, false, actor, now).ifPresent(p -> newAction(p, true, actor, now));
    }

    /**
     * 效果验证: effective, or not effective with a new countermeasure that sends the complaint back to corrective
     * action; the countermeasure is returned for the caller to open (a CAPA) and link. With
     * {@code forbidSelfVerification} a handler of the complaint may not verify it (422 verifier/not-handler).
     */
    public java.util.Optional<Planned> verify(Verification result, String countermeasure, String owner, Long ownerUserId,
                                              LocalDate dueDate, boolean forbidSelfVerification, String actor,
                                              Instant now) {
        requireState("verify", DECISION_COMMUNICATED);
        require("result", result, Text.of("error.complaint.verification-result-required"));
        if (forbidSelfVerification && handlers().contains(actor)) {
            throw new InvalidInputException("verifier", "not-handler", "验证人不能是本投诉的调查人或纠正措施录入人（" + actor
                    + "）/ the verifier may not be a handler of the complaint (who recorded the investigation or a "
                    + "corrective action): " + actor);
        }
        Planned next = null;
        if (result == Verification.NOT_EFFECTIVE) {
            requireText("countermeasure", countermeasure, Text.of("error.complaint.new-countermeasure-required-when"));
            next = plan(countermeasure, owner == null || owner.isBlank() ? actor : owner, ownerUserId,
                    dueDate == null ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(7) : dueDate);
        }
        this.verification = result;
        this.verifiedAt = now;
        this.verifiedBy = actor;
        if (next == null) {
            status = VERIFIED;
            event("VERIFIED", actor, now, Text.label("complaint.enum.Verification", Verification.EFFECTIVE));
            return java.util.Optional.empty();
        }
        status = ACTION_TAKEN;
        event("VERIFIED", actor, now, Text.of("texts.labelled",
                Text.label("complaint.enum.Verification", Verification.NOT_EFFECTIVE), next.description()));
        return java.util.Optional.of(next);
    }

    /**
     * The handlers of the complaint for the self-verification rule: who recorded the investigation and who
     * recorded a corrective action at the corrective-action step (legacy row or CAPA); the new countermeasure
     * named in a failed verification does not make its verifier a handler.
     */
    public java.util.Set<String> handlers() {
        java.util.Set<String> handlers = new java.util.LinkedHashSet<>();
        if (investigatedBy != null) {
            handlers.add(investigatedBy);
        }
        actions.stream().filter(a -> !a.isFromVerification() && a.getRecordedBy() != null)
                .forEach(a -> handlers.add(a.getRecordedBy()));
        capas.stream().filter(l -> !l.isFromVerification()).forEach(l -> handlers.add(l.getRecordedBy()));
        return handlers;
    }

    /** 品管确认 by the quality manager (the permission is checked by the caller). */
    public void confirmByQuality(String actor, Instant now) {
        requireState("confirm by quality", VERIFIED);
        this.qualityConfirmedAt = now;
        this.qualityConfirmedBy = actor;
        status = QUALITY_CONFIRMED;
        event("QUALITY_CONFIRMED", actor, now, null);
    }

    /** 结案 of a complaint without CAPA links. */
    public void close(String actor, Instant now) {
        close(List.of(), actor, now);
    }

    /**
     * 结案: refused while a legacy action is open, while a linked CAPA has actions not done (409
     * capa-actions-done; {@code capaStates} as the CAPA module reports them) or the verification is not effective.
     */
    public void close(List<CapaState> capaStates, String actor, Instant now) {
        requireState("close", QUALITY_CONFIRMED);
        List<String> capasOpen = capasNotDone(capaStates);
        if (!capasOpen.isEmpty()) {
            throw new DomainException("complaint.capa-actions-done",
                    Text.of("error.complaint.capa-actions-done", String.join(", ", capasOpen)),
                    Map.of("rule", "capa-actions-done", "capas", capasOpen));
        }
        long open = actions.stream().filter(a -> !a.isDone()).count();
        if (open > 0) {
            throw new DomainException("complaint.actions-open", Text.of("error.complaint.actions-open", open));
        }
        if (verification != Verification.EFFECTIVE) {
            throw new DomainException("complaint.not-verified", Text.of("error.complaint.cannot-close-verification-effective"));
        }
        this.closedAt = now;
        status = CLOSED;
        event("CLOSED", actor, now, null);
    }

    /** The codes of the linked CAPAs whose actions are not all done ({@code capaStates} as the CAPA module reports them). */
    public List<String> capasNotDone(List<CapaState> capaStates) {
        return capas.stream().filter(l -> capaStates.stream().noneMatch(st -> st.capaId() == l.getCapaId()
                && st.allActionsDone())).map(ComplaintCapa::getCapaCode).toList();
    }

    /**
     * 效果验证 comes after the corrective actions: while a linked CAPA's or an earlier action is not done, the
     * verification is refused (422 earlyReason/actions-done) unless a reason for verifying earlier is given; the
     * reason is kept with the verification. Called before {@link #verify}.
     */
    public void requireActionsDoneOrReason(List<CapaState> capaStates, String earlyReason) {
        List<String> open = new java.util.ArrayList<>(capasNotDone(capaStates));
        actions.stream().filter(a -> !a.isDone()).forEach(a -> open.add(a.getDescription()));
        if (open.isEmpty()) {
            this.verifiedEarlyReason = null;
            return;
        }
        if (earlyReason == null || earlyReason.isBlank()) {
            throw new InvalidInputException("earlyReason", "actions-done", Text.of("error.complaint.actions-not-done",
                    String.join("、", open), String.join(", ", open)));
        }
        if (earlyReason.length() > 2000) {
            throw new InvalidInputException("earlyReason", "max-length", Text.of("error.complaint.early-reason-max-length"));

        }
        this.verifiedEarlyReason = earlyReason.trim();
    }

    /** The CAPA module's effectiveness check of a linked CAPA, on the timeline. */
    public void capaVerified(String capaCode, boolean effective, Instant now) {
        event("CAPA_VERIFIED", "capa", now, Text.of("texts.labelled", capaCode,
                Text.label("complaint.enum.Verification", effective ? Verification.EFFECTIVE : Verification.NOT_EFFECTIVE)));
    }

    /** A failed effectiveness check re-opened a linked CAPA; after close it is the banner on the complaint. */
    public void capaReopened(String capaCode, String reason, Instant now) {
        String note = capaCode + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        if (status == CLOSED) {
            capaReopenedAt = now;
            capaReopenNote = note.length() > 2000 ? note.substring(0, 2000) : note;
        }
        event("CAPA_REOPENED", "capa", now, reason == null || reason.isBlank() ? Text.literal(capaCode)
                : Text.of("texts.labelled", capaCode, reason.trim()));
    }

    /** Links this complaint to the earlier one it repeats (二次投诉). */
    public void markRepeatOf(Complaint earlier, String actor, Instant now) {
        if (repeatOfId == null && earlier.getId() != null && !earlier.getId().equals(id)) {
            this.repeatOfId = earlier.getId();
            event("REPEAT_FLAGGED", actor, now, Text.of("texts.complaint.repeat-of", earlier.getCode()));
        }
    }

    /**
     * The repeat rule: same customer, received within {@code window} after {@code earlier}, about the same
     * product or order (when both name one) or in the same category (when both are assessed).
     */
    public boolean repeats(Complaint earlier, Duration window) {
        if (earlier == this || earlier.customerId != customerId || earlier.receivedAt.isAfter(receivedAt)
                || Duration.between(earlier.receivedAt, receivedAt).compareTo(window) > 0) {
            return false;
        }
        return same(product, earlier.product) || same(orderNumber, earlier.orderNumber)
                || category != null && category == earlier.category;
    }

    // ---- deadlines ---------------------------------------------------------------------------

    private void computeDeadlines(ComplaintProperties.Targets t, DeadlineClock clock) {
        var ack = clock.due(receivedAt, t.acknowledge(), t.acknowledgeUnit());
        var reply = clock.due(receivedAt, t.reply(), t.replyUnit());
        var resolve = clock.due(receivedAt, t.resolve(), t.resolveUnit());
        acknowledgeDueAt = ack.dueAt();
        acknowledgeWarnAt = ack.warnAt();
        replyDueAt = reply.dueAt();
        replyWarnAt = reply.warnAt();
        resolveDueAt = resolve.dueAt();
        resolveWarnAt = resolve.warnAt();
    }

    /** Overdue: a clock past its deadline before its step (acknowledge, first action, close) was done. */
    public boolean overdue(Instant now) {
        return late(acknowledgedAt, acknowledgeDueAt, now) || late(firstActionAt, replyDueAt, now)
                || late(closedAt, resolveDueAt, now);
    }

    private static boolean late(Instant doneAt, Instant dueAt, Instant now) {
        return (doneAt == null ? now : doneAt).isAfter(dueAt);
    }

    // ---- helpers -----------------------------------------------------------------------------

    CorrectiveAction newAction(Planned p, boolean fromVerification, String actor, Instant now) {
        CorrectiveAction a = new CorrectiveAction(this, p.description(), p.owner(), p.dueDate(), actor, fromVerification, now);
        actions.add(a);
        if (firstActionAt == null) {
            firstActionAt = now;
        }
        status = ACTION_TAKEN;
        event("ACTION_ADDED", actor, now, Text.of("texts.action", a.getDescription(), a.getOwner(), p.dueDate()));
        return a;
    }

    private void requireState(String step, ComplaintStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("complaint.state", Text.of("error.complaint.state",
                    Text.label("complaint.enum.ComplaintStatus", status)), Map.of("status", status.name(), "step", step));
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static void require(String field, Object value, Text message) {
        if (value == null) {
            throw new InvalidInputException(field, "required", message);
        }
    }

    private static void requireText(String field, String value, Text message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", message);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void event(String kind, String actor, Instant at, Text note) {
        events.add(new ComplaintEvent(this, kind, at, actor, note));
        updatedAt = at;
    }

    public static String label(ComplaintStatus s) {
        return switch (s) {
            case RECEIVED -> "已受理";
            case ACKNOWLEDGED -> "已确认";
            case ASSESSED -> "已评估";
            case INVESTIGATED -> "已调查";
            case ACTION_TAKEN -> "已采取措施";
            case DECISION_COMMUNICATED -> "已告知顾客";
            case VERIFIED -> "已验证";
            case QUALITY_CONFIRMED -> "品管已确认";
            case CLOSED -> "已结案";
        };
    }

    @Override
    public String auditType() {
        return "complaint";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("customerId", customerId);
        s.put("status", status);
        s.put("category", category);
        s.put("severity", severity);
        s.put("departmentId", departmentId);
        s.put("handlerId", handlerId);
        s.put("concernedEmployeeId", concernedEmployeeId);
        s.put("concernedEmployeeName", concernedEmployeeName);
        s.put("causeCategory", causeCategory);
        s.put("verification", verification);
        s.put("verifiedEarlyReason", verifiedEarlyReason);
        s.put("actions", actions.size());
        s.put("openActions", actions.stream().filter(a -> !a.isDone()).count());
        s.put("repeatOfId", repeatOfId);
        s.put("capas", capas.stream().map(ComplaintCapa::getCapaCode).toList());
        s.put("closedAt", closedAt);
        return s;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerCode() { return customerCode; }
    public boolean isKeyCustomer() { return keyCustomer; }
    public Instant getReceivedAt() { return receivedAt; }
    public ComplaintChannel getChannel() { return channel; }
    public String getOrderNumber() { return orderNumber; }
    public String getBatchNo() { return batchNo; }
    public String getProduct() { return product; }
    public String getContent() { return content; }
    public String getRequestedRemedy() { return requestedRemedy; }
    public Long getSourceRequestId() { return sourceRequestId; }
    public ComplaintStatus getStatus() { return status; }
    public ComplaintCategory getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public Long getDepartmentId() { return departmentId; }
    public Long getHandlerId() { return handlerId; }
    public Long getConcernedEmployeeId() { return concernedEmployeeId; }
    public String getConcernedEmployeeName() { return concernedEmployeeName; }
    public Instant getPromisedReplyBy() { return promisedReplyBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public CauseCategory getCauseCategory() { return causeCategory; }
    public String getCauseAnalysis() { return causeAnalysis; }
    public Instant getInvestigatedAt() { return investigatedAt; }
    public String getInvestigatedBy() { return investigatedBy; }
    public Instant getFirstActionAt() { return firstActionAt; }
    public String getDecisionHow() { return decisionHow; }
    public Instant getDecisionAt() { return decisionAt; }
    public String getDecisionWhat() { return decisionWhat; }
    public String getVerifiedEarlyReason() { return verifiedEarlyReason; }

    public Verification getVerification() { return verification; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public String getVerifiedBy() { return verifiedBy; }
    public Instant getQualityConfirmedAt() { return qualityConfirmedAt; }
    public String getQualityConfirmedBy() { return qualityConfirmedBy; }
    public Instant getClosedAt() { return closedAt; }
    public Long getRepeatOfId() { return repeatOfId; }
    public long getReceivedBy() { return receivedBy; }
    public String getReceivedByName() { return receivedByName; }
    public Instant getAcknowledgeDueAt() { return acknowledgeDueAt; }
    public Instant getReplyDueAt() { return replyDueAt; }
    public Instant getResolveDueAt() { return resolveDueAt; }
    public Instant getAcknowledgeWarnAt() { return acknowledgeWarnAt; }
    public Instant getReplyWarnAt() { return replyWarnAt; }
    public Instant getResolveWarnAt() { return resolveWarnAt; }
    public long getVersion() { return version; }
    public List<ComplaintEvent> getEvents() { return events; }
    public List<CorrectiveAction> getActions() { return actions; }
    public List<ComplaintCapa> getCapas() { return capas; }
    public Instant getCapaReopenedAt() { return capaReopenedAt; }
    public String getCapaReopenNote() { return capaReopenNote; }
}
