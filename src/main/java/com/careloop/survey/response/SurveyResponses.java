package com.careloop.survey.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.survey.report.SurveyReports;
import com.careloop.survey.scoring.RespondentScore;
import com.careloop.survey.scoring.Scoring;
import com.careloop.survey.template.ItemView;
import com.careloop.survey.template.SurveyTemplates;
import com.careloop.survey.template.TemplateView;
import com.careloop.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records questionnaires (one per invitation/token) with their answers and scores, and the manager's confirmation
 * that an opinion is the company's fault. Every command is one transaction with its audit entry: nothing is
 * half-saved.
 */
@Service
@Transactional
public class SurveyResponses {

    public static final String RECORD_TYPE = "survey-response";
    public static final Set<String> CHANNELS = Set.of("EMAIL", "PHONE", "PAPER", "ONSITE");

    private final JdbcClient jdbc;
    private final SurveyTemplates templates;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SurveyReports reports;

    SurveyResponses(JdbcClient jdbc, SurveyTemplates templates, AuditTrail audit, ApplicationEventPublisher events,
                    Clock clock, SurveyReports reports) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.templates = templates;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Invitation(long id, long campaignId, long customerId, Instant answeredAt) {
    }

    private record Campaign(String code, long templateId, String status, Instant supplementaryAt) {
    }

