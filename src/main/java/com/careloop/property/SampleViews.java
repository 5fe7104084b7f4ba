package com.careloop.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the sample pages, API, print forms and Excel show. */
public final class SampleViews {

    private SampleViews() {
    }

    /** The register's filters: customer, salesperson, status, sent between two dates, text (number, item). */
    public record Filter(Long customerId, Long salespersonId, SampleStatus status, LocalDate sentFrom,
                         LocalDate sentTo, String q) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** One line of the sample dispatch register (样品发送登记表, R-QP-005-5): a round of a sample. */
    public record Row(long id, long roundId, String code, int round, long customerId, String customerName,
                      String itemName, String spec, BigDecimal quantity, String unit, LocalDate receivedOn,
                      String salesperson, String inspectionCode, Boolean passed, BigDecimal quantitySent,
                      LocalDate sentOn, String courier, String trackingNo, String confirmation, LocalDate confirmedOn,
                      String remark, SampleStatus status, LocalDate requiredOn) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Measurement(String characteristic, String requirement, String measured, boolean ok) {
    }

    /** One making round: the making, the inspection report, the dispatch and the customer's answer. */
    public record Round(long id, int round, String reason, LocalDate madeOn, BigDecimal quantityMade,
                        String parameters, String madeBy, String inspectionCode, Boolean passed, String inspectorName,
                        LocalDate inspectedOn, String inspectionNote, List<Measurement> measurements,
                        LocalDate receivedOn, BigDecimal quantitySent, LocalDate sentOn, String courier,
                        String trackingNo, String remark, String dispatchedBy, String confirmation,
                        LocalDate confirmedOn, String confirmationNote, String confirmedVia) {
    }

    /**
     * The sealed master sample (封样): where, until when, sealed by whom and when, the department keeping it and its
     * last keep decision (EXTENDED, RESEALED, DISPOSED) with who and when (null before any).
     */
    public record Seal(String location, LocalDate keepUntil, String sealedBy, LocalDate sealedOn,
                       Long keepingDepartmentId, String keepingDepartment, String decision, String decidedBy,
                       OffsetDateTime decidedAt) {
    }

    public record TimelineEntry(String kind, OffsetDateTime at, String actor, String note) {
    }

    public record File(long id, String fileName, String contentType, long size, OffsetDateTime storedAt) {
    }

    public record Detail(long id, String code, long version, long customerId, String customerName, String itemName,
                         String spec, BigDecimal quantity, String unit, LocalDate requiredOn, String requirements,
                         Long salespersonId, String salesperson, Long productionDepartmentId,
                         String productionDepartment, SampleStatus status, int round, String inabilityReason,
                         Seal seal, List<Round> rounds, List<File> files, List<TimelineEntry> timeline) {

        public Round current() {
            return rounds.stream().filter(r -> r.round() == round).findFirst().orElse(null);
        }
    }

    /** A sealed master sample as other modules see it (complaints show it for the product). */
    public record SealedSample(long id, String code, long customerId, String itemName, String spec, String location,
                               LocalDate keepUntil, LocalDate sealedOn, String sealedBy, int round) {
    }

    /** The customer's personal link. */
    public record Link(long id, String url, LocalDate expiresOn) {
    }

    /** The link's page: the sample as the customer sees it, the link's last day and whether it still takes an answer. */
    public record PublicConfirmation(PublicSample sample, LocalDate expiresOn, boolean expired, boolean answered) {
    }

    /** What the customer sees on the link's page: the sample and its inspection result, nothing internal. */
    public record PublicSample(String code, String itemName, String spec, String customerName, int round,
                               BigDecimal quantitySent, LocalDate sentOn, String inspectionCode, Boolean passed) {
    }
}
