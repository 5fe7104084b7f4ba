package com.careloop.servicedesk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.careloop.customer.CustomerKind;
import com.careloop.platform.Satisfaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the service desk is asked to do, one record per step of the procedure. Every step on an existing
 * request may carry the {@code version} the caller last saw: a stale one is refused (409), so two agents
 * editing one request at once cannot overwrite each other.
 */
public final class ServiceDeskCommands {

    private ServiceDeskCommands() {
    }

    /**
     * Intake from any channel: a known customer ({@code customerId}), a customer created on the spot
     * ({@code newCustomer}), or — for someone who stays out of the archive — at least a contact name and phone.
     */
    /**
     * A follow-up of an earlier request (see {@code ServiceDesk.registerFollowUp}): contact and location null = the
     * origin's; priority null = normal.
     */
    public record FollowUpRequest(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
                                  @Size(max = 100) String contactName, @Size(max = 40) String contactPhone,
                                  @Size(max = 300) String location, Priority priority) {
    }

    public record Register(Long customerId, @Valid NewCustomer newCustomer, @Size(max = 100) String contactName, @Size(max = 40) String contactPhone,
                           @Size(max = 300) String location, @Size(max = 60) String unitRoom, @NotNull RequestType type,
                           FieldServiceKind fieldKind, Long categoryId, @NotBlank @Size(max = 200) String title,
                           @Size(max = 4000) String description, @NotNull Channel channel, Priority priority,
                           OffsetDateTime appointmentStart, OffsetDateTime appointmentEnd) {
    }

    /** A customer created in the archive during intake; a possible duplicate is refused (409) unless confirmed. */
    public record NewCustomer(@NotBlank @Size(max = 200) String name, @NotNull CustomerKind kind,
                              @Size(max = 40) String phone, @Size(max = 100) String project, @Size(max = 50) String room,
                              Boolean confirmDuplicate) {
    }

    /** 派工: to a department, optionally a team leader or person, with an optional internal deadline. */
    public record Dispatch(@NotNull Long departmentId, Long assigneeId, OffsetDateTime internalDeadline, Long version) {
    }

    /** The department re-assigns inside itself. */
    public record Reassign(@NotNull Long assigneeId, OffsetDateTime internalDeadline, @Size(max = 2000) String reason,
                           Long version) {
    }

    /** A step that needs a reason: hand back to the center, re-open. */
    public record WithReason(@NotBlank @Size(max = 2000) String reason, Long version) {
    }

    /** A step without further input: start, resume, close. */
    public record Step(Long version) {
    }

    public record Pause(@NotNull PauseReason reason, @NotBlank @Size(max = 1000) String note, Long version) {
    }

    public record Complete(@NotBlank @Size(max = 4000) String result, Long version) {
    }

    /**
     * The customer's sign-off; {@code signatureImage} optionally a data URL
     * ({@code data:image/png;base64,...}, PNG or JPEG, at most 256 KB).
     */
    public record SignOff(@NotBlank @Size(max = 100) String name, OffsetDateTime signedAt, @NotNull Boolean satisfied,
                          String signatureImage, Long version) {
    }

    /**
     * 回访 before close: the customer's satisfaction on the one scale of callbacks; {@code followUp} says what a
     * DISSATISFIED or worse answer does (default REOPEN; COMPLAINT turns the request into a complaint), ignored
     * otherwise.
     */
    public record Callback(@NotNull Satisfaction satisfaction, @Size(max = 2000) String notes,
                           UnsatisfiedFollowUp followUp, Long version) {
    }

    public record AddNote(@NotBlank @Size(max = 4000) String body, Boolean visibleToCustomer) {
    }

    /** 领料: item, quantity, unit. */
    public record AddMaterial(@NotBlank @Size(max = 200) String item,
                              @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
                              @NotBlank @Size(max = 20) String unit) {
    }
}
