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
                          @NotBlank @Size(max = 4000) String content, @Size(max = 2000) String requestedRemedy,
                          @Size(max = 100) String batchNo) {
    }

    public record Acknowledge(@NotNull OffsetDateTime promisedReplyBy, Long version) {
    }

    /**
     * 评估; {@code handlerId} names the handler (an active user of the responsible department); a STAFF_ATTITUDE
     * complaint names the employee concerned (003-A10) — a user ({@code concernedEmployeeId}) or, for someone without
     * an account, a name.
     */
    public record Assess(@NotNull ComplaintCategory category, @NotNull Severity severity, Long departmentId,
                         Long handlerId, Long concernedEmployeeId, @Size(max = 100) String concernedEmployeeName,
                         Long version) {
    }

    /** 指定处理人: the named handler, an active user of the complaint's responsible department. */
    public record AssignHandler(@NotNull Long handlerId, Long version) {
    }

    public record Investigate(@NotNull Long departmentId, @NotNull CauseCategory causeCategory,
                              @NotBlank @Size(max = 4000) String causeAnalysis, Long version) {
    }

    /**
     * A corrective action: it opens a CAPA record with this first action. The owner is a user: {@code ownerUserId},
     * or {@code owner} naming a user by username or display name.
     */
    public record AddAction(@NotBlank @Size(max = 4000) String description, @Size(max = 100) String owner,
                            Long ownerUserId, @NotNull LocalDate dueDate, Long version) {
    }

    /** A request the service desk hands over (COMPLAINT-type intake, or an unsatisfied callback turned into one). */
    public record HandOver(long requestId, long customerId, String customerName, String customerCode,
                           boolean keyCustomer, String content, Long byId, String byName) {
    }

    public record CommunicateDecision(@NotBlank @Size(max = 200) String how, OffsetDateTime when,
                                      @NotBlank @Size(max = 4000) String what, Long version) {
    }

    /**
     * Not effective needs the new countermeasure (it opens a new CAPA: owner as in {@link AddAction}).
     * {@code earlyReason}: why the verification comes before the corrective actions are done (required then).
     */
    public record Verify(@NotNull Verification result, @Size(max = 4000) String countermeasure,
                         @Size(max = 100) String owner, Long ownerUserId, LocalDate dueDate, Long version,
                         @Size(max = 2000) String earlyReason) {

        public Verify(Verification result, String countermeasure, String owner, Long ownerUserId, LocalDate dueDate,
                      Long version) {
            this(result, countermeasure, owner, ownerUserId, dueDate, version, null);
        }
    }

    public record Step(Long version) {
    }
}
