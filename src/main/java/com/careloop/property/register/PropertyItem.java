package com.careloop.property.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.property.PropertyKind;
import com.careloop.property.PropertyStatus;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One line of the customer property register (顾客财产登记表 R-QP-005-04) as the steps of the procedure: registered on
 * receipt (验收: spec and quantity checked), marked permanently, stored, handed over to departments (the receiving
 * department signs), returned to the customer or scrapped. A returned or scrapped item takes no further step (409).
 */
@Entity
@Table(name = "customer_property")
public class PropertyItem implements Auditable {

    public static final String RECORD_TYPE = "customer-property";
    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long customerId;
    /** The customer's name at registration (CustomerDirectory), shown and searched without the customer module's table. */
    private String customerName;
    @Enumerated(EnumType.STRING)
    private PropertyKind kind;
    private String itemName;
    private String spec;
    @Column(precision = 14, scale = 3)
    private BigDecimal quantity;
    private String unit;
    private LocalDate receivedOn;
    private String receiverName;
    private String verification;
    private Boolean specChecked;
    private Boolean quantityChecked;
    private String verificationNote;
    private String inspectorName;
    private Instant verifiedAt;
    private String marking;
    private String storageLocation;
    private long owningDepartmentId;
    private long holderDepartmentId;
    private String handedSignedBy;
    private LocalDate handedOn;
    private boolean confidential;
    @Enumerated(EnumType.STRING)
    private PropertyStatus status;
    private LocalDate endedOn;
    private String remark;
    private Long registeredBy;
    private String registeredByName;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @ElementCollection
    @CollectionTable(name = "customer_property_access", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "department_id")
    private Set<Long> accessDepartments = new LinkedHashSet<>();
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyMovement> movements = new ArrayList<>();
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyFeedback> feedback = new ArrayList<>();
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyEvent> events = new ArrayList<>();
    private String designatedUse;
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyUseConsent> useConsents = new ArrayList<>();
    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyRevision> revisions = new ArrayList<>();

    protected PropertyItem() {
    }

    /** What an item is registered with, already resolved (departments, confidentiality). */
    public record Receipt(long customerId, String customerName, PropertyKind kind, String itemName, String spec, BigDecimal quantity,
                          String unit, LocalDate receivedOn, String receiverName, String marking,
                          String storageLocation, long owningDepartmentId, long holderDepartmentId,
                          long handToDepartmentId, boolean confidential, Set<Long> accessDepartmentIds,
                          String remark) {
    }

    /** Registers an item on receipt; quantity > 0, received date not in the future (company day {@code today}). */
    public static PropertyItem register(String code, Receipt in, Long byId, String byName, LocalDate today,
                                        Instant now) {
        Check.required("kind", in.kind());
        PropertyItem i = new PropertyItem();
        i.code = code;
        i.customerId = in.customerId();
        i.customerName = in.customerName();
        i.kind = in.kind();
        i.itemName = Check.text("itemName", in.itemName(), 200);
        i.spec = Check.optional("spec", in.spec(), 200);
        i.quantity = positive(in.quantity());
        i.unit = Check.text("unit", in.unit(), 20);
        i.receivedOn = Check.notFuture("receivedOn", in.receivedOn(), today);
        i.receiverName = Check.text("receiverName", in.receiverName(), 100);
        i.marking = Check.optional("marking", in.marking(), 200);
        if (i.marking == null && in.kind().needsPermanentMarking()) {
            // 001-E3: physical property carries a permanent ownership mark (steel stamp, plate, engraving)
            throw new InvalidInputException("marking", "permanent-marking-required",
                    Text.of("error.property.marking-required"));
        }
        i.storageLocation = Check.optional("storageLocation", in.storageLocation(), 200);
        i.owningDepartmentId = in.owningDepartmentId();
        i.holderDepartmentId = in.holderDepartmentId();
        i.confidential = in.confidential();
        if (in.accessDepartmentIds() != null) {
            i.accessDepartments.addAll(in.accessDepartmentIds());
        }
        i.remark = Check.optional("remark", in.remark(), 2000);
        i.status = PropertyStatus.HELD;
        i.registeredBy = byId;
        i.registeredByName = byName;
        i.createdAt = now;
        i.updatedAt = now;
        PropertyMovement received = new PropertyMovement(i, PropertyMovement.RECEIVED, null, i.holderDepartmentId,
                null, byName, now);
        received.sign(i.receiverName, byId, i.receivedOn, now);
        i.movements.add(received);
        i.event("REGISTERED", byName, now, Text.of("property.event.registered", i.itemName, i.quantity.toPlainString(),
                i.unit));
        if (in.handToDepartmentId() != i.holderDepartmentId) {
            // the receiving department (sales) hands it to the department that keeps it, which signs (转交部门签收)
            i.movements.add(new PropertyMovement(i, PropertyMovement.HAND_OVER, i.holderDepartmentId,
                    in.handToDepartmentId(), null, byName, now));
            i.event("HANDOVER_REQUESTED", byName, now, null);
        } else {
            i.handedOn = i.receivedOn;
            i.handedSignedBy = i.receiverName;
        }
        return i;
    }

