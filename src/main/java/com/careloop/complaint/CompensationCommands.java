package com.careloop.complaint;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of advance compensation (先行赔偿) requests; {@code version}: stale -> 409. */
public final class CompensationCommands {

    private CompensationCommands() {
    }

    public record RequestCompensation(@NotNull Long customerId, Long complaintId,
                                      @NotBlank @Size(max = 4000) String reason, BigDecimal amount) {
    }

    public record Pay(@Size(max = 100) String paymentReference, Long version) {
    }
}
