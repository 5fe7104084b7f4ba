package com.careloop.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of the complaint procedure; {@code version} is the optimistic-lock check (stale -> 409). */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    public record Receive(@NotNull Long customerId, OffsetDateTime receivedAt, ComplaintChannel channel,
                          @Size(max = 100) String orderNumber, @Size(max = 200) String product,
                          @NotBlank @Size(max = 4000) String content, @Size(max = 2000) String requestedRemedy) {
    }

    public record Acknowledge(@NotNull OffsetDateTime promisedReplyBy, Long version) {
    }

    public record Assess(@NotNull ComplaintCategory category, @NotNull Severity severity, Long departmentId,
                         Long version) {
    }

    public record Investigate(@NotNull Long departmentId, @NotNull CauseCategory causeCategory,
                              @NotBlank @Size(max = 4000) String causeAnalysis, Long version) {
    }

    public record AddAction(@NotBlank @Size(max = 4000) String description, @NotBlank @Size(max = 100) String owner,
                            @NotNull LocalDate dueDate, Long version) {
    }

    public record CommunicateDecision(@NotBlank @Size(max = 200) String how, OffsetDateTime when,
                                      @NotBlank @Size(max = 4000) String what, Long version) {
    }

    public record Verify(@NotNull Verification result, @Size(max = 4000) String countermeasure,
                         @Size(max = 100) String owner, LocalDate dueDate, Long version) {
    }

    public record Step(Long version) {
    }
}
