package com.careloop.customer.keys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.keys.KeyCustomerProposal.Action;
import com.careloop.customer.keys.KeyCustomerProposal.Status;
import com.careloop.customer.keys.KeyCustomerReview.Outcome;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Commands and read models of the key-customer feature, shared by the API and the pages. */
public final class KeyCustomerViews {

    private KeyCustomerViews() {
    }

    // ---- commands ----------------------------------------------------------------------------

    /** A department head's proposal; {@code reason} is required when the criterion is OTHER. */
    public record Propose(@NotNull Long customerId, @NotNull Action action, @NotNull KeyCriterion criterion,
                          @Size(max = 1000) String reason) {
    }

    public record Decide(@Size(max = 1000) String comment) {
    }

    public record Review(@NotBlank String quarter, @NotNull Long customerId, @NotNull Outcome outcome,
                         @Size(max = 1000) String comment) {
    }

    // ---- views -------------------------------------------------------------------------------

    public record ProposalView(long id, long customerId, String customerCode, String customerName, boolean customerKey,
                               Action action, KeyCriterion criterion, String reason, Status status, long proposedById,
                               String proposedByName, Instant proposedAt, Long decidedById, String decidedByName,
                               Instant decidedAt, String decisionComment, long version) {
        public boolean pending() {
            return status == Status.PENDING;
        }
    }

    public record ProposalPage(List<ProposalView> items, String nextCursor) {
    }

    public record KeyCustomerRow(long id, String code, String name, String criterion, LocalDate since,
                                 String representativeName) {
    }

    public record ReviewItem(long customerId, String code, String name, boolean keyCustomer, String criterion,
                             LocalDate since, Outcome outcome, String comment, String reviewerName,
                             Instant reviewedAt) {
        public boolean reviewed() {
            return outcome != null;
        }
    }

    public record Progress(String quarter, int reviewed, int total) {
        public boolean complete() {
            return reviewed >= total;
        }
    }

    public record ReviewList(String quarter, Progress progress, boolean due, LocalDate dueFrom, List<ReviewItem> items) {
    }

    /** The banner on the key-customer pages: the current quarter's review is due and not complete. */
    public record Reminder(String quarter, LocalDate dueFrom, LocalDate dueBy, Progress progress) {
    }
}
