package com.careloop.callback;

import com.careloop.platform.Satisfaction;

import java.time.LocalDate;
import java.util.List;

import com.careloop.servicedesk.RequestType;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands on callback tasks and plans; {@code version} is the optimistic-lock check (stale -> 409). */
public final class CallbackCommands {

    private CallbackCommands() {
    }

    /** A manual task: customer, due date, optional assignee and method (default: the MANUAL plan's). */
    public record CreateTask(@NotNull Long customerId, @NotNull LocalDate due, Long assigneeId, CallbackMethod method,
                             @Size(max = 500) String reason, @Size(max = 4000) String questions) {
    }

    /** One try that did not reach the customer. */
    public record NotReached(@Size(max = 2000) String note, Long version) {
    }

    /**
     * The customer was reached: satisfaction, the answers (in the order of the questions), notes. DISSATISFIED
     * or worse needs {@code followUp}; {@code newIssue} (what the customer raised) becomes a new service request.
     */
    public record Complete(@NotNull Satisfaction satisfaction, List<@Size(max = 2000) String> answers,
                           @Size(max = 4000) String notes, FollowUp followUp, @Size(max = 4000) String followUpNote,
                           @Size(max = 200) String newIssue, RequestType newIssueType,
                           @Size(max = 4000) String newIssueDetail, Long version) {
    }

    public record Cancel(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    public record Assign(@NotNull Long assigneeId, Long version) {
    }

    /** A plan's editable settings; every save is a new revision. */
    public record SavePlan(@NotBlank @Size(max = 100) String name, @NotNull Boolean enabled,
                           @NotNull @Min(0) @Max(365) Integer days, @Size(max = 30) String requestType, Long categoryId,
                           @NotNull AssigneeRule assigneeRule, Long assigneeUserId, @Size(max = 40) String assigneePosition,
                           @NotNull CallbackMethod method, @Size(max = 4000) String questions,
                           @Min(1) @Max(20) Integer maxAttempts, @NotNull Long version) {
    }
}