    // ---- steps -------------------------------------------------------------------------------

    /**
     * The arrival verification (验收): spec and quantity checked, the result and the inspector. Once only. Returns
     * true when it failed — the caller then writes the feedback to the customer.
     */
    public boolean verify(Boolean specChecked, Boolean quantityChecked, Boolean passed, String inspector, String note,
                          String actor, Instant now) {
        requireState("verify", PropertyStatus.HELD);
        if (verification != null) {
            throw new DomainException("property.already-verified", Text.of("error.property.already-verified", code));
        }
        Check.required("verification.passed", passed);
        this.inspectorName = Check.text("verification.inspectorName", inspector, 100);
        this.verificationNote = Check.optional("verification.note", note, 2000);
        if (!passed && verificationNote == null) {
            throw new InvalidInputException("verification.note", "required-when-failed",
                    Text.of("error.property.failure-needs-note"));
        }
        this.specChecked = Boolean.TRUE.equals(specChecked);
        this.quantityChecked = Boolean.TRUE.equals(quantityChecked);
        if (passed && (!this.specChecked || !this.quantityChecked)) {
            throw new InvalidInputException("verification.passed", "checks-before-pass",
                    Text.of("error.property.pass-needs-checks"));
        }
        this.verification = passed ? PASSED : FAILED;
        this.verifiedAt = now;
        touch(now);
        event(passed ? "VERIFIED" : "VERIFICATION_FAILED", actor, now,
                verificationNote == null ? null : Text.literal(verificationNote));
        return !passed;
    }

    /** The feedback to the customer about a failed verification (供方质量跟踪反馈记录). */
    public PropertyFeedback sendFeedback(String feedbackCode, String actor, Instant now) {
        if (!FAILED.equals(verification)) {
            throw new DomainException("property.feedback-needs-failure", Text.of("error.property.feedback-needs-failure"));
        }
        PropertyFeedback f = new PropertyFeedback(this, feedbackCode, verificationNote, actor, now);
        feedback.add(f);
        event("FEEDBACK_SENT", actor, now, Text.literal(feedbackCode));
        touch(now);
        return f;
    }

    /** The customer's answer to a feedback, once. */
    public void answerFeedback(long feedbackId, String answer, LocalDate answeredOn, LocalDate today, String actor,
                               Instant now) {
        PropertyFeedback f = feedback.stream().filter(x -> x.getId() != null && x.getId() == feedbackId).findFirst()
                .orElseThrow(() -> new com.careloop.platform.NotFoundException("customer-property-feedback", feedbackId));
        if (f.isAnswered()) {
            throw new DomainException("property.feedback-answered", Text.of("error.property.feedback-answered",
                    f.getCode()));
        }
        String text = Check.text("answer", answer, 2000);
        LocalDate on = answeredOn == null ? today : Check.notFuture("answeredOn", answeredOn, today);
        f.answer(text, on, actor, now);
        event("FEEDBACK_ANSWERED", actor, now, Text.literal(text));
        touch(now);
    }

