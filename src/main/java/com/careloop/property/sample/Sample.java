package com.careloop.property.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.property.SampleStatus;
import com.careloop.property.register.Check;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

/**
 * A sample as the procedure runs it (002-B5…B7, 001-B8/B9): sales issue the sample production notice
 * (样品生产通知单); production accepts it or raises inability early; production makes it and records the parameters;
 * quality issues the sample inspection report (样品检查报告, numbered) — a failure sends it back to production as the
 * next round; sales send a passed sample (样品发送登记表) and record the customer's confirmation — a rejection opens the
 * next round with the reason, an approval lets the sample be sealed as the master sample (封样). Each step is allowed
 * only in its status (else 409 {@code sample.state}); dispatching a sample without a passed inspection is 409
 * {@code sample.not-passed}.
 */
@Entity
@Table(name = "sample")
public class Sample implements Auditable {

    public static final String RECORD_TYPE = "sample";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long customerId;
    /** The customer's name at issue (CustomerDirectory), shown and searched without the customer module's table. */
    private String customerName;
    private String itemName;
    private String spec;
    @Column(precision = 14, scale = 3)
    private BigDecimal quantity;
    private String unit;
    private LocalDate requiredOn;
    private String requirements;
    private Long salespersonId;
    private String salespersonName;
    private Long salesDepartmentId;
    private long productionDepartmentId;
    private long qualityDepartmentId;
    @Enumerated(EnumType.STRING)
    private SampleStatus status;
    private int roundNo;
    private String inabilityReason;
    private String sealedLocation;
    private LocalDate sealedUntil;
    private String sealedBy;
    private LocalDate sealedOn;
    private Long keepingDepartmentId;
    private String keepDecision;
    private String keepDecidedBy;
    private Instant keepDecidedAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "sample", cascade = CascadeType.ALL)
    @OrderBy("roundNo")
    private List<SampleRound> rounds = new ArrayList<>();
    @OneToMany(mappedBy = "sample", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<SampleEvent> events = new ArrayList<>();

    protected Sample() {
    }

    /** What a notice is issued with, already checked against the other modules (customer, departments). */
    public record Notice(long customerId, String customerName, String itemName, String spec, BigDecimal quantity, String unit,
                         LocalDate requiredOn, String requirements, Long salespersonId, String salespersonName,
                         Long salesDepartmentId, long productionDepartmentId, long qualityDepartmentId) {
    }

    /** One measured characteristic as entered. */
    public record Line(String characteristic, String requirement, String measured, Boolean ok) {
    }

    /**
     * Issues the notice: quantity > 0, required date today or later (company day {@code today}). The number is
     * drawn only after the input is valid.
     */
    public static Sample request(Supplier<String> number, Notice in, String actor, LocalDate today, Instant now) {
        Sample s = new Sample();
        s.customerId = in.customerId();
        s.customerName = in.customerName();
        s.itemName = Check.text("itemName", in.itemName(), 200);
        s.spec = Check.optional("spec", in.spec(), 200);
        s.quantity = positive("quantity", in.quantity());
        s.unit = Check.text("unit", in.unit(), 20);
        Check.required("requiredOn", in.requiredOn());
        if (in.requiredOn().isBefore(today)) {
            throw new InvalidInputException("requiredOn", "not-in-past", Text.of("error.sample.required-in-past",
                    in.requiredOn().toString(), today.toString()));
        }
        s.requiredOn = in.requiredOn();
        s.requirements = Check.optional("requirements", in.requirements(), 2000);
        s.salespersonId = in.salespersonId();
        s.salespersonName = Check.text("salesperson", in.salespersonName(), 100);
        s.salesDepartmentId = in.salesDepartmentId();
        s.productionDepartmentId = in.productionDepartmentId();
        s.qualityDepartmentId = in.qualityDepartmentId();
        s.status = SampleStatus.REQUESTED;
        s.roundNo = 1;
        s.rounds.add(new SampleRound(s, 1, null));
        s.createdAt = now;
        s.updatedAt = now;
        s.code = number.get();
        s.event("REQUESTED", actor, now, null);
        return s;
    }

    /** Production accepts the notice. */
    public void accept(String actor, Instant now) {
        require("accept", SampleStatus.REQUESTED);
        status = SampleStatus.IN_PRODUCTION;
        event("ACCEPTED", actor, now, null);
        touch(now);
    }

    /** Production cannot make it (early, before it is made), with the reason. */
    public void decline(String reason, String actor, Instant now) {
        require("decline", SampleStatus.REQUESTED, SampleStatus.IN_PRODUCTION);
        inabilityReason = Check.text("reason", reason, 2000);
        status = SampleStatus.UNABLE;
        event("DECLINED", actor, now, Text.literal(inabilityReason));
        touch(now);
    }

    /** Production records the making of the current round: parameters, made date (not in the future), quantity. */
    public void make(String parameters, LocalDate madeOn, BigDecimal quantityMade, String actor, LocalDate today,
                     Instant now) {
        require("make", SampleStatus.IN_PRODUCTION);
        String p = Check.text("parameters", parameters, 4000);
        LocalDate on = madeOn == null ? today : Check.notFuture("madeOn", madeOn, today);
        BigDecimal q = positive("quantityMade", quantityMade);
        current().made(p, on, q, actor);
        status = SampleStatus.MADE;
        event("MADE", actor, now, Text.of("sample.event.round", roundNo));
        touch(now);
    }

    /**
     * Quality's inspection report of the current round (numbered by {@code number} once the input is valid): passed
     * only when every measurement is OK; a failure sends the sample back to production as the next round.
     */
    public String inspect(Supplier<String> number, Boolean passed, List<Line> lines, String inspector,
                          LocalDate inspectedOn, String note, String actor, LocalDate today, Instant now) {
        require("inspect", SampleStatus.MADE);
        Check.required("passed", passed);
        List<SampleMeasurement> measured = new ArrayList<>();
        int n = 0;
        for (Line l : lines == null ? List.<Line>of() : lines) {
            String field = "measurements[" + n++ + "]";
            if (l == null) {
                continue;
            }
            Check.required(field + ".ok", l.ok());
            measured.add(new SampleMeasurement(Check.text(field + ".characteristic", l.characteristic(), 200),
                    Check.optional(field + ".requirement", l.requirement(), 200),
                    Check.optional(field + ".measured", l.measured(), 200), l.ok()));
        }
        if (passed && measured.stream().anyMatch(m -> !m.isOk())) {
            throw new InvalidInputException("passed", "no-ng-when-passed", Text.of("error.sample.ng-but-passed"));
        }
        String name = Check.text("inspectorName", inspector, 100);
        LocalDate on = inspectedOn == null ? today : Check.notFuture("inspectedOn", inspectedOn, today);
        String text = Check.optional("note", note, 2000);
        if (!passed && text == null) {
            throw new InvalidInputException("note", "required-when-failed", Text.of("error.sample.failure-needs-note"));
        }
        String code = number.get();
        current().inspected(code, passed, measured, name, on, text);
        event(passed ? "INSPECTED_PASSED" : "INSPECTED_FAILED", actor, now, Text.literal(code));
        if (passed) {
            status = SampleStatus.PASSED;
        } else {
            nextRound(code + ": " + text, actor, now);
        }
        touch(now);
        return code;
    }

    /** Sales send a passed sample (样品发送登记表); without a passed inspection report it is refused (409). */
    public void dispatch(LocalDate receivedOn, BigDecimal quantitySent, LocalDate sentOn, String courier,
                         String trackingNo, String remark, String actor, LocalDate today, Instant now) {
        if (status != SampleStatus.PASSED) {
            throw new DomainException("sample.not-passed", Text.of("error.sample.not-passed", code, roundNo),
                    Map.of("status", status.name(), "step", "dispatch"));
        }
        SampleRound r = current();
        BigDecimal q = positive("quantitySent", quantitySent);
        LocalDate sent = sentOn == null ? today : Check.notFuture("sentOn", sentOn, today);
        LocalDate received = receivedOn == null ? r.getInspectedOn() : Check.notFuture("receivedOn", receivedOn, today);
        r.dispatched(received, q, sent, Check.optional("courier", courier, 100),
                Check.optional("trackingNo", trackingNo, 100), Check.optional("remark", remark, 2000), actor);
        status = SampleStatus.SENT;
        event("SENT", actor, now, trackingNo == null ? null : Text.literal(trackingNo));
        touch(now);
    }

    /**
     * The customer's answer to the sample sent (by sales or through the personal link): approved, or rejected with the
     * reason — then the notice goes back to production as the next round.
     */
    public void confirm(Boolean approved, String note, LocalDate confirmedOn, String via, String actor,
                        LocalDate today, Instant now) {
        require("confirm", SampleStatus.SENT);
        Check.required("approved", approved);
        String text = Check.optional("note", note, 2000);
        if (!approved && text == null) {
            throw new InvalidInputException("note", "required-when-rejected",
                    Text.of("error.sample.rejection-needs-reason"));
        }
        LocalDate on = confirmedOn == null ? today : Check.notFuture("confirmedOn", confirmedOn, today);
        current().confirmed(approved, on, text, Check.text("via", via, 10));
        if (approved) {
            status = SampleStatus.APPROVED;
            event("APPROVED", actor, now, text == null ? null : Text.literal(text));
        } else {
            event("REJECTED", actor, now, Text.literal(text));
            nextRound(text, actor, now);
        }
        touch(now);
    }

    /**
     * The approved sample is sealed as the master sample (封样): location, keep-until date after today, the department
     * that keeps it (reminded 30 days before the keep period ends).
     */
    public void seal(String location, LocalDate keepUntil, long keepingDepartment, String actor, LocalDate today,
                     Instant now) {
        require("seal", SampleStatus.APPROVED);
        sealedLocation = Check.text("location", location, 200);
        sealedUntil = keepUntilAfter(keepUntil, today);
        keepingDepartmentId = keepingDepartment;
        sealedBy = actor;
        sealedOn = today;
        status = SampleStatus.SEALED;
        event("SEALED", actor, now, Text.literal(sealedLocation));
        touch(now);
    }

    /** The keeping department extends the keep period of the sealed sample: a new keep-until date, later than now. */
    public void extendKeep(LocalDate keepUntil, String note, String actor, LocalDate today, Instant now) {
        require("keep", SampleStatus.SEALED);
        LocalDate until = keepUntilAfter(keepUntil, today);
        if (!until.isAfter(sealedUntil)) {
            throw new InvalidInputException("keepUntil", "after-current", Text.of("error.sample.keep-extend",
                    until.toString(), sealedUntil.toString()));
        }
        String text = Check.optional("note", note, 2000);
        sealedUntil = until;
        decided("EXTENDED", actor, now);
        event("KEEP_EXTENDED", actor, now, Text.of("sample.event.keep", until.toString(), text == null ? "" : text));
    }

    /** The keeping department seals the sample anew (重新封样): a fresh seal with its location and keep-until date. */
    public void reseal(String location, LocalDate keepUntil, String note, String actor, LocalDate today, Instant now) {
        require("keep", SampleStatus.SEALED);
        String where = Check.text("location", location, 200);
        LocalDate until = keepUntilAfter(keepUntil, today);
        String text = Check.optional("note", note, 2000);
        sealedLocation = where;
        sealedUntil = until;
        sealedBy = actor;
        sealedOn = today;
        decided("RESEALED", actor, now);
        event("RESEALED", actor, now, Text.of("sample.event.keep", until.toString(), where
                + (text == null ? "" : " · " + text)));
    }

    /** The keeping department disposes of the sealed sample (how, in the note): it is no longer the reference. */
    public void dispose(String note, String actor, Instant now) {
        require("keep", SampleStatus.SEALED);
        String text = Check.text("note", note, 2000);
        status = SampleStatus.DISPOSED;
        decided("DISPOSED", actor, now);
        event("DISPOSED", actor, now, Text.literal(text));
    }

    private void decided(String decision, String actor, Instant now) {
        keepDecision = decision;
        keepDecidedBy = actor;
        keepDecidedAt = now;
        touch(now);
    }

    private LocalDate keepUntilAfter(LocalDate keepUntil, LocalDate today) {
        Check.required("keepUntil", keepUntil);
        if (!keepUntil.isAfter(today)) {
            throw new InvalidInputException("keepUntil", "after-today", Text.of("error.sample.keep-until",
                    keepUntil.toString()));
        }
        return keepUntil;
    }

    /** The customer's link is given only for a sample with the customer. */
    public void requireSent(String step) {
        require(step, SampleStatus.SENT);
    }

    /** Records that the customer's personal link was issued or mailed. */
    public void noted(String kind, String actor, Instant now, Text note) {
        event(kind, actor, now, note);
        touch(now);
    }

    private void nextRound(String reason, String actor, Instant now) {
        roundNo++;
        rounds.add(new SampleRound(this, roundNo, reason));
        status = SampleStatus.IN_PRODUCTION;
        event("REMAKE", actor, now, Text.of("sample.event.remake", roundNo));
    }

    public SampleRound current() {
        return rounds.stream().filter(r -> r.getRoundNo() == roundNo).findFirst().orElseThrow();
    }

    private void require(String step, SampleStatus... allowed) {
        for (SampleStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new DomainException("sample.state", Text.of("error.sample.state", code,
                Text.label("sample.enum.SampleStatus", status)), Map.of("status", status.name(), "step", step));
    }

    private static BigDecimal positive(String field, BigDecimal q) {
        Check.required(field, q);
        if (q.signum() <= 0) {
            throw new InvalidInputException(field, "positive", Text.of("error.property.quantity-positive",
                    q.toPlainString()));
        }
        if (q.scale() > 3 || q.precision() - q.scale() > 11) {
            throw new InvalidInputException(field, "format", Text.of("error.property.quantity-format"));
        }
        return q;
    }

    private void event(String kind, String actor, Instant now, Text note) {
        events.add(new SampleEvent(this, kind, actor, now, note));
    }

    private void touch(Instant now) {
        updatedAt = now;
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
        m.put("itemName", itemName);
        m.put("spec", spec);
        m.put("quantity", quantity == null ? null : quantity.toPlainString());
        m.put("requiredOn", requiredOn);
        m.put("status", status == null ? null : status.name());
        m.put("round", roundNo);
        m.put("inabilityReason", inabilityReason);
        SampleRound r = rounds.isEmpty() ? null : current();
        if (r != null) {
            m.put("madeOn", r.getMadeOn());
            m.put("inspectionCode", r.getInspectionCode());
            m.put("inspectionPassed", r.getInspectionPassed());
            m.put("sentOn", r.getSentOn());
            m.put("trackingNo", r.getTrackingNo());
            m.put("confirmation", r.getConfirmation());
        }
        m.put("sealedLocation", sealedLocation);
        m.put("sealedUntil", sealedUntil);
        m.put("keepingDepartmentId", keepingDepartmentId);
        m.put("keepDecision", keepDecision);
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getItemName() { return itemName; }
    public String getSpec() { return spec; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
    public LocalDate getRequiredOn() { return requiredOn; }
    public String getRequirements() { return requirements; }
    public Long getSalespersonId() { return salespersonId; }
    public String getSalespersonName() { return salespersonName; }
    public Long getSalesDepartmentId() { return salesDepartmentId; }
    public long getProductionDepartmentId() { return productionDepartmentId; }
    public long getQualityDepartmentId() { return qualityDepartmentId; }
    public SampleStatus getStatus() { return status; }
    public int getRoundNo() { return roundNo; }
    public String getInabilityReason() { return inabilityReason; }
    public String getSealedLocation() { return sealedLocation; }
    public LocalDate getSealedUntil() { return sealedUntil; }
    public String getSealedBy() { return sealedBy; }
    public LocalDate getSealedOn() { return sealedOn; }
    public Long getKeepingDepartmentId() { return keepingDepartmentId; }
    public String getKeepDecision() { return keepDecision; }
    public String getKeepDecidedBy() { return keepDecidedBy; }
    public Instant getKeepDecidedAt() { return keepDecidedAt; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public List<SampleRound> getRounds() { return rounds; }
    public List<SampleEvent> getEvents() { return events; }
}
