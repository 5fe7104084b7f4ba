package com.careloop.servicedesk.web;

import java.time.LocalDateTime;

import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The page forms whose fields differ from the API commands: times are {@code datetime-local} wall-clock
 * values at the company (converted by {@link PageSupport#offset}), the signature is an uploaded file.
 */
final class PageForms {

    private PageForms() {
    }

    /** The front-desk intake and the "customer told me" report (which fixes the channel to STAFF_REPORT). */
    record Intake(Long customerId, @Size(max = 100) String contactName, @Size(max = 40) String contactPhone,
                  @Size(max = 300) String location, @Size(max = 60) String unitRoom, @NotNull RequestType type,
                  FieldServiceKind fieldKind, Long categoryId, @NotBlank @Size(max = 200) String title,
                  @Size(max = 4000) String description, Channel channel, Priority priority,
                  @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime appointmentStart,
                  @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime appointmentEnd, String customerLabel) {

        static Intake empty(Channel channel) {
            return new Intake(null, null, null, null, null, RequestType.REPAIR, null, null, null, null, channel,
                    Priority.NORMAL, null, null, null);
        }
    }

    record Dispatch(@NotNull Long departmentId, Long assigneeId,
                    @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime internalDeadline, Long version) {
    }

    record Reassign(@NotNull Long assigneeId, @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime internalDeadline,
                    @Size(max = 2000) String reason, Long version) {
    }

    record SignOff(@NotBlank @Size(max = 100) String name, @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime signedAt,
                   @NotNull Boolean satisfied, Long version) {
    }
}