    /**
     * Hands the item over to another department; it moves when that department signs. One pending hand-over at a time.
     * Without a purpose (or with the designated one) the hand-over is for the designated use; for another purpose it
     * rests on a consent of the customer recorded on this item (004-C3: 422 naming {@code consentId} otherwise).
     */
    public PropertyMovement handOver(long toDepartmentId, String purpose, Long consentId, String note, String actor,
                                     Instant now) {
        requireState("hand over", PropertyStatus.HELD);
        if (pendingHandOver().isPresent()) {
            throw new DomainException("property.handover-pending", Text.of("error.property.handover-pending", code));
        }
        if (toDepartmentId == holderDepartmentId) {
            throw new InvalidInputException("toDepartmentId", "other-department",
                    Text.of("error.property.handover-same-department"));
        }
        String what = Check.optional("purpose", purpose, 500);
        boolean designated = what == null || designatedUse != null && what.equalsIgnoreCase(designatedUse.strip());
        PropertyUseConsent consent = consentId == null ? null : consent(consentId);
        if (!designated && consent == null) {
            throw new InvalidInputException("consentId", "consent-required",
                    Text.of("error.property.handover-consent-required", code, what));
        }
        PropertyMovement m = new PropertyMovement(this, PropertyMovement.HAND_OVER, holderDepartmentId, toDepartmentId,
                Check.optional("note", note, 2000), actor, now);
        m.forPurpose(designated ? null : what, designated ? null : consent.getId());
        movements.add(m);
        event("HANDOVER_REQUESTED", actor, now, designated ? null : Text.literal(what));
        if (!designated) {
            event("OTHER_USE", actor, now, Text.literal(consent.getPurpose() + " · " + what));
        }
        touch(now);
        return m;
    }

    // ---- designated use and the customer's consent (004-C3) ----------------------------------

    /**
     * The use agreed with the customer (用途): required for intellectual property and personal data (and whatever the
     * register form gives for the other kinds); a change is recorded in the history.
     */
    public void agreeDesignatedUse(String use, String actor, Instant now) {
        String agreed = Check.optional("designatedUse", use, 500);
        if (agreed == null && kind.needsDesignatedUse()) {
            throw new InvalidInputException("designatedUse", "designated-use-required",
                    Text.of("error.property.designated-use-required"));
        }
        if (java.util.Objects.equals(agreed, designatedUse)) {
            return;
        }
        this.designatedUse = agreed;
        event("DESIGNATED_USE", actor, now, agreed == null ? null : Text.literal(agreed));
        touch(now);
    }

    /** The customer's consent to another use: purpose, who of the customer, when (not in the future), reference. */
    public PropertyUseConsent recordUseConsent(String purpose, String consentedBy, LocalDate consentedOn,
                                               String reference, LocalDate today, String actor, Instant now) {
        requireState("record a consent", PropertyStatus.HELD);
        PropertyUseConsent c = new PropertyUseConsent(this, Check.text("purpose", purpose, 500),
                Check.text("consentedBy", consentedBy, 100), Check.notFuture("consentedOn", consentedOn, today),
                Check.optional("reference", reference, 200), actor, now);
        useConsents.add(c);
        event("USE_CONSENT", actor, now, Text.literal(c.getPurpose()));
        touch(now);
        return c;
    }

    /**
     * The item is used or handed out for a purpose other than the designated use: only against a consent of the
     * customer recorded on this item (422 naming {@code consentId} otherwise); the history says which.
     */
    public PropertyUseConsent useForOtherPurpose(Long consentId, String note, String actor, Instant now) {
        requireState("use for another purpose", PropertyStatus.HELD);
        PropertyUseConsent consent = consentId == null ? null : consent(consentId);
        if (consent == null) {
            throw new InvalidInputException("consentId", "consent-required",
                    Text.of("error.property.consent-required", code));
        }
        String n = Check.optional("note", note, 2000);
        event("OTHER_USE", actor, now, Text.literal(consent.getPurpose() + (n == null ? "" : " · " + n)));
        touch(now);
        return consent;
    }

    /** A consent recorded on this item; one of another item (or none) -> 422 naming {@code consentId}. */
    private PropertyUseConsent consent(long consentId) {
        return useConsents.stream().filter(c -> c.getId() != null && c.getId() == consentId).findFirst()
                .orElseThrow(() -> new InvalidInputException("consentId", "consent-required",
                        Text.of("error.property.consent-required", code)));
    }

    // ---- customer documents as controlled documents (004-C4) ---------------------------------

