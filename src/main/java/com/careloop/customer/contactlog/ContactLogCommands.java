package com.careloop.customer.contactlog;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** Commands and views of the contact log. */
public final class ContactLogCommands {

    private ContactLogCommands() {
    }

    /** A new entry; no time means now, no staff means the current user. */
    public record AddEntry(@NotNull ContactKind kind, @NotNull ContactChannel channel, OffsetDateTime occurredAt,
                           Long staffId, @NotBlank @Size(max = 2000) String summary) {
    }

    /** The same from a page form, whose date-time input carries no offset (read in the company's zone). */
    public record EntryForm(@NotNull ContactKind kind, @NotNull ContactChannel channel,
                            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime occurredAt, Long staffId,
                            @NotBlank @Size(max = 2000) String summary) {

        public AddEntry toCommand(ZoneId zone) {
            return new AddEntry(kind, channel, occurredAt == null ? null : occurredAt.atZone(zone).toOffsetDateTime(),
                    staffId, summary);
        }
    }

    public record Entry(long id, Long customerId, Long liaisonPartyId, ContactKind kind, ContactChannel channel,
                        OffsetDateTime occurredAt, long staffId, String staffName, String summary) {
    }
}
