package com.careloop.contract.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractSource;
import com.careloop.contract.ContractStatus;
import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.contract.ReviewOutcome;
import com.careloop.contract.ReviewStage;
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

/**
 * A contract or order under review, as the steps of procedure R-QP-005: registered with its lines (amounts computed
 * exactly, CNY, 2 decimals) → submitted for countersign (会签; a repeat order of an unchanged product goes straight
 * to confirmation) → the sales manager's outcome A / B / C (A refused while an inconsistency is open; B sends it back
 * to be clarified and submitted again) → the general manager for a major contract → accepted, then production,
 * delivery and closure in the register. Every step checks the current stage and refuses what the procedure forbids
 * (409 naming the stage).
 */
@Entity
@Table(name = "contract")
public class Contract implements Auditable {

    public static final String RECORD_TYPE = "contract";
    public static final String CURRENCY = "CNY";
    static final int MAX_LINES = 200;

    /** How the countersign ended. */
    public enum Countersign { APPROVED, REJECTED, WITHDRAWN, NOT_NEEDED }

    /** The chain of a regular contract in stock: one step, the warehouse keeper (position WAREHOUSE_KEEPER, V162). */
    public static final String IN_STOCK_CHAIN = "contract.REGULAR_IN_STOCK";

    /** Who does a step: id and display name. */
    public record Actor(long id, String name) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private String reviewNumber;
    private long customerId;
    private String customerName;
    private String customerNumber;
    @Enumerated(EnumType.STRING)
    private ContractSource source;
    @Enumerated(EnumType.STRING)
    private ContractClass contractClass;
    /** A regular contract whose goods are in stock (seed 001-C4): the warehouse keeper's signature is the review. */
    private boolean inStock;
    private LocalDate orderDate;
    private LocalDate deliveryDate;
    private String paymentTerms;
    private String specialRequirements;
    private long salespersonId;
    private String salespersonName;
    private Long departmentId;
    private String region;
    private BigDecimal totalAmount;
    private String currency;
    private boolean major;
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    @Enumerated(EnumType.STRING)
    private ReviewStage reviewStage;
    private String countersignResult;
    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;
    private String outcomeComment;
    private Long outcomeBy;
    private String outcomeByName;
    private Instant outcomeAt;
    private String gmByName;
    private Instant gmAt;
    private long registeredBy;
    private String registeredByName;
    private Instant registeredAt;
    private Instant submittedAt;
    private Instant acceptedAt;
    private int revision = 1;
    private String endReason;
    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<ContractLine> lines = new ArrayList<>();
    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ContractInconsistency> inconsistencies = new ArrayList<>();
    @Version
    private long version;

    protected Contract() {
    }