    /**
     * A revision of a customer's drawing or specification arrives: the revision (unique per item), its date of issue,
     * the day it arrived (neither in the future) and the departments holding a copy. It becomes the one in use; the
     * earlier one is kept, superseded (作废) from that day.
     */
    public PropertyRevision receiveRevision(String revision, LocalDate issuedOn, LocalDate receivedOn,
                                            List<Long> distribution, LocalDate today, String actor, Instant now) {
        requireState("receive a revision", PropertyStatus.HELD);
        if (!kind.controlledDocument()) {
            throw new DomainException("property.not-a-document", Text.of("error.property.not-a-document", code,
                    Text.label("property.enum.PropertyKind", kind)));
        }
        String rev = Check.text("revision", revision, 50);
        if (revisions.stream().anyMatch(r -> r.getRevision().equalsIgnoreCase(rev))) {
            throw new InvalidInputException("revision", "unique", Text.of("error.property.revision-exists", rev, code));
        }
        LocalDate issued = Check.notFuture("issuedOn", issuedOn, today);
        LocalDate received = Check.notFuture("receivedOn", receivedOn == null ? today : receivedOn, today);
        if (received.isBefore(issued)) {
            throw new InvalidInputException("receivedOn", "not-before-issue", Text.of(
                    "error.property.received-before-issue", received.toString(), issued.toString()));
        }
        List<Long> copies = distribution == null ? List.of()
                : distribution.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (copies.size() > MAX_COPIES) {
            throw new InvalidInputException("distributionDepartmentIds", "max-size",
                    Text.of("error.property.too-long", "distributionDepartmentIds", MAX_COPIES));
        }
        // the one in use before is superseded (作废) from the day this one arrived; its holders return their copies
        currentRevision().ifPresent(r -> r.supersede(received, now));
        PropertyRevision r = new PropertyRevision(this, rev, issued, received, copies, actor, now);
        revisions.add(r);
        event("REVISION_RECEIVED", actor, now, Text.literal(rev));
        touch(now);
        return r;
    }

    /** The most departments one revision is distributed to. */
    static final int MAX_COPIES = 40;

    /**
     * A revision is withdrawn (作废/收回, ISO 9001 7.5.3): a superseded one or a wrong one in use, with a reason; every
     * department holding a copy is to confirm it returned or destroyed it. Once (409); the reason is required (422).
     */
    public PropertyRevision withdrawRevision(long revisionId, String reason, LocalDate today, String actor,
                                             Instant now) {
        PropertyRevision r = revision(revisionId);
        if (r.isWithdrawn()) {
            throw new DomainException("property.revision-withdrawn", Text.of("error.property.revision-withdrawn",
                    r.getRevision(), code));
        }
        r.withdraw(Check.text("reason", reason, 500), today, actor, now);
        event("REVISION_WITHDRAWN", actor, now, Text.literal(r.getRevision() + " · " + r.getWithdrawnReason()));
        touch(now);
        return r;
    }

    /**
     * The revision in use goes to more departments; each new one is to confirm its receipt. A superseded or withdrawn
     * revision is not distributed again (409). Returns the departments new to the distribution.
     */
    public List<Long> distributeRevision(long revisionId, List<Long> departments, String actor, Instant now) {
        requireState("distribute a revision", PropertyStatus.HELD);
        PropertyRevision r = revision(revisionId);
        if (!r.isCurrent()) {
            throw new DomainException("property.revision-not-current", Text.of("error.property.revision-not-current",
                    r.getRevision(), code));
        }
        List<Long> to = departments == null ? List.of()
                : departments.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (to.isEmpty()) {
            throw new InvalidInputException("departmentIds", "required", Text.of("error.property.required",
                    "departmentIds"));
        }
        List<Long> added = to.stream().filter(d -> !r.getDistribution().contains(d)).toList();
        if (r.getDistribution().size() + added.size() > MAX_COPIES) {
            throw new InvalidInputException("departmentIds", "max-size",
                    Text.of("error.property.too-long", "departmentIds", MAX_COPIES));
        }
        r.distribute(added, now);
        if (!added.isEmpty()) {
            event("REVISION_DISTRIBUTED", actor, now, Text.literal(r.getRevision()));
            touch(now);
        }
        return added;
    }

