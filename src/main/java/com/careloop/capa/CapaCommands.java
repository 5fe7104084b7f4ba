package com.careloop.capa;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of the CAPA procedure; {@code version} is the optimistic-lock check (stale -> 409). */
public final class CapaCommands {

    private CapaCommands() {
    }

    /** The "new CAPA" form and {@code POST /api/v1/capa}: a manual entry, an audit finding or an inspection. */
    public record Open(@NotBlank String sourceType, Long sourceId, @Size(max = 60) String sourceCode,
                       @NotBlank @Size(max = 4000) String problem, Long customerId, Long departmentId, Boolean eightD) {
    }

    public record Contain(@NotBlank @Size(max = 4000) String containment, Long version) {
    }

    /** 5 whys (1..5 answers, in order), the fishbone category and the root-cause statement. */
    public record RootCause(@NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 1000) String> whys,
                            @NotNull FishboneCategory category, @NotBlank @Size(max = 4000) String statement,
                            Long version) {
    }

    public record PlanAction(@NotBlank @Size(max = 4000) String description, @NotNull Long ownerUserId,
                             @NotNull LocalDate dueDate, Long version) {
    }

    public record ActionDone(@NotBlank @Size(max = 4000) String evidence, Long version) {
    }

    public record StartVerification(Long version) {
    }

    public record CheckEffectiveness(@NotNull Boolean effective, @NotBlank @Size(max = 4000) String evidence,
                                     Long version) {
    }

    public record Close(@NotBlank @Size(max = 4000) String recurrencePrevention, Long version) {
    }

    /** 8D D1: a member of the team. */
    public record AddTeamMember(@NotBlank @Size(max = 100) String name, @Size(max = 100) String role, Long version) {
    }
}
