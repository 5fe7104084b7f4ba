package com.careloop.reporting.report;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the API and pages send to the reports. */
public final class ReportCommands {

    private ReportCommands() {
    }

    /**
     * Generate the report of a kind for a period: {@code first} any day in the period (a week's Monday–Sunday, the
     * month, the year), or {@code year} (and {@code month} for monthly kinds); {@code last}, when given, must be the
     * period's last day. {@code customerId}: the key customer of a CUSTOMER_MONTHLY report.
     */
    public record Generate(@NotNull ReportKind kind, LocalDate first, LocalDate last, Integer year, Integer month,
                           Long customerId) {
    }

    /** The free-text parts (field -> text) with the version the writer saw. */
    public record WriteTexts(@NotNull Map<String, @Size(max = 4000) String> texts, Long version) {
    }

    /** A step with the version the user saw (optional: checked when given). */
    public record Step(Long version) {
    }

    public record Return(@Size(max = 2000) String comment, Long version) {
    }
}