    /**
     * A member of the department confirms its copy: received, or returned/destroyed. Once (409). Whether the person
     * belongs to the department is the caller's check (403).
     */
    public PropertyCopyAck confirmCopy(long revisionId, long ackId, long byId, String byName, String note,
                                       Instant now) {
        PropertyCopyAck a = revision(revisionId).getAcks().stream().filter(x -> x.getId() != null && x.getId() == ackId)
                .findFirst().orElseThrow(() -> new com.careloop.platform.NotFoundException(
                        "customer-property-copy-ack", ackId));
        a.confirm(byId, byName, Check.optional("note", note, 500), now);
        event(PropertyCopyAck.RECEIPT.equals(a.getKind()) ? "COPY_RECEIVED" : "COPY_RETURNED", byName, now,
                Text.literal(a.getRevision().getRevision()));
        touch(now);
        return a;
    }

    private PropertyRevision revision(long revisionId) {
        return revisions.stream().filter(r -> r.getId() != null && r.getId() == revisionId).findFirst()
                .orElseThrow(() -> new com.careloop.platform.NotFoundException("customer-property-revision",
                        revisionId));
    }

    /** The revision in use: the one not superseded. */
    public Optional<PropertyRevision> currentRevision() {
        return revisions.stream().filter(PropertyRevision::isCurrent).findFirst();
    }

    /** The receiving department signs (转交部门签收): the item is now there. */
    public void signHandOver(long movementId, String signer, Long signerId, String storageLocation, LocalDate today,
                             Instant now) {
        requireState("sign the hand-over", PropertyStatus.HELD);
        PropertyMovement m = pendingHandOver().filter(p -> p.getId() != null && p.getId() == movementId)
                .orElseThrow(() -> new DomainException("property.no-pending-handover",
                        Text.of("error.property.no-pending-handover", code)));
        m.sign(signer, signerId, today, now);
        this.holderDepartmentId = m.getToDepartmentId();
        this.handedSignedBy = signer;
        this.handedOn = today;
        String location = Check.optional("storageLocation", storageLocation, 200);
        if (location != null) {
            this.storageLocation = location;
        }
        event("HANDOVER_SIGNED", signer, now, null);
        touch(now);
    }

    /** Returned to the customer (signed by who hands it back). */
    public void returnToCustomer(LocalDate on, String note, String actor, Long actorId, LocalDate today, Instant now) {
        end(PropertyStatus.RETURNED, PropertyMovement.RETURN, "RETURNED", on, note, actor, actorId, today, now);
    }

    /** Scrapped (with the customer's consent, named in the note). */
    public void scrap(LocalDate on, String note, String actor, Long actorId, LocalDate today, Instant now) {
        Check.required("note", note);
        end(PropertyStatus.SCRAPPED, PropertyMovement.SCRAP, "SCRAPPED", on, note, actor, actorId, today, now);
    }

    private void end(PropertyStatus to, String movement, String eventKind, LocalDate on, String note, String actor,
                     Long actorId, LocalDate today, Instant now) {
        requireState(to == PropertyStatus.RETURNED ? "return" : "scrap", PropertyStatus.HELD);
        LocalDate day = on == null ? today : Check.notFuture("on", on, today);
        String text = Check.optional("note", note, 2000);
        pendingHandOver().ifPresent(p -> movements.remove(p));
        PropertyMovement m = new PropertyMovement(this, movement, holderDepartmentId, null, text, actor, now);
        m.sign(actor, actorId, day, now);
        movements.add(m);
        this.status = to;
        this.endedOn = day;
        event(eventKind, actor, now, text == null ? null : Text.literal(text));
        touch(now);
    }

    /** An inspection or a problem report needs the item still here (returned or scrapped -> 409). */
    public void requireHeld(String step) {
        requireState(step, PropertyStatus.HELD);
    }

    public void inspected(String actor, Instant now, Text note) {
        event("INSPECTED", actor, now, note);
        touch(now);
    }

    public void fileAdded(String fileName, String actor, Instant now) {
        event("FILE_ADDED", actor, now, Text.literal(fileName));
        touch(now);
    }

    public void problemReported(String problemCode, String actor, Instant now) {
        event("PROBLEM_REPORTED", actor, now, Text.literal(problemCode));
        touch(now);
    }

    public void decisionRecorded(String problemCode, String decision, String actor, Instant now) {
        event("DECISION_RECORDED", actor, now, Text.of("property.event.decision", problemCode,
                Text.label("property.enum.CustomerDecision", decision)));
        touch(now);
    }

