package com.careloop.product.development;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.product.DevelopmentStatus;
import com.careloop.product.NodeStatus;
import com.careloop.product.ProductNode;

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
 * A custom new-product development (客户定制新品研发) as the procedure: started with the customer's demand form, then
 * each node in order — a node is completed only while it is open (the one before it done), which opens the next with
 * its due day; the customer's answer ends it, accepted or rejected. Anything else is refused (409).
 */
@Entity
@Table(name = "product_development")
public class ProductDevelopment implements Auditable {

    public static final String RECORD_TYPE = "product-development";

    /** Who did it. */
    public record Actor(Long id, String name) {
    }

    /**
     * The owner department and lead time (working days) of each node, and the share of the lead time after which the
     * owners are reminded (80 % by default).
     */
    public record Plan(Map<ProductNode, Long> departments, Map<ProductNode, Integer> leadDays, int reminderPercent) {

        public Plan(Map<ProductNode, Long> departments, Map<ProductNode, Integer> leadDays) {
            this(departments, leadDays, DEFAULT_REMINDER_PERCENT);
        }

        /**
         * The working days after opening on which the reminder shows: the first day on which at least the reminder
         * share of the lead time has passed (10 days → day 8, 5 → 4, 2 → 2); none for a node with no lead time.
         */
        public Integer reminderDays(ProductNode node) {
            int lead = leadDays.get(node);
            if (lead <= 0) {
                return null;
            }
            return Math.max(1, (lead * reminderPercent + 99) / 100);
        }
    }

    public static final int DEFAULT_REMINDER_PERCENT = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private long customerId;
    private String customerName;
    private String productName;
    private long salespersonId;
    private String salespersonName;
    private Long departmentId;
    @Enumerated(EnumType.STRING)
    private ProductNode currentNode;
    @Enumerated(EnumType.STRING)
    private DevelopmentStatus status;
    private LocalDate requiredOn;
    private Long contractId;
    private String contractNumber;
    private Long createdBy;
    private String createdByName;
    private Instant createdAt;
    private Instant finishedAt;
    private int quotationRevision = 1;
    private Long quotationLinkId;
    @Version
    private long version;
    @OneToMany(mappedBy = "development", cascade = CascadeType.ALL)
    @OrderBy("seq")
    private List<DevelopmentNode> nodes = new ArrayList<>();
    @OneToMany(mappedBy = "development", cascade = CascadeType.ALL)
    @OrderBy("revision")
    private List<QuotationRevision> revisions = new ArrayList<>();

    protected ProductDevelopment() {
    }

    /** Starts with the demand form: the demand node is done by the requester today, R&D's node opens. */
    public static ProductDevelopment start(String number, long customerId, String customerName, String productName,
                                           Actor salesperson, Long departmentId, LocalDate requiredOn, String demandForm,
                                           Plan plan, Actor by, LocalDate today, Instant now, WorkingDays days) {
        ProductDevelopment d = new ProductDevelopment();
        d.number = number;
        d.customerId = customerId;
        d.customerName = customerName;
        d.productName = productName;
        d.salespersonId = salesperson.id();
        d.salespersonName = salesperson.name();
        d.departmentId = departmentId;
        d.requiredOn = requiredOn;
        d.status = DevelopmentStatus.IN_PROGRESS;
        d.createdBy = by.id();
        d.createdByName = by.name();
        d.createdAt = now;
        for (ProductNode n : ProductNode.values()) {
            d.nodes.add(new DevelopmentNode(d, n, plan.departments().get(n)));
        }
        d.openNode(ProductNode.DEMAND, plan, today, days);
        d.currentNode = ProductNode.DEMAND;
        d.complete(ProductNode.DEMAND, demandForm, plan, by, today, now, days);
        return d;
    }

    /**
     * Completes an open node with its form and opens the next one (due after its lead time in working days). A node
     * still waiting for the one before it, or done already, or a development that ended → 409.
     */
    public DevelopmentNode complete(ProductNode node, String form, Plan plan, Actor by, LocalDate today, Instant now,
                                    WorkingDays days) {
        DevelopmentNode n = requireOpen(node);
        n.complete(form, by, now, today, days.between(n.getOpenedOn(), today));
        ProductNode next = node.next();
        if (next != null) {
            openNode(next, plan, today, days);
            currentNode = next;
        } else {
            currentNode = null;
        }
        return n;
    }

    private void openNode(ProductNode node, ProductDevelopment.Plan plan, LocalDate today, WorkingDays days) {
        Integer remind = plan.reminderDays(node);
        node(node).open(today, days.due(today, plan.leadDays().get(node)), remind == null ? null
                : days.due(today, remind));
    }

