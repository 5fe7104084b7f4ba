package com.careloop.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the sample steps take (pages and API). {@code version} is the version the caller saw (stale -> 409). */
public final class SampleCommands {

    private SampleCommands() {
    }

    /**
     * The sample production notice (样品生产通知单): customer, item, spec, quantity (> 0), required date (today or
     * later), the customer's requirements; {@code productionDepartmentId} null = production (PROD).
     */
    public record Request(Long customerId, String itemName, String spec, BigDecimal quantity, String unit,
                          LocalDate requiredOn, String requirements, Long productionDepartmentId) {
    }

    /** Production accepts the notice. */
    public record Accept(Long version) {
    }

    /** Production cannot make the sample (raised early, with the reason; sales are notified). */
    public record Decline(String reason, Long version) {
    }

    /** Production records the making: parameters, made date, quantity made. */
    public record Make(String parameters, LocalDate madeOn, BigDecimal quantityMade, Long version) {
    }

    /** One measured characteristic of the inspection report. */
    public record Measurement(String characteristic, String requirement, String measured, Boolean ok) {
    }

    /** The sample inspection report (样品检查报告) by quality. */
    public record Inspect(Boolean passed, List<Measurement> measurements, String inspectorName, LocalDate inspectedOn,
                          String note, Long version) {
    }

    /** Sales send the sample (样品发送登记表): received date, quantity to the customer, sent date, courier, tracking. */
    public record Dispatch(LocalDate receivedOn, BigDecimal quantitySent, LocalDate sentOn, String courier,
                           String trackingNo, String remark, Long version) {
    }

    /** The customer's confirmation recorded by sales (phone, mail, visit); a rejection needs the reason. */
    public record Confirm(Boolean approved, String note, LocalDate confirmedOn, String via, Long version) {
    }

    /**
     * Seal the approved sample as the master sample (封样): location, keep-until date (default + 2 years), the
     * department that keeps it (null = the sample's quality department).
     */
    public record Seal(String location, LocalDate keepUntil, Long keepingDepartmentId, Long version) {
    }

    /**
     * The keeping department's decision at the end of the keep period: {@code EXTEND} (new {@code keepUntil}),
     * {@code RESEAL} (new {@code location} and {@code keepUntil}) or {@code DISPOSE} (how, in {@code note}).
     */
    public record Keep(String decision, LocalDate keepUntil, String location, String note, Long version) {
    }

    /** Mail the customer's personal link to an address in a language (zh-CN, zh-TW, en). */
    public record SendLink(String email, String language) {
    }
}