    /**
     * Records one questionnaire for an invitation: 404 for an unknown invitation, 409 if it already has a response
     * (one per token) or the campaign is closed, 422 naming the item for a rating outside the template's scale or an
     * unknown item, 422 when nothing is rated. Sets survey_invitation.answered_at, computes total/max/normalised/class,
     * stores the answers, and (after commit) runs the back-to-action rules.
     */
    public ResponseView submit(SubmitAnswers cmd) {
        Invitation inv = jdbc.sql("""
                select id, campaign_id, customer_id, answered_at from survey_invitation where id = :id for update""")
                .param("id", cmd.invitationId())
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs.getTimestamp(4))))
                .optional().orElseThrow(() -> new NotFoundException("survey-invitation", cmd.invitationId()));
        if (inv.answeredAt() != null || jdbc.sql("select count(*) from survey_response where invitation_id = :id")
                .param("id", inv.id()).query(Long.class).single() > 0) {
            throw new DomainException("survey-already-answered", Text.of("error.survey.already-answered",
                    String.valueOf(inv.id())));
        }
        Campaign campaign = jdbc.sql("select code, template_id, status, supplementary_at from survey_campaign where id = :id")
                .param("id", inv.campaignId())
                .query((rs, n) -> new Campaign(rs.getString(1), rs.getLong(2), rs.getString(3),
                        instant(rs.getTimestamp(4)))).single();
        if ("CLOSED".equals(campaign.status())) {
            throw new DomainException("survey-campaign-closed", Text.of("error.survey.campaign-closed",
                    campaign.code()));
        }
        String channel = cmd.channel() == null ? null : cmd.channel().trim().toUpperCase();
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new InvalidInputException("channel", "one-of", Text.of("error.survey.channel-one-of"));
        }
        if (cmd.enteredBy() != null && !cmd.enteredBy().isBlank() && "EMAIL".equals(channel)) {
            throw new InvalidInputException("channel", "agent-channel",
                    Text.of("error.survey.answer-typed-agent-phone"));
        }
        String opinion = cmd.opinion() == null || cmd.opinion().isBlank() ? null : cmd.opinion().trim();
        if (opinion != null && opinion.length() > 4000) {
            throw new InvalidInputException("opinion", "max-length", Text.of("error.survey.opinion-limited-4000-characters"));
        }
        TemplateView template = templates.revision(campaign.templateId());
        List<Rated> rated = rated(template, cmd.ratingsByItemCode());
        RespondentScore score = Scoring.respondent(template.scale(), rated.stream().map(Rated::rating).toList(),
                template.thresholdA(), template.thresholdB());
        Instant now = Instant.now(clock);
        boolean supplementary = campaign.supplementaryAt() != null && !now.isBefore(campaign.supplementaryAt());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_response (campaign_id, invitation_id, customer_id, template_id, channel, answered_at,
                  entered_by, supplementary, total_points, max_points, normalised, respondent_class, opinion,
                  fault_confirmed)
                values (:campaign, :invitation, :customer, :template, :channel, :at, :by, :supp, :total, :max, :norm,
                  :cls, :opinion, false)""")
                .param("campaign", inv.campaignId()).param("invitation", inv.id()).param("customer", inv.customerId())
                .param("template", template.id()).param("channel", channel).param("at", Timestamp.from(now))
                .param("by", cmd.enteredBy() == null || cmd.enteredBy().isBlank() ? null : cmd.enteredBy().trim())
                .param("supp", supplementary).param("total", score.totalPoints()).param("max", score.maxPoints())
                .param("norm", score.normalised()).param("cls", String.valueOf(score.respondentClass()))
                .param("opinion", opinion).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Rated r : rated) {
            jdbc.sql("""
                    insert into survey_answer (response_id, item_id, campaign_id, rating, points)
                    values (:r, :item, :campaign, :rating, :points)""")
                    .param("r", id).param("item", r.item().id()).param("campaign", inv.campaignId())
                    .param("rating", r.rating()).param("points", template.scale().points(r.rating())).update();
        }
        jdbc.sql("update survey_invitation set answered_at = :at, version = version + 1 where id = :id")
                .param("at", Timestamp.from(now)).param("id", inv.id()).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "SUBMIT", List.of(
                new FieldChange("invitationId", null, String.valueOf(inv.id())),
                new FieldChange("channel", null, channel),
                new FieldChange("enteredBy", null, cmd.enteredBy()),
                new FieldChange("ratings", null, rated.stream().map(r -> r.item().code() + "=" + r.rating()).toList().toString()),
                new FieldChange("normalised", null, score.normalised().toPlainString()),
                new FieldChange("respondentClass", null, String.valueOf(score.respondentClass()))));
        events.publishEvent(new ResponseRecorded(id, inv.campaignId()));
        events.publishEvent(new com.careloop.survey.SurveyResponseReceived(id, inv.campaignId(), inv.customerId()));
        return new ResponseView(id, inv.campaignId(), inv.customerId(), score.normalised(), score.respondentClass());
    }

    /** A manager confirms (or withdraws) that a respondent's opinion is the company's fault (-0.1 each). */
    public ResponseDetail confirmFault(long responseId, boolean confirmed) {
        ResponseDetail before = detail(responseId);
        if (confirmed && before.opinion() == null) {
            throw new InvalidInputException("faultConfirmed", "needs-opinion",
                    Text.of("error.survey.response-has-no-opinion"));
        }
        if (before.faultConfirmed() != confirmed) {
            jdbc.sql("update survey_response set fault_confirmed = :f where id = :id").param("f", confirmed)
                    .param("id", responseId).update();
            audit.record(RECORD_TYPE, String.valueOf(responseId), "FAULT_CONFIRMED", List.of(
                    new FieldChange("faultConfirmed", String.valueOf(before.faultConfirmed()), String.valueOf(confirmed))));
            reports.forget(before.campaignId()); // a CLOSED campaign's kept summary counts the confirmed faults
        }
        return detail(responseId);
    }

    @Transactional(readOnly = true)
    public ResponseDetail detail(long responseId) {
        List<ResponseDetail.Answer> answers = jdbc.sql("""
                select i.code, a.rating, a.points from survey_answer a join survey_item i on i.id = a.item_id
                where a.response_id = :id order by i.sort_order""").param("id", responseId)
                .query((rs, n) -> new ResponseDetail.Answer(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3))).list();
        return jdbc.sql("""
                select id, campaign_id, invitation_id, customer_id, template_id, channel, answered_at, entered_by,
                       supplementary, total_points, max_points, normalised, respondent_class, opinion, fault_confirmed
                from survey_response where id = :id""").param("id", responseId)
                .query((rs, n) -> new ResponseDetail(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), odt(rs.getTimestamp(7).toInstant()), rs.getString(8),
                        rs.getBoolean(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getString(13).charAt(0), rs.getString(14), rs.getBoolean(15), answers))
                .optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, responseId));
    }

    /** The response of an invitation, if it has one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> responseOf(long invitationId) {
        return jdbc.sql("select id from survey_response where invitation_id = :id").param("id", invitationId)
                .query(Long.class).optional();
    }

    /** What the agent entry page shows: the invitation, its campaign's template revision and any response. */
    public record EntryContext(long invitationId, long campaignId, String campaignCode, String campaignName,
                               String customerName, String channel, TemplateView template, Long responseId) {
    }

    /** The entry context of an invitation of a campaign; 404 when the invitation is not the campaign's. */
    @Transactional(readOnly = true)
    public EntryContext entryContext(long campaignId, long invitationId) {
        record Row(String code, String name, long templateId, String customerName, String channel) {
        }
        Row row = jdbc.sql("""
                select c.code, c.name, c.template_id, i.customer_name, i.channel from survey_invitation i
                join survey_campaign c on c.id = i.campaign_id where i.id = :id and i.campaign_id = :campaign""")
                .param("id", invitationId).param("campaign", campaignId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).optional()
                .orElseThrow(() -> new NotFoundException("survey-invitation", invitationId));
        return new EntryContext(invitationId, campaignId, row.code(), row.name(), row.customerName(), row.channel(),
                templates.revision(row.templateId()), responseOf(invitationId).orElse(null));
    }

    private record Rated(ItemView item, int rating) {
    }

    /** The answers in questionnaire order; unknown items, ratings off the scale and an empty form are refused. */
    private static List<Rated> rated(TemplateView template, Map<String, Integer> ratings) {
        Map<String, ItemView> byCode = new LinkedHashMap<>();
        template.items().forEach(i -> byCode.put(i.code(), i));
        Map<String, Integer> given = ratings == null ? Map.of() : ratings;
        for (var e : given.entrySet()) {
            ItemView item = byCode.get(e.getKey());
            if (item == null) {
                throw new InvalidInputException("ratingsByItemCode." + e.getKey(), "unknown-item",
                        Text.of("error.survey.unknown-item", e.getKey()));
            }
            if (e.getValue() != null && !template.scale().contains(e.getValue())) {
                throw new InvalidInputException("ratingsByItemCode." + e.getKey(), "scale", Text.of("error.survey.rating-off-scale", item.text(),
                        String.valueOf(e.getValue()), String.valueOf(template.scale().ratings()), e.getKey()));

            }
        }
        List<Rated> rated = new ArrayList<>();
        for (ItemView item : byCode.values()) {
            Integer r = given.get(item.code());
            if (r != null) {
                rated.add(new Rated(item, r));
            }
        }
        if (rated.isEmpty()) {
            throw new InvalidInputException("ratingsByItemCode", "not-empty",
                    Text.of("error.survey.rate-least-one-item"));
        }
        return rated;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime odt(Instant i) {
        return i.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
    }

}