    /**
     * Finance quotes again (a new revision with new tiers): allowed after the customer rejected the quotation, or
     * while the answer is awaited once the quotation's validity has passed ({@code expired}); else 409. The earlier
     * quotation is kept with the customer's answer and its outcome (REJECTED or EXPIRED), the customer's answer node
     * opens again (new due day), the development is in progress again and the earlier link no longer answers.
     */
    public QuotationRevision requote(String quotationForm, boolean expired, Plan plan, Actor by, LocalDate today,
                                     Instant now, WorkingDays days) {
        String outcome;
        if (status == DevelopmentStatus.REJECTED) {
            outcome = QuotationRevision.REJECTED;
        } else if (status == DevelopmentStatus.IN_PROGRESS && currentNode == ProductNode.CUSTOMER_ANSWER && expired) {
            outcome = QuotationRevision.EXPIRED;
        } else {
            throw DomainException.of("product.requote-not-allowed", number);
        }
        DevelopmentNode answer = node(ProductNode.CUSTOMER_ANSWER);
        QuotationRevision earlier = new QuotationRevision(this, quotationRevision, form(ProductNode.QUOTATION),
                answer.getForm(), outcome, by.name(), now);
        revisions.add(earlier);
        quotationRevision++;
        node(ProductNode.QUOTATION).fill(quotationForm);
        Integer remind = plan.reminderDays(ProductNode.CUSTOMER_ANSWER);
        answer.reopen(today, days.due(today, plan.leadDays().get(ProductNode.CUSTOMER_ANSWER)),
                remind == null ? null : days.due(today, remind));
        status = DevelopmentStatus.IN_PROGRESS;
        currentNode = ProductNode.CUSTOMER_ANSWER;
        finishedAt = null;
        quotationLinkId = null;
        return earlier;
    }

    /** The personal link of the current quotation revision (a newer one replaces it). */
    public void quotationLinked(long linkId) {
        requireOpen(ProductNode.CUSTOMER_ANSWER);
        this.quotationLinkId = linkId;
    }

    /** Whether a link answers the current quotation: the one issued for this revision, while the answer is awaited. */
    public boolean answersCurrentQuotation(long linkId) {
        return status == DevelopmentStatus.IN_PROGRESS && currentNode == ProductNode.CUSTOMER_ANSWER
                && quotationLinkId != null && quotationLinkId == linkId;
    }

    /** The quotation went to the customer (its form now says when and to whom); the answer node stays open. */
    public void quotationSent(String quotationForm) {
        requireOpen(ProductNode.CUSTOMER_ANSWER);
        node(ProductNode.QUOTATION).fill(quotationForm);
    }

    /** The customer's answer completes the last node and ends the development. */
    public void answer(boolean accepted, String form, Plan plan, Actor by, LocalDate today, Instant now,
                       WorkingDays days) {
        complete(ProductNode.CUSTOMER_ANSWER, form, plan, by, today, now, days);
        status = accepted ? DevelopmentStatus.ACCEPTED : DevelopmentStatus.REJECTED;
        finishedAt = now;
    }

    /** The special contract review the accepted quotation started. */
    public void linkContract(long id, String number) {
        if (status != DevelopmentStatus.ACCEPTED) {
            throw DomainException.of("product.not-accepted", this.number);
        }
        this.contractId = id;
        this.contractNumber = number;
    }

    public DevelopmentNode requireOpen(ProductNode node) {
        if (node == null) {
            throw DomainException.of("product.node-unknown", number);
        }
        if (status != DevelopmentStatus.IN_PROGRESS) {
            throw DomainException.of("product.ended", number);
        }
        DevelopmentNode n = node(node);
        if (n.getStatus() == NodeStatus.DONE) {
            throw DomainException.of("product.node-done", number, node.name());
        }
        if (n.getStatus() == NodeStatus.WAITING) {
            throw DomainException.of("product.node-out-of-order", number, node.name(),
                    currentNode == null ? "" : currentNode.name());
        }
        return n;
    }

    public DevelopmentNode node(ProductNode node) {
        return nodes.stream().filter(n -> n.getNode() == node).findFirst().orElseThrow();
    }

    public String form(ProductNode node) {
        return node(node).getForm();
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
        s.put("customerId", customerId);
        s.put("productName", productName);
        s.put("salespersonId", salespersonId);
        s.put("status", status);
        s.put("currentNode", currentNode);
        s.put("contractNumber", contractNumber);
        s.put("quotationRevision", quotationRevision);
        for (DevelopmentNode n : nodes) {
            s.put(n.getNode().name() + ".status", n.getStatus());
            s.put(n.getNode().name() + ".dueOn", n.getDueOn());
            s.put(n.getNode().name() + ".completedBy", n.getCompletedByName());
            s.put(n.getNode().name() + ".form", n.getForm());
        }
        return s;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getProductName() {
        return productName;
    }

    public long getSalespersonId() {
        return salespersonId;
    }

    public String getSalespersonName() {
        return salespersonName;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public ProductNode getCurrentNode() {
        return currentNode;
    }

    public DevelopmentStatus getStatus() {
        return status;
    }

    public LocalDate getRequiredOn() {
        return requiredOn;
    }

    public Long getContractId() {
        return contractId;
    }

    public String getContractNumber() {
        return contractNumber;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public String getCreatedByName() {
        return createdByName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<DevelopmentNode> getNodes() {
        return nodes;
    }

    public int getQuotationRevision() {
        return quotationRevision;
    }

    public Long getQuotationLinkId() {
        return quotationLinkId;
    }

    public List<QuotationRevision> getRevisions() {
        return revisions;
    }
}