    public Optional<PropertyMovement> pendingHandOver() {
        return movements.stream().filter(m -> PropertyMovement.HAND_OVER.equals(m.getKind()) && m.isPending())
                .findFirst();
    }

    /** Who may see the item when it is confidential: its owning and holding department and the named ones. */
    public boolean visibleToDepartment(Long departmentId) {
        return !confidential || departmentId != null && (departmentId == owningDepartmentId
                || departmentId == holderDepartmentId || accessDepartments.contains(departmentId));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static BigDecimal positive(BigDecimal q) {
        Check.required("quantity", q);
        if (q.signum() <= 0) {
            throw new InvalidInputException("quantity", "positive", Text.of("error.property.quantity-positive",
                    q.toPlainString()));
        }
        if (q.scale() > 3 || q.precision() - q.scale() > 11) {
            throw new InvalidInputException("quantity", "format", Text.of("error.property.quantity-format"));
        }
        return q;
    }

    private void requireState(String step, PropertyStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("property.state", Text.of("error.property.state", code,
                    Text.label("property.enum.PropertyStatus", status)), Map.of("status", status.name(), "step", step));
        }
    }

    private void event(String kind, String actor, Instant now, Text note) {
        events.add(new PropertyEvent(this, kind, actor, now, note));
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("customerId", customerId);
        m.put("kind", kind);
        m.put("itemName", itemName);
        m.put("spec", spec);
        m.put("quantity", quantity == null ? null : quantity.stripTrailingZeros().toPlainString());
        m.put("unit", unit);
        m.put("receivedOn", receivedOn);
        m.put("receiverName", receiverName);
        m.put("verification", verification);
        m.put("inspectorName", inspectorName);
        m.put("marking", marking);
        m.put("storageLocation", storageLocation);
        m.put("owningDepartmentId", owningDepartmentId);
        m.put("holderDepartmentId", holderDepartmentId);
        m.put("handedSignedBy", handedSignedBy);
        m.put("handedOn", handedOn);
        m.put("confidential", confidential);
        m.put("accessDepartments", accessDepartments.isEmpty() ? null : List.copyOf(accessDepartments).toString());
        m.put("status", status);
        m.put("endedOn", endedOn);
        m.put("pendingHandOverTo", pendingHandOver().map(PropertyMovement::getToDepartmentId).orElse(null));
        m.put("designatedUse", designatedUse);
        m.put("useConsents", useConsents.size());
        m.put("currentRevision", currentRevision().map(PropertyRevision::getRevision).orElse(null));
        m.put("feedbackAnswered", feedback.stream().filter(PropertyFeedback::isAnswered).count());
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public PropertyKind getKind() { return kind; }
    public String getItemName() { return itemName; }
    public String getSpec() { return spec; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public String getReceiverName() { return receiverName; }
    public String getVerification() { return verification; }
    public Boolean getSpecChecked() { return specChecked; }
    public Boolean getQuantityChecked() { return quantityChecked; }
    public String getVerificationNote() { return verificationNote; }
    public String getInspectorName() { return inspectorName; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public String getMarking() { return marking; }
    public String getStorageLocation() { return storageLocation; }
    public long getOwningDepartmentId() { return owningDepartmentId; }
    public long getHolderDepartmentId() { return holderDepartmentId; }
    public String getHandedSignedBy() { return handedSignedBy; }
    public LocalDate getHandedOn() { return handedOn; }
    public boolean isConfidential() { return confidential; }
    public Set<Long> getAccessDepartments() { return accessDepartments; }
    public PropertyStatus getStatus() { return status; }
    public LocalDate getEndedOn() { return endedOn; }
    public String getRemark() { return remark; }
    public Long getRegisteredBy() { return registeredBy; }
    public String getRegisteredByName() { return registeredByName; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public List<PropertyMovement> getMovements() { return movements; }
    public List<PropertyFeedback> getFeedback() { return feedback; }
    public List<PropertyEvent> getEvents() { return events; }
    public String getDesignatedUse() { return designatedUse; }
    public List<PropertyUseConsent> getUseConsents() { return useConsents; }
    public List<PropertyRevision> getRevisions() { return revisions; }
}
