package com.careloop.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.survey.SurveyCampaignCommands.PopulationFilter;

/** What the campaign pages, the API and other modules read. */
public final class SurveyCampaignViews {

    private SurveyCampaignViews() {
    }

    public record Row(long id, String code, String name, SurveyCampaignStatus status, LocalDate deadline,
                      Integer populationSize, Integer sampleSize, long sent, long answered, BigDecimal rate) {
    }

    /** One stratum of the preview: its population and its allocated share of the sample. */
    public record StratumShare(String key, int population, int sample) {
    }

    /**
     * The sampling preview: N, the distributors taken in full, the table line applied to the others (N'),
     * the share used, n and its words, the strata and the seed.
     */
    public record Preview(int population, int inFull, int others, String band, BigDecimal fraction, int sampleSize,
                          String rule, List<StratumShare> strata, long seed) {
    }

    /** sent / answered / rate (percent, 1 decimal); {@code key} the channel or stratum for breakdown rows. */
    public record Rate(String key, long sent, long answered, BigDecimal rate) {
    }

    /**
     * Live response rate; {@code before} the figures when the supplementary round went out (null before it);
     * {@code reached} the rate is at least the target.
     */
    public record Rates(Rate total, BigDecimal target, boolean reached, List<Rate> byChannel, List<Rate> byStratum,
                        Rate before, Instant supplementaryAt) {
    }

    public record Detail(long id, String code, String name, long templateId, LocalDate periodFrom, LocalDate periodTo,
                         LocalDate deadline, SurveyCampaignStatus status, PopulationFilter population,
                         InvitationChannel defaultChannel, BigDecimal sampleFraction, StratifyBy stratifyBy,
                         BigDecimal responseTarget, Preview preview, Rates rates, Instant remindedAt,
                         Instant supplementaryAt, Instant closedAt, String createdBy, Instant createdAt, long version) {
    }

    public record Invitation(long id, long customerId, String customerName, String email, String stratum,
                             InvitationChannel channel, String language, Instant sentAt, Instant remindedAt,
                             Instant supplementarySentAt, Instant answeredAt, String mailStatus, String mailError,
                             Instant tokenExpiresAt) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    /** A customer's survey invitations, for the customer 360 (respondentClass null until answered). */
    public record CustomerInvitation(long campaignId, String campaignCode, String campaignName,
                                     InvitationChannel channel, Instant sentAt, Instant answeredAt,
                                     String respondentClass) {
    }
}
