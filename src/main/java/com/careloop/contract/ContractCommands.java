package com.careloop.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the pages and the API ask the contract service to do; {@code version} is the one the caller saw (stale → 409). */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** One line: product, spec/model, quantity (> 0, up to 3 decimals), unit, unit price in CNY (≥ 0, up to 2 decimals). */
    public record Line(String product, String spec, BigDecimal quantity, String unit, BigDecimal unitPrice, String remark) {
    }

    /**
     * Registers a contract or order. The salesperson defaults to the signed-in user, the department to the
     * salesperson's. {@code inStock}: a regular contract whose goods are in stock (seed 001-C4) — reviewed by the
     * warehouse keeper's signature on the issue slip instead of the countersign.
     */
    public record Register(Long customerId, String customerNumber, ContractSource source, ContractClass contractClass,
                           LocalDate orderDate, LocalDate deliveryDate, String paymentTerms, String specialRequirements,
                           Long salespersonId, String region, List<Line> lines, Boolean inStock) {

        /** A registration whose goods are not (known to be) in stock. */
        public Register(Long customerId, String customerNumber, ContractSource source, ContractClass contractClass,
                        LocalDate orderDate, LocalDate deliveryDate, String paymentTerms, String specialRequirements,
                        Long salespersonId, String region, List<Line> lines) {
            this(customerId, customerNumber, source, contractClass, orderDate, deliveryDate, paymentTerms,
                    specialRequirements, salespersonId, region, lines, null);
        }
    }

    /** Submits (or re-submits after outcome B) the contract for review. */
    public record Submit(Long version) {
    }

    /** A reviewer signs their aspect. */
    public record Sign(ReviewAspect aspect, ReviewVerdict verdict, String comment) {
    }

    /** A reviewer logs an inconsistency (合同不一致问题) on their aspect. */
    public record RaiseInconsistency(ReviewAspect aspect, String description, String proposal) {
    }

    /** Sales records how the inconsistency was settled with the customer. */
    public record Resolve(ResolutionMethod method, LocalDate resolvedOn, String withWhom, String agreed) {
    }

    /** The sales manager's outcome after the countersign. */
    public record Decide(ReviewOutcome outcome, String comment, Long version) {
    }

    /** The general manager's decision on a major contract. */
    public record GmDecision(boolean approve, String comment) {
    }

    /** A register status step (start production, delivered, close, cancel) with an optional note. */
    public record StatusStep(String note, Long version) {
    }

    /**
     * A change of an accepted contract agreed with the customer: its kinds; how (method), when, with whom and what was
     * agreed; the reason (required for a termination); the new values — a null value stays as it is, {@code lines}
     * replaces all lines. {@code version} is the contract version the caller saw.
     */
    public record RequestChange(List<ChangeKind> kinds, ResolutionMethod agreedMethod, LocalDate agreedOn,
                                String agreedWith, String agreed, String reason, LocalDate deliveryDate,
                                String paymentTerms, String specialRequirements, List<Line> lines, Long version) {
    }
}
