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
                         Instant supplementaryAt, Instant closedAt, String createdBy, Instant createdAt, long version,
                         PublicTitle publicTitle) {
    }

    /**
     * Before the send: of the {@code sampleSize} customers drawn, {@code withoutEmail} have no e-mail address (with
     * the e-mail channel they go to the phone call list), and whether outgoing mail is configured (spring.mail.host).
     */
    public record SendCheck(int sampleSize, int withoutEmail, InvitationChannel defaultChannel, boolean mailConfigured) {
    }

    /**
     * A personal link issued again for an agent to copy or show as a QR code; the invitation's earlier link
     * stops working (only the token's hash is stored, so a link cannot be shown twice).
     */
    public record PersonalLink(long invitationId, String link, Instant expiresAt) {
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
