package com.careloop.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.product.ProductCommands.BomLine;
import com.careloop.product.ProductCommands.Demand;
import com.careloop.product.ProductCommands.Tier;

/** What {@link ProductDevelopments} shows. */
public final class ProductViews {

    private ProductViews() {
    }

    public record Detail(long id, String number, long version, long customerId, String customerName,
                         String productName, long salespersonId, String salespersonName, Long departmentId,
                         DevelopmentStatus status, ProductNode currentNode, LocalDate requiredOn, Long contractId,
                         String contractNumber, String createdByName, OffsetDateTime createdAt,
                         OffsetDateTime finishedAt, List<Node> nodes, Demand demand, RndReportForm rndReport,
                         ProcessSheetForm processSheet, PilotForm pilot, CostSheet cost, QuotationForm quotation,
                         AnswerForm answer, List<Attachment> attachments, int quotationRevision,
                         List<EarlierQuotation> earlierQuotations, boolean quotationExpired) {

        public Node node(ProductNode n) {
            return nodes.stream().filter(x -> x.node() == n).findFirst().orElseThrow();
        }
    }

    public record Node(ProductNode node, long departmentId, String departmentName, NodeStatus status,
                       LocalDate openedOn, LocalDate dueOn, boolean overdue, String completedByName,
                       OffsetDateTime completedAt, Integer workingDays, LocalDate remindOn, boolean dueSoon) {
    }

    public record RndReportForm(String summary, String testResults, boolean feasible, String conclusion) {
    }

    public record ProcessSheetForm(String process, String spec, List<BomLine> bom) {
    }

    /** Yield % = good / run × 100, two decimals (half up). */
    public record PilotForm(LocalDate runOn, BigDecimal quantityRun, BigDecimal quantityGood, BigDecimal yieldPercent,
                            String defects, String conclusion) {
    }

    public record CostLine(String component, String spec, BigDecimal quantity, String unit, BigDecimal unitCost,
                           BigDecimal amount) {
    }

    /**
     * The cost calculation: material = Σ quantity × unit cost; unit cost = material + labour + overhead; cost per good
     * unit = unit cost ÷ (yield), four decimals half up.
     */
    public record CostSheet(List<CostLine> lines, BigDecimal materialCost, BigDecimal labourCost,
                            BigDecimal overheadCost, BigDecimal unitCost, BigDecimal yieldPercent,
                            BigDecimal costPerGoodUnit, String note) {
    }

    public record QuotationForm(List<Tier> tiers, LocalDate validUntil, String terms, String unit,
                                BigDecimal costPerGoodUnit, LocalDate sentOn, String sentTo) {
    }

    public record AnswerForm(boolean accepted, LocalDate answeredOn, BigDecimal quantity, BigDecimal unitPrice,
                             LocalDate deliveryDate, String note) {
    }

    /** An earlier quotation revision, kept when finance quoted again: REJECTED (with the answer) or EXPIRED. */
    public record EarlierQuotation(int revision, QuotationForm quotation, AnswerForm answer, String outcome,
                                   String closedByName, OffsetDateTime closedAt) {
    }

    /** The customer's personal link to the quotation: valid through the quotation's last day. */
    public record Link(String url, LocalDate expiresOn) implements java.io.Serializable {
    }

    /** What the customer sees on the quotation's personal link (nothing internal: no costs, no departments). */
    public record PublicQuotation(String number, String customerName, String productName, String spec, String unit,
                                  int revision, List<Tier> tiers, LocalDate validUntil, String terms,
                                  LocalDate expiresOn, boolean expired, boolean answered) {
    }

    public record Attachment(long id, String fileName, String contentType, long size, OffsetDateTime storedAt) {
    }

    /** One line of the list and one card of the board. */
    public record Row(long id, String number, String customerName, String productName, String salespersonName,
                      DevelopmentStatus status, ProductNode currentNode, String nodeDepartment, LocalDate nodeDueOn,
                      boolean overdue, LocalDate requiredOn, String contractNumber, OffsetDateTime createdAt) {
    }

    public record Filter(Long customerId, Long departmentId, DevelopmentStatus status, ProductNode node, String q) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    /** The board: one column per node (in order) with its developments in progress. */
    public record Column(ProductNode node, List<Row> rows, long overdue) {
    }

    /** Key-node performance indicators (关键节点绩效指标) of a period. */
    public record Statistics(LocalDate from, LocalDate to, List<NodeFigure> nodes, List<DepartmentFigure> departments,
                             long started, long completed, long accepted, long rejected) {
    }

    /** Lead time of a node in working days (from opening to completion) over the nodes completed in the period. */
    public record NodeFigure(ProductNode node, long completed, BigDecimal averageWorkingDays, int maxWorkingDays,
                             long onTime, BigDecimal onTimeRate) {
    }

    /** On-time rate of a department: nodes completed by their due day ÷ nodes completed, in the period. */
    public record DepartmentFigure(long departmentId, String departmentName, long completed, long onTime,
                                   BigDecimal onTimeRate, long openOverdue) {
    }
}
