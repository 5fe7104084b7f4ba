package com.careloop.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the pages and the API ask {@link ProductDevelopments} to do: one record per node form. {@code version} is the
 * development's version the caller saw (stale → 409).
 */
public final class ProductCommands {

    private ProductCommands() {
    }

    /** Starts a development with the customer's demand form (定制开发新品需求表); the salesperson defaults to the caller. */
    public record Start(Long customerId, Long salespersonId, Demand demand) {
    }

    /**
     * 定制开发新品需求表: product, application, quantities (first order, yearly; > 0), unit, target price (≥ 0),
     * required date, the customer's requirements.
     */
    public record Demand(String productName, String application, BigDecimal firstOrderQuantity,
                         BigDecimal annualQuantity, String unit, BigDecimal targetPrice, LocalDate requiredOn,
                         String requirements) {
    }

    /** 定制新品研发报告: what the laboratory did, its results, feasible or not, conclusion. */
    public record RndReport(String summary, String testResults, Boolean feasible, String conclusion, Long version) {
    }

    /** 样品工艺单 and 物料清单: the process steps and the BOM per unit of product (quantity > 0, unit). */
    public record ProcessSheet(String process, String spec, List<BomLine> bom, Long version) {
    }

    public record BomLine(String component, String spec, BigDecimal quantity, String unit) {
    }

    /** 新品中试记录表 / 中试报告: when, how many run, how many good (the yield), the defects, the conclusion. */
    public record Pilot(LocalDate runOn, BigDecimal quantityRun, BigDecimal quantityGood, String defects,
                        String conclusion, Long version) {
    }

    /**
     * Finance's cost calculation: a unit cost per BOM line (in BOM order), labour and overhead per unit of product;
     * the material cost and the cost per good unit (by the pilot's yield) are computed.
     */
    public record Cost(List<BigDecimal> unitCosts, BigDecimal labourCost, BigDecimal overheadCost, String note,
                       Long version) {
    }

    /** 新品报价单: unit prices by quantity tier (from this quantity on), valid until a date (not in the past). */
    public record Quotation(List<Tier> tiers, LocalDate validUntil, String terms, Long version) {
    }

    public record Tier(BigDecimal minQuantity, BigDecimal unitPrice) {
    }

    /** The quotation went to the customer (on a day, to whom). */
    public record Send(LocalDate sentOn, String sentTo, Long version) {
    }

    /**
     * The customer's answer. Accepted: the ordered quantity (the tier is the one it reaches) and the delivery date
     * start the special contract review.
     */
    public record Answer(Boolean accepted, LocalDate answeredOn, BigDecimal quantity, LocalDate deliveryDate,
                         String note, Long version) {
    }

    /**
     * The quotation to the customer by a personal link (valid through the quotation's last day), mailed to
     * {@code email} when given, in {@code language} (zh-CN, zh-TW or en; zh-CN by default).
     */
    public record SendLink(String email, String language, Long version) {
    }
}
