package com.careloop.contract.tender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ContractCommands;

/** Commands on tenders, shared by the API and the pages. */
public final class TenderCommands {

    private TenderCommands() {
    }

    public record Register(Long customerId, String tenderNo, String title, LocalDate bidDeadline, String scope,
                           BigDecimal estimatedAmount, String requirements, Long salespersonId) {
    }

    public record Submit(Long version) {
    }

    /** The sales manager's bid / no-bid decision after the countersign. */
    public record Decide(Tender.Decision decision, String comment, Long version) {
    }

    /** The general manager on a major bid. */
    public record GmDecision(boolean approve, String comment) {
    }

    /**
     * 中标 / 未中标. A won tender becomes a contract (source TENDER, confirmation only: the tender was reviewed) with the
     * awarded lines and delivery date.
     */
    public record Result(Tender.Result result, String comment, LocalDate deliveryDate, String paymentTerms,
                         List<ContractCommands.Line> lines, Long version) {
    }

    /** The list's filters (all optional): status, customer, free text (our/the tender's number, title, customer), deadline range. */
    public record Filter(String status, Long customerId, String q, LocalDate deadlineFrom, LocalDate deadlineTo,
                         Long contractId) {
    }

    /** A file of a tender (the tender document, drawings …) as pages and the API show it. */
    public record Attachment(long id, TenderSlot slot, String fileName, String contentType, long size,
                             java.time.OffsetDateTime storedAt) {
    }

    public record View(long id, String number, long customerId, String customerName, String tenderNo, String title,
                       LocalDate bidDeadline, String scope, BigDecimal estimatedAmount, String requirements,
                       long salespersonId, Long departmentId, String status, String countersign, boolean major,
                       String decisionComment, String resultComment, Long contractId, String contractNumber,
                       long version, String salespersonName, String decidedByName,
                       java.time.OffsetDateTime decidedAt, java.time.OffsetDateTime submittedAt) {
    }
}
