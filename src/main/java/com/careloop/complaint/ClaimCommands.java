package com.careloop.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The commands of claims (索赔); {@code version} is the optimistic-lock check (stale -> 409). Amounts are
 * checked by the domain (not negative: rule {@code non-negative}; two decimals).
 */
public final class ClaimCommands {

    private ClaimCommands() {
    }

    public record RegisterClaim(@NotNull Long customerId, Long complaintId, @NotBlank @Size(max = 200) String product,
                                @Size(max = 100) String orderNumber, BigDecimal claimedAmount,
                                @NotBlank @Size(max = 4000) String description) {
    }

    public record AddEvidenceNote(@NotBlank @Size(max = 4000) String note, Long version) {
    }

    public record Inspect(@NotNull InspectionMethod method, @NotBlank @Size(max = 4000) String findings,
                          @NotBlank @Size(max = 100) String inspector, @NotNull LocalDate inspectedOn, Long version) {
    }

    public record DetermineResponsibility(@NotNull Responsibility responsibility, BigDecimal ourSharePercent,
                                          @Size(max = 2000) String note, Long version) {
    }

    public record Propose(BigDecimal proposedAmount, Long version) {
    }

    /** A rejection (by the approver, or by the customer) or a refusal, with its comment. */
    public record Comment(@NotBlank @Size(max = 2000) String comment, Long version) {
    }

    public record Agree(@NotBlank @Size(max = 200) String how, OffsetDateTime agreedAt,
                        @NotBlank @Size(max = 100) String agreedBy, Long version) {
    }

    public record Settle(BigDecimal settledAmount, LocalDate settledOn, @NotBlank @Size(max = 100) String paymentReference,
                         Long version) {
    }

    /** A step without input (approve, close, accept, ...). */
    public record Step(Long version) {
    }
}
