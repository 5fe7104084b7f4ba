package com.careloop.survey.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.StratifyBy;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import static com.careloop.survey.SurveyCampaignStatus.CLOSED;
import static com.careloop.survey.SurveyCampaignStatus.DRAFT;
import static com.careloop.survey.SurveyCampaignStatus.SAMPLED;
import static com.careloop.survey.SurveyCampaignStatus.SENT;
import static com.careloop.survey.SurveyCampaignStatus.SUPPLEMENTARY;

/**
 * A satisfaction-survey campaign (顾客满意度调查, R-QP-005-01) as the steps of the procedure: drawn (and
 * redrawn while only a preview), sent, the supplementary round (追加调查) to non-respondents, closed. Each
 * step refuses an out-of-order call with 409 naming the current state.
 */
@Entity
@Table(name = "survey_campaign")
public class SurveyCampaign implements Auditable {

    public static final String RECORD_TYPE = "survey-campaign";

    /** The figures of a draw, kept with the campaign so the preview is the sample that is sent. */
    public record Sampled(int populationSize, int inFullCount, String sampleRule, int sampleSize, long seed,
                          String strata) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private long templateId;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private SurveyCampaignStatus status;
    private String populationFilter;
    private Integer populationSize;
    private Integer inFullCount;
    private String sampleRule;
    private BigDecimal sampleFraction;
    private Integer sampleSize;
    private Long seed;
    private String strata;
    @Enumerated(EnumType.STRING)
    private StratifyBy stratifyBy;
    @Enumerated(EnumType.STRING)
    private InvitationChannel defaultChannel;
    private BigDecimal responseTarget;
    private Instant remindedAt;
    private Instant supplementaryAt;
    private Integer beforeSent;
    private Integer beforeAnswered;
    private Instant closedAt;
    private String createdBy;
    private String publicTitle;
    private String publicTitleZhTw;
    private String publicTitleEn;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected SurveyCampaign() {
    }