    /**
     * A new contract in the register (status UNDER_REVIEW, stage REGISTERED) after checking what the form must hold:
     * customer, source, class, dates (delivery not before the order date), at least one line, each with a product, a
     * unit, a quantity above zero (≤ 3 decimals) and a unit price of at least zero with at most 2 decimals. Each line's
     * amount is quantity × unit price rounded half-up to fen; the total is their sum. Refusals name the field (422).
     */
    public static Contract register(String number, ContractCommands.Register cmd, String customerName, Actor salesperson,
                             Long departmentId, Actor registeredBy, Instant now) {
        if (cmd.customerId() == null) {
            throw required("customerId");
        }
        if (cmd.source() == null) {
            throw required("source");
        }
        if (cmd.contractClass() == null) {
            throw required("contractClass");
        }
        if (cmd.orderDate() == null) {
            throw required("orderDate");
        }
        if (cmd.deliveryDate() == null) {
            throw required("deliveryDate");
        }
        if (cmd.deliveryDate().isBefore(cmd.orderDate())) {
            throw new InvalidInputException("deliveryDate", "before-order-date", Text.of(
                    "error.contract.delivery-before-order", Text.Arg.date(cmd.deliveryDate()),
                    Text.Arg.date(cmd.orderDate())));
        }
        if (cmd.lines() == null || cmd.lines().isEmpty()) {
            throw new InvalidInputException("lines", "required", Text.of("error.contract.lines-required"));
        }
        if (cmd.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", "max-size", Text.of("error.contract.too-many-lines", MAX_LINES));
        }
        if (Boolean.TRUE.equals(cmd.inStock()) && cmd.contractClass() != ContractClass.REGULAR) {
            throw new InvalidInputException("inStock", "regular-only", Text.of("error.contract.in-stock-regular-only"));
        }
        Contract c = new Contract();
        c.number = number;
        c.inStock = Boolean.TRUE.equals(cmd.inStock());
        c.customerId = cmd.customerId();
        c.customerName = customerName;
        c.customerNumber = clip("customerNumber", cmd.customerNumber(), 60);
        c.source = cmd.source();
        c.contractClass = cmd.contractClass();
        c.orderDate = cmd.orderDate();
        c.deliveryDate = cmd.deliveryDate();
        c.paymentTerms = clip("paymentTerms", cmd.paymentTerms(), 500);
        c.specialRequirements = clip("specialRequirements", cmd.specialRequirements(), 4000);
        c.salespersonId = salesperson.id();
        c.salespersonName = salesperson.name();
        c.departmentId = departmentId;
        c.region = clip("region", cmd.region(), 100);
        c.currency = CURRENCY;
        c.status = ContractStatus.UNDER_REVIEW;
        c.reviewStage = ReviewStage.REGISTERED;
        c.registeredBy = registeredBy.id();
        c.registeredByName = registeredBy.name();
        c.registeredAt = now;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < cmd.lines().size(); i++) {
            ContractLine line = line(c, i, cmd.lines().get(i));
            c.lines.add(line);
            total = total.add(line.getAmount());
        }
        c.totalAmount = total;
        return c;
    }

    private static ContractLine line(Contract c, int i, ContractCommands.Line l) {
        String at = "lines[" + i + "]";
        if (l == null) {
            throw required(at);
        }
        String product = clip(at + ".product", l.product(), 200);
        if (product == null) {
            throw required(at + ".product");
        }
        String unit = clip(at + ".unit", l.unit(), 20);
        if (unit == null) {
            throw required(at + ".unit");
        }
        if (l.quantity() == null) {
            throw required(at + ".quantity");
        }
        if (l.quantity().signum() <= 0) {
            throw new InvalidInputException(at + ".quantity", "positive", Text.of("error.contract.quantity-positive"));
        }
        if (l.quantity().stripTrailingZeros().scale() > 3) {
            throw new InvalidInputException(at + ".quantity", "scale", Text.of("error.contract.quantity-scale", 3));
        }
        if (l.unitPrice() == null) {
            throw required(at + ".unitPrice");
        }
        if (l.unitPrice().signum() < 0) {
            throw new InvalidInputException(at + ".unitPrice", "not-negative", Text.of("error.contract.price-negative"));
        }
        if (l.unitPrice().stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(at + ".unitPrice", "scale", Text.of("error.contract.amount-scale", 2));
        }
        BigDecimal amount = amount(l.quantity(), l.unitPrice());
        if (amount.precision() - amount.scale() > 14) {
            throw new InvalidInputException(at + ".unitPrice", "too-large", Text.of("error.contract.amount-too-large"));
        }
        return new ContractLine(c, i + 1, product, clip(at + ".spec", l.spec(), 200),
                l.quantity().stripTrailingZeros().scale() < 0 ? l.quantity().setScale(0) : l.quantity().stripTrailingZeros(),
                unit, l.unitPrice().setScale(2), amount, clip(at + ".remark", l.remark(), 500));
    }

    /**
     * The lines of a change checked like those of a registration (fields named {@code lines[i].quantity} …), numbered
     * 1…n, with their amounts.
     */
    public static List<com.careloop.contract.ContractViews.Line> checkLines(List<ContractCommands.Line> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("lines", "required", Text.of("error.contract.lines-required"));
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "max-size", Text.of("error.contract.too-many-lines", MAX_LINES));
        }
        List<com.careloop.contract.ContractViews.Line> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ContractLine l = line(null, i, lines.get(i));
            checked.add(new com.careloop.contract.ContractViews.Line(l.getLineNo(), l.getProduct(), l.getSpec(),
                    l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getAmount(), l.getRemark()));
        }
        return checked;
    }

    /** A line's amount: quantity × unit price, rounded half-up to 2 decimals (fen). */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a contract of this total is major (needs the general manager): strictly above the threshold. */
    public static boolean isMajor(BigDecimal total, BigDecimal threshold) {
        return threshold != null && total.compareTo(threshold) > 0;
    }

    // ---- the review ---------------------------------------------------------------------------------------------

    /**
     * Submits for review (first time, or again after outcome B): the countersign starts, or — for a repeat order of
     * an unchanged product — the contract waits for the sales manager's confirmation at once.
     */
    public void submit(String reviewNumber, boolean major, Instant now) {
        requireStage("submit", ReviewStage.REGISTERED, ReviewStage.CLARIFY);
        if (this.reviewNumber == null) {
            this.reviewNumber = reviewNumber;
        }
        this.major = major;
        this.submittedAt = now;
        this.outcome = null;
        this.outcomeComment = null;
        this.outcomeBy = null;
        this.outcomeByName = null;
        this.outcomeAt = null;
        if (reviewChain() == null) {
            this.countersignResult = Countersign.NOT_NEEDED.name();
            this.reviewStage = ReviewStage.OUTCOME;
        } else {
            this.countersignResult = null;
            this.reviewStage = ReviewStage.COUNTERSIGN;
        }
    }

    /** The approval chain of this contract's review: the class's, or the warehouse keeper's for goods in stock. */
    public String reviewChain() {
        return inStock ? IN_STOCK_CHAIN : contractClass.chainCode();
    }

    /**
     * Goods in stock (seed 001-C4): the warehouse keeper signed the issue slip (出库单) — that signature is the review,
     * so there is no outcome step: accepted (or, for a major contract, on to the general manager). Returns true when
     * the contract is now accepted.
     */
    public boolean stockIssueSigned(Actor keeper, Instant now) {
        requireStage("countersign-end", ReviewStage.COUNTERSIGN);
        if (!inStock) {
            throw DomainException.of("contract.not-in-stock", number);
        }
        this.countersignResult = Countersign.APPROVED.name();
        this.outcome = ReviewOutcome.A;
        this.outcomeBy = keeper.id();
        this.outcomeByName = keeper.name();
        this.outcomeAt = now;
        if (major) {
            reviewStage = ReviewStage.GM_APPROVAL;
            return false;
        }
        accept(now);
        return true;
    }

    /** The countersign ended (all signed, one could not accept, or withdrawn): the sales manager decides next. */
    public void countersignEnded(Countersign result) {
        requireStage("countersign-end", ReviewStage.COUNTERSIGN);
        this.countersignResult = result.name();
        this.reviewStage = result == Countersign.WITHDRAWN ? ReviewStage.REGISTERED : ReviewStage.OUTCOME;
    }

    public ContractInconsistency raise(ReviewAspect aspect, String description, String proposal, Actor by, Instant now) {
        requireStage("raise-inconsistency", ReviewStage.COUNTERSIGN);
        String text = clip("description", description, 2000);
        if (text == null) {
            throw required("description");
        }
        ContractInconsistency i = new ContractInconsistency(this, aspect, text, clip("proposal", proposal, 2000),
                by.id(), by.name(), now);
        inconsistencies.add(i);
        return i;
    }

    public ContractInconsistency resolve(long inconsistencyId, ResolutionMethod method, LocalDate on, String withWhom,
                                  String agreed, Actor by, Instant now, LocalDate today) {
        ContractInconsistency i = inconsistencies.stream().filter(x -> x.getId() == inconsistencyId).findFirst()
                .orElseThrow(() -> new com.careloop.platform.NotFoundException("contract-inconsistency", inconsistencyId));
        if (method == null) {
            throw required("method");
        }
        if (on == null) {
            throw required("resolvedOn");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("resolvedOn", "not-future", Text.of("error.contract.resolved-in-future"));
        }
        String text = clip("agreed", agreed, 2000);
        if (text == null) {
            throw required("agreed");
        }
        String who = clip("withWhom", withWhom, 200);
        if (who == null) {
            throw required("withWhom");
        }
        i.resolve(method, on, who, text, by.id(), by.name(), now);
        return i;
    }

    public boolean hasOpenInconsistency(ReviewAspect aspect) {
        return inconsistencies.stream().anyMatch(i -> i.isOpen() && (aspect == null || i.getAspect() == aspect));
    }

    public long openInconsistencies() {
        return inconsistencies.stream().filter(ContractInconsistency::isOpen).count();
    }

    /**
     * The sales manager's outcome. A: refused while an inconsistency is open or when a department could not accept;
     * a major contract then waits for the general manager, else it is accepted. B: back to clarify with the customer
     * (submitted again later). C: not accepted. Returns true when the contract is now accepted.
     */
    public boolean decide(ReviewOutcome outcome, String comment, Actor by, Instant now) {
        requireStage("decide", ReviewStage.OUTCOME);
        if (outcome == null) {
            throw required("outcome");
        }
        String text = clip("comment", comment, 2000);
        if (outcome != ReviewOutcome.A && text == null) {
            throw new InvalidInputException("comment", "required", Text.of("error.contract.outcome-comment-required",
                    Text.label("contract.outcome", outcome)));
        }
        if (outcome == ReviewOutcome.A && hasOpenInconsistency(null)) {
            throw DomainException.of("contract.open-inconsistency", number, openInconsistencies());
        }
        if (outcome == ReviewOutcome.A && Countersign.REJECTED.name().equals(countersignResult)) {
            throw DomainException.of("contract.countersign-rejected", number);
        }
        this.outcome = outcome;
        this.outcomeComment = text;
        this.outcomeBy = by.id();
        this.outcomeByName = by.name();
        this.outcomeAt = now;
        switch (outcome) {
            case A -> {
                if (major) {
                    reviewStage = ReviewStage.GM_APPROVAL;
                    return false;
                }
                accept(now);
                return true;
            }
            case B -> reviewStage = ReviewStage.CLARIFY;
            case C -> {
                reviewStage = ReviewStage.DONE;
                status = ContractStatus.NOT_ACCEPTED;
            }
        }
        return false;
    }

    /** The general manager approved or rejected a major contract; nobody approves their own contract. */
    public boolean gmDecided(boolean approved, Actor by, Instant now) {
        requireStage("gm-decide", ReviewStage.GM_APPROVAL);
        if (approved && isOwn(by.id())) {
            throw DomainException.of("contract.own-contract", number);
        }
        this.gmByName = by.name();
        this.gmAt = now;
        if (approved) {
            accept(now);
            return true;
        }
        reviewStage = ReviewStage.DONE;
        status = ContractStatus.NOT_ACCEPTED;
        return false;
    }

    /** The contract is the person's own: they are its salesperson or registered it. */
    public boolean isOwn(long userId) {
        return salespersonId == userId || registeredBy == userId;
    }

    private void accept(Instant now) {
        reviewStage = ReviewStage.DONE;
        status = ContractStatus.ACCEPTED;
        acceptedAt = now;
    }

    // ---- the register -------------------------------------------------------------------------------------------

    public void startProduction() {
        requireStatus("start-production", ContractStatus.ACCEPTED);
        status = ContractStatus.IN_PRODUCTION;
    }

    public void delivered() {
        requireStatus("deliver", ContractStatus.IN_PRODUCTION);
        status = ContractStatus.DELIVERED;
    }

    /** Every line fully shipped (出货计划, 002-A17): an accepted contract or one in production is delivered. */
    public void shippedInFull() {
        requireStatus("deliver", ContractStatus.ACCEPTED, ContractStatus.IN_PRODUCTION);
        status = ContractStatus.DELIVERED;
    }

    public void close() {
        requireStatus("close", ContractStatus.DELIVERED);
        status = ContractStatus.CLOSED;
    }

    /** Cancelled before production (under review or accepted); a running countersign must be withdrawn first. */
    public void cancel() {
        requireStatus("cancel", ContractStatus.UNDER_REVIEW, ContractStatus.ACCEPTED);
        if (reviewStage == ReviewStage.COUNTERSIGN || reviewStage == ReviewStage.GM_APPROVAL) {
            throw DomainException.of("contract.review-running", number, Text.label("contract.stage", reviewStage));
        }
        status = ContractStatus.CANCELLED;
        reviewStage = ReviewStage.DONE;
    }

    // ---- changes (合同变更) ---------------------------------------------------------------------------------------

    /** A change is requested only on an accepted contract or one in production (409 {@code contract.state}). */
    public void requireChangeable() {
        if (status != ContractStatus.ACCEPTED && status != ContractStatus.IN_PRODUCTION) {
            throw DomainException.of("contract.state", number, Text.label("contract.status", status));
        }
    }

    /** An accepted change becomes the current revision: the new lines, dates and terms (total recomputed). */
    void applyChange(int newRevision, ContractTerms terms) {
        requireChangeable();
        lines.clear();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (com.careloop.contract.ContractViews.Line l : terms.lines()) {
            lines.add(new ContractLine(this, l.lineNo(), l.product(), l.spec(), l.quantity(), l.unit(), l.unitPrice(),
                    l.amount(), l.remark()));
            total = total.add(l.amount());
        }
        totalAmount = total;
        deliveryDate = terms.deliveryDate();
        paymentTerms = terms.paymentTerms();
        specialRequirements = terms.specialRequirements();
        revision = newRevision;
    }

    /** An accepted termination (解除/终止) ends the contract in the register with its reason. */
    void terminate(int newRevision, String reason) {
        requireChangeable();
        status = ContractStatus.TERMINATED;
        endReason = reason;
        revision = newRevision;
    }

    /** The terms as they are now (the revision's snapshot). */
    public ContractTerms terms() {
        return new ContractTerms(deliveryDate, paymentTerms, specialRequirements, lines.stream().map(l ->
                new com.careloop.contract.ContractViews.Line(l.getLineNo(), l.getProduct(), l.getSpec(),
                        l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getAmount(), l.getRemark())).toList(),
                totalAmount);
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    public void requireStage(String step, ReviewStage... allowed) {
        if (status != ContractStatus.UNDER_REVIEW || !List.of(allowed).contains(reviewStage)) {
            throw DomainException.of("contract.wrong-stage", number, Text.label("contract.step", step),
                    Text.label("contract.stage", reviewStage));
        }
    }

    private void requireStatus(String step, ContractStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw DomainException.of("contract.wrong-status", number, Text.label("contract.step", step),
                    Text.label("contract.status", status));
        }
    }

    static InvalidInputException required(String field) {
        return new InvalidInputException(field, "required", Text.of("error.contract.required", field));
    }

    static String clip(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "max-length", Text.of("error.contract.too-long", field, max));
        }
        return v;
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
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("reviewNumber", reviewNumber);
        s.put("customerId", customerId);
        s.put("customerNumber", customerNumber);
        s.put("source", source);
        s.put("contractClass", contractClass);
        s.put("inStock", inStock);
        s.put("orderDate", orderDate);
        s.put("deliveryDate", deliveryDate);
        s.put("paymentTerms", paymentTerms);
        s.put("specialRequirements", specialRequirements);
        s.put("salespersonId", salespersonId);
        s.put("departmentId", departmentId);
        s.put("region", region);
        s.put("lines", lines.size());
        s.put("totalAmount", totalAmount == null ? null : totalAmount.toPlainString());
        s.put("major", major);
        s.put("status", status);
        s.put("reviewStage", reviewStage);
        s.put("countersignResult", countersignResult);
        s.put("outcome", outcome);
        s.put("outcomeComment", outcomeComment);
        s.put("revision", revision);
        s.put("endReason", endReason);
        s.put("inconsistencies", inconsistencies.size());
        s.put("openInconsistencies", openInconsistencies());
        return s;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getReviewNumber() { return reviewNumber; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerNumber() { return customerNumber; }
    public ContractSource getSource() { return source; }
    public ContractClass getContractClass() { return contractClass; }
    public boolean isInStock() { return inStock; }
    public LocalDate getOrderDate() { return orderDate; }
    public LocalDate getDeliveryDate() { return deliveryDate; }
    public String getPaymentTerms() { return paymentTerms; }
    public String getSpecialRequirements() { return specialRequirements; }
    public long getSalespersonId() { return salespersonId; }
    public String getSalespersonName() { return salespersonName; }
    public Long getDepartmentId() { return departmentId; }
    public String getRegion() { return region; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public String getCurrency() { return currency; }
    public boolean isMajor() { return major; }
    public ContractStatus getStatus() { return status; }
    public ReviewStage getReviewStage() { return reviewStage; }
    public String getCountersignResult() { return countersignResult; }
    public ReviewOutcome getOutcome() { return outcome; }
    public String getOutcomeComment() { return outcomeComment; }
    public String getOutcomeByName() { return outcomeByName; }
    public Instant getOutcomeAt() { return outcomeAt; }
    public String getGmByName() { return gmByName; }
    public Instant getGmAt() { return gmAt; }
    public long getRegisteredBy() { return registeredBy; }
    public String getRegisteredByName() { return registeredByName; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public List<ContractLine> getLines() { return List.copyOf(lines); }
    public List<ContractInconsistency> getInconsistencies() { return List.copyOf(inconsistencies); }
    public int getRevision() { return revision; }
    public String getEndReason() { return endReason; }
    public long getVersion() { return version; }
}
