package com.careloop.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.Segment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of a survey campaign; {@code version} is the optimistic-lock check (stale -> 409). */
public final class SurveyCampaignCommands {

    private SurveyCampaignCommands() {
    }

    /**
     * Who is surveyed: kinds (empty = all; [DISTRIBUTOR] = all distributors), a segment, a region, the main
     * customers making up 70% of a year's revenue ({@code revenueYear}), active customers only (default).
     */
    public record PopulationFilter(Set<CustomerKind> kinds, Segment segment, @Size(max = 100) String region,
                                   Integer revenueYear, Boolean activeOnly) {
    }

    public record CreateCampaign(@NotBlank @Size(max = 200) String name, @NotNull Long templateId,
                                 @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @NotNull LocalDate deadline,
                                 @Valid PopulationFilter population, InvitationChannel defaultChannel,
                                 @DecimalMin("0.01") @DecimalMax("1") BigDecimal sampleFraction, StratifyBy stratifyBy,
                                 @DecimalMin("1") @DecimalMax("100") BigDecimal responseTarget,
                                 @Valid PublicTitle publicTitle) {
    }

    /** The survey's public title (what the customer reads), per language. */
    public record Retitle(@Valid PublicTitle publicTitle, Long version) {
    }

    /** Draws (or, while SAMPLED, redraws) the sample; {@code seed} null = a new random seed. */
    public record Draw(Long seed, Long version) {
    }

    public record Step(Long version) {
    }
}