    public static SurveyCampaign plan(String code, String name, long templateId, LocalDate periodFrom,
                                      LocalDate periodTo, LocalDate deadline, String populationFilter,
                                      InvitationChannel defaultChannel, BigDecimal sampleFraction,
                                      StratifyBy stratifyBy, BigDecimal responseTarget, String by, Instant now) {
        if (periodTo.isBefore(periodFrom)) {
            throw new InvalidInputException("periodTo", "after-period-from",
                    Text.of("error.survey.period-cannot-end-before"));
        }
        if (deadline.isBefore(periodFrom)) {
            throw new InvalidInputException("deadline", "after-period-from",
                    Text.of("error.survey.deadline-cannot-before-period"));
        }
        SurveyCampaign c = new SurveyCampaign();
        c.code = code;
        c.name = name.trim();
        c.templateId = templateId;
        c.periodFrom = periodFrom;
        c.periodTo = periodTo;
        c.deadline = deadline;
        c.status = DRAFT;
        c.populationFilter = populationFilter;
        c.defaultChannel = defaultChannel == null ? InvitationChannel.EMAIL : defaultChannel;
        c.sampleFraction = sampleFraction;
        c.stratifyBy = stratifyBy;
        c.responseTarget = responseTarget == null ? new BigDecimal("70") : responseTarget;
        c.createdBy = by;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Draws the sample (DRAFT) or redraws it with a new seed (SAMPLED); nothing is sent yet. */
    public void sample(Sampled s, Instant now) {
        requireState("draw", DRAFT, SAMPLED);
        if (s.sampleSize() == 0) {
            throw new InvalidInputException("population", "not-empty", s.populationSize() == 0
                    ? Text.of("error.survey.no-customer-matches-population")
                    : Text.of("error.survey.sample-empty"));
        }
        this.populationSize = s.populationSize();
        this.inFullCount = s.inFullCount();
        this.sampleRule = s.sampleRule();
        this.strata = s.strata();
        this.sampleSize = s.sampleSize();
        this.seed = s.seed();
        this.status = SAMPLED;
        this.updatedAt = now;
    }

    /** The invitations went out (created in the same transaction). */
    public void send(Instant now) {
        requireState("send", SAMPLED);
        this.status = SENT;
        this.updatedAt = now;
    }

    /** A reminder to e-mail non-respondents: at most once per calendar day ({@code startOfToday}). */
    public void remind(Instant startOfToday, Instant now) {
        requireState("remind", SENT, SUPPLEMENTARY);
        if (remindedAt != null && !remindedAt.isBefore(startOfToday)) {
            throw new DomainException("already-reminded-today",
                    Text.of("error.survey.already-reminded-today"));
        }
        this.remindedAt = now;
        this.updatedAt = now;
    }

    /** The supplementary round (追加调查): only while the rate is below the target; the rate before is kept. */
    public void startSupplementary(int sent, int answered, Instant now) {
        requireState("run the supplementary round", SENT);
        if (reached(sent, answered)) {
            throw new DomainException("target-reached", Text.of("error.survey.target-reached",
                    responseTarget.stripTrailingZeros().toPlainString()));
        }
        this.beforeSent = sent;
        this.beforeAnswered = answered;
        this.supplementaryAt = now;
        this.status = SUPPLEMENTARY;
        this.updatedAt = now;
    }

    /** The title the customer reads (token page, mail); not once the campaign is closed. */
    public void retitle(com.careloop.survey.PublicTitle title, Instant now) {
        if (status == CLOSED) {
            throw new DomainException("invalid-state", Text.of("error.survey.closed-keeps-title"),
                    Map.of("status", status.name()));
        }
        var t = title == null ? com.careloop.survey.PublicTitle.none() : title.normalized();
        this.publicTitle = t.zhCn();
        this.publicTitleZhTw = t.zhTw();
        this.publicTitleEn = t.en();
        this.updatedAt = now;
    }

    public com.careloop.survey.PublicTitle publicTitle() {
        return new com.careloop.survey.PublicTitle(publicTitle, publicTitleZhTw, publicTitleEn);
    }

    public void close(Instant now) {
        requireState("close", SENT, SUPPLEMENTARY);
        this.status = CLOSED;
        this.closedAt = now;
        this.updatedAt = now;
    }

    /** answered / sent >= target (percent). */
    public boolean reached(long sent, long answered) {
        return sent > 0 && BigDecimal.valueOf(answered).multiply(BigDecimal.valueOf(100))
                .compareTo(responseTarget.multiply(BigDecimal.valueOf(sent))) >= 0;
    }

    private void requireState(String step, SurveyCampaignStatus... allowed) {
        for (SurveyCampaignStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new DomainException("invalid-state", Text.of("error.survey.campaign-state", String.valueOf(status), step), Map.of
("status", status.name()));
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("templateId", templateId);
        m.put("period", periodFrom + ".." + periodTo);
        m.put("deadline", deadline);
        m.put("status", status);
        m.put("populationFilter", populationFilter);
        m.put("defaultChannel", defaultChannel);
        m.put("sampleFraction", sampleFraction);
        m.put("stratifyBy", stratifyBy);
        m.put("responseTarget", responseTarget);
        m.put("populationSize", populationSize);
        m.put("sampleSize", sampleSize);
        m.put("sampleRule", sampleRule);
        m.put("seed", seed);
        m.put("remindedAt", remindedAt);
        m.put("supplementaryAt", supplementaryAt);
        m.put("closedAt", closedAt);
        m.put("publicTitle", publicTitle);
        m.put("publicTitleZhTw", publicTitleZhTw);
        m.put("publicTitleEn", publicTitleEn);
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public long getTemplateId() { return templateId; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public LocalDate getDeadline() { return deadline; }
    public SurveyCampaignStatus getStatus() { return status; }
    public String getPopulationFilter() { return populationFilter; }
    public Integer getPopulationSize() { return populationSize; }
    public Integer getInFullCount() { return inFullCount; }
    public String getSampleRule() { return sampleRule; }
    public BigDecimal getSampleFraction() { return sampleFraction; }
    public Integer getSampleSize() { return sampleSize; }
    public Long getSeed() { return seed; }
    public String getStrata() { return strata; }
    public StratifyBy getStratifyBy() { return stratifyBy; }
    public InvitationChannel getDefaultChannel() { return defaultChannel; }
    public BigDecimal getResponseTarget() { return responseTarget; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getSupplementaryAt() { return supplementaryAt; }
    public Integer getBeforeSent() { return beforeSent; }
    public Integer getBeforeAnswered() { return beforeAnswered; }
    public Instant getClosedAt() { return closedAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
