package com.careloop.survey.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.ComplaintCounts;
import com.careloop.platform.Databases;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestCounts;
import com.careloop.survey.scoring.Adjusted;
import com.careloop.survey.scoring.AdjustmentSteps;
import com.careloop.survey.scoring.ItemStats;
import com.careloop.survey.scoring.Scoring;
import com.careloop.survey.scoring.WeightedFigure;
import com.careloop.survey.template.DimensionView;
import com.careloop.survey.template.ItemView;
import com.careloop.survey.template.Scale;
import com.careloop.survey.template.SurveyTemplates;
import com.careloop.survey.template.TemplateView;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the campaign report with the aggregation in the database and the formulas of {@link Scoring} on the counts —
 * no answer rows are loaded into Java. On PostgreSQL the answers per (item, rating) and the responses per class come
 * from the tallies that triggers keep on write (V175, ADR 0035): a few dozen rows per campaign, whatever its size; on
 * H2 they are counted (GROUP BY over survey_answer on ix_survey_answer_report, over survey_response). The invitations
 * are counted on both. The period of the adjustments is the campaign's period_from .. period_to (whole days,
 * Asia/Shanghai).
 */
@Service
@Transactional(readOnly = true)
public class SurveyReports {

    /** At most this many verbatim opinions are listed (newest first); {@code opinionCount} has them all. */
    public static final int MAX_OPINIONS = 1000;
    private static final int TREND_CAMPAIGNS = 6;

    /** A campaign's answers per (item, rating): counted, or read from the tally (V175). */
    private static final String ANSWERS_COUNTED = """
            select item_id, rating, count(*) from survey_answer where campaign_id = :id group by item_id, rating""";
    private static final String ANSWERS_TALLIED = """
            select item_id, rating, answers from survey_answer_tally where campaign_id = :id and answers <> 0""";
    /** A campaign's responses per class: count, the sum for SCORE, opinions and confirmed faults. */
    private static final String RESPONSES_COUNTED = """
            select respondent_class, count(*), sum(normalised), count(opinion),
                   sum(case when fault_confirmed then 1 else 0 end)
            from survey_response where campaign_id = :id group by respondent_class""";
    private static final String RESPONSES_TALLIED = """
            select respondent_class, responses, normalised_sum, opinions, faults
            from survey_response_tally where campaign_id = :id and responses <> 0""";

    private final JdbcClient jdbc;
    private final SurveyTemplates templates;
    private final ComplaintCounts complaints;
    private final ServiceRequestCounts desk;
    private final AdjustmentSteps steps;
    /** Whether the tallies of V175 are kept (PostgreSQL); elsewhere the answers and responses are counted. */
    private final boolean tallied;
    /** Summaries of CLOSED campaigns (see {@link #summary}). */
    private final Cache<Long, SurveySummary> closed;

    SurveyReports(JdbcClient jdbc, SurveyTemplates templates, ComplaintCounts complaints, ServiceRequestCounts desk,
                  AdjustmentSteps steps, DataSource dataSource,
                  @Value("${careloop.survey.closed-summary-cache:10m}") Duration keepClosed) {
        this.tallied = Databases.isPostgres(dataSource);
        this.closed = Caffeine.newBuilder().expireAfterWrite(keepClosed).maximumSize(500).build();
        this.jdbc = jdbc;
        this.templates = templates;
        this.complaints = complaints;
        this.desk = desk;
        this.steps = steps;
    }

    private record Campaign(long id, String code, String name, String status, long templateId, LocalDate from,
                            LocalDate to, Integer population, Integer sampleSize, Instant supplementaryAt,
                            BigDecimal responseTarget) {
    }

    /** The figures a campaign contributes to a trend, and the report's core. */
    private record Figures(TemplateView template, Map<Long, ItemStats> items, List<DimensionFigure> dimensions,
                           BigDecimal overallScore, BigDecimal overallRate, Adjusted overall, BigDecimal index,
                           long[] classes, long opinions) {
    }

    private record DimensionFigure(DimensionView dimension, BigDecimal figure, ItemStats pooled) {
    }

    /**
     * The campaign's figures without trend and opinions — the same numbers as {@link #report}. A CLOSED campaign's
     * summary is kept (it takes no answers any more) until {@link #forget} is called for it (a manager confirming or
     * withdrawing a fault on one of its responses) or {@code careloop.survey.closed-summary-cache} (default 10 min)
     * has passed, which bounds a late complaint or praise registered back into its period.
     */
    public SurveySummary summary(long campaignId) {
        SurveySummary kept = closed.getIfPresent(campaignId);
        if (kept != null) {
            return kept;
        }
        Campaign c = campaign(campaignId);
        Figures f = figures(c);
        long[] inv = invitations(c);
        SurveySummary s = new SurveySummary(c.id(), c.name(), c.status(), c.from(), c.to(), f.template().thresholdB(),
                inv[0], inv[1], rate(inv[1], inv[0]), f.overall(), f.index(), f.classes()[0], f.classes()[1],
                f.classes()[2], lines(f));
        if ("CLOSED".equals(c.status())) {
            closed.put(campaignId, s);
        }
        return s;
    }

    /** Drops the kept summary of a campaign whose figures changed after it closed. */
    public void forget(long campaignId) {
        closed.invalidate(campaignId);
    }

    public SurveyReport report(long campaignId) {
        Campaign c = campaign(campaignId);
        Figures f = figures(c);
        TemplateView t = f.template();
        long[] inv = invitations(c);
        long sent = inv[0];
        long answered = inv[1];
        List<SurveyReport.ItemLine> lines = lines(f);
        ItemStats all = pooled(t.scale(), f.items().values());
        var totals = new SurveyReport.Totals(List.copyOf(all.countsByRating().values()), all.answers(),
                all.averagePoints(), all.satisfactionRate());
        List<SurveyReport.DimensionLine> dims = f.dimensions().stream().map(d -> new SurveyReport.DimensionLine(
                d.dimension().id(), d.dimension().name(), d.dimension().nameZhTw(), d.dimension().nameEn(),
                d.dimension().weight(), d.figure(), d.pooled().averagePoints(), d.pooled().satisfactionRate())).toList();
        List<SurveyReport.TrendPoint> trend = trend(c, t.code(), f);
        BigDecimal change = null;
        if (trend.size() >= 2 && trend.get(trend.size() - 1).adjusted() != null
                && trend.get(trend.size() - 2).adjusted() != null) {
            change = trend.get(trend.size() - 1).adjusted().subtract(trend.get(trend.size() - 2).adjusted());
        }
        long opinionCount = f.opinions();
        List<SurveyReport.Opinion> opinions = jdbc.sql("""
                select r.id, r.customer_id, i.customer_name, r.answered_at, r.channel, r.respondent_class, r.normalised,
                       r.opinion, r.fault_confirmed
                from survey_response r join survey_invitation i on i.id = r.invitation_id
                where r.campaign_id = :id and r.opinion is not null order by r.answered_at desc, r.id desc
                limit :limit""").param("id", campaignId).param("limit", MAX_OPINIONS)
                .query((rs, n) -> new SurveyReport.Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        odt(rs.getTimestamp(4).toInstant()), rs.getString(5), rs.getString(6).charAt(0),
                        rs.getBigDecimal(7), rs.getString(8), rs.getBoolean(9))).list();
        return new SurveyReport(c.id(), c.code(), c.name(), c.status(), c.from(), c.to(), t.id(), t.code(),
                t.revision(), t.name(), t.scale(), t.method(), t.thresholdA(), t.thresholdB(), c.population(),
                c.sampleSize(), sent, answered,
                c.population() == null || c.population() == 0 ? null : rate(sent, c.population()),
                rate(answered, sent), odt(c.supplementaryAt()), inv[2],
                c.supplementaryAt() == null ? null : rate(inv[2], sent), c.responseTarget(), lines, totals, dims,
                f.overallScore(), f.overallRate(), f.overall(), f.index(), f.classes()[0], f.classes()[1],
                f.classes()[2], trend, change, opinionCount, opinions);
    }

    /** Invitations sent, answered, and answered before the supplementary round. */
    private long[] invitations(Campaign c) {
        String before = c.supplementaryAt() == null ? "answered_at is not null" : "answered_at < :supp";
        return jdbc.sql("select count(sent_at), count(answered_at), sum(case when " + before
                        + " then 1 else 0 end) from survey_invitation where campaign_id = :id")
                .params(c.supplementaryAt() == null ? Map.of("id", c.id())
                        : Map.of("id", c.id(), "supp", Timestamp.from(c.supplementaryAt())))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** The item rows in the template's order. */
    private static List<SurveyReport.ItemLine> lines(Figures f) {
        TemplateView t = f.template();
        List<SurveyReport.ItemLine> lines = new ArrayList<>();
        Map<Long, String> dimensionOf = new HashMap<>();
        t.dimensions().forEach(d -> d.items().forEach(i -> dimensionOf.put(i.id(), d.name())));
        for (ItemView i : t.items()) {
            ItemStats s = f.items().get(i.id());
            lines.add(new SurveyReport.ItemLine(i.id(), i.code(), i.text(), i.textZhTw(), i.textEn(),
                    dimensionOf.get(i.id()), List.copyOf(s.countsByRating().values()), s.answers(), s.dissatisfied(),
                    s.averagePoints(), s.satisfactionRate()));
        }
        return List.copyOf(lines);
    }

    private Figures figures(Campaign c) {
        TemplateView t = templates.revision(c.templateId());
        Map<Long, Map<Integer, Long>> counts = new HashMap<>();
        jdbc.sql(tallied ? ANSWERS_TALLIED : ANSWERS_COUNTED).param("id", c.id())
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        Map<Long, ItemStats> items = new java.util.LinkedHashMap<>();
        for (ItemView i : t.items()) {
            items.put(i.id(), Scoring.item(t.scale(), counts.getOrDefault(i.id(), Map.of())));
        }
        // one pass over the campaign's responses: classes, the sum for SCORE, opinions and confirmed faults
        long[] classes = new long[3];
        long[] opinionsAndFaults = new long[2];
        BigDecimal[] sum = {BigDecimal.ZERO};
        jdbc.sql(tallied ? RESPONSES_TALLIED : RESPONSES_COUNTED).param("id", c.id())
                .query(rs -> {
                    int k = rs.getString(1).charAt(0) - 'A';
                    classes[k] = rs.getLong(2);
                    sum[0] = sum[0].add(rs.getBigDecimal(3));
                    opinionsAndFaults[0] += rs.getLong(4);
                    opinionsAndFaults[1] += rs.getLong(5);
                });
        long respondents = classes[0] + classes[1] + classes[2];
        BigDecimal score = Scoring.overallScore(sum[0], respondents);
        BigDecimal rate = Scoring.overallRate(items.values());
        List<DimensionFigure> dims = new ArrayList<>();
        List<WeightedFigure> weighted = new ArrayList<>();
        for (DimensionView d : t.dimensions()) {
            List<ItemStats> its = d.items().stream().map(i -> items.get(i.id())).toList();
            BigDecimal figure = Scoring.figure(t.method(), its);
            dims.add(new DimensionFigure(d, figure, pooled(t.scale(), its)));
            weighted.add(new WeightedFigure(d.weight(), figure));
        }
        Instant from = c.from().atStartOfDay(BusinessCalendar.DEFAULT_ZONE).toInstant();
        Instant to = c.to().plusDays(1).atStartOfDay(BusinessCalendar.DEFAULT_ZONE).toInstant();
        long faults = opinionsAndFaults[1];
        Adjusted overall = Scoring.adjust(t.method() == com.careloop.survey.template.Method.SCORE ? score : rate, steps,
                complaints.receivedBetween(from, to), faults, desk.countOfType(RequestType.PRAISE, from, to));
        return new Figures(t, items, dims, score, rate, overall, Scoring.weightedIndex(weighted), classes,
                opinionsAndFaults[0]);
    }

    /** The item stats of several items pooled as one (a dimension, or the 合计 row). */
    private static ItemStats pooled(Scale scale, java.util.Collection<ItemStats> items) {
        Map<Integer, Long> counts = new HashMap<>();
        for (ItemStats s : items) {
            s.countsByRating().forEach((r, n) -> counts.merge(r, n, Long::sum));
        }
        return Scoring.item(scale, counts);
    }

    /** Up to five earlier campaigns of the same template code (earlier period first), then this one. */
    private List<SurveyReport.TrendPoint> trend(Campaign current, String templateCode, Figures currentFigures) {
        List<Long> earlier = jdbc.sql("""
                select c.id from survey_campaign c join survey_template t on t.id = c.template_id
                where t.code = :code and c.id <> :id and c.period_from < :from
                order by c.period_from desc, c.id desc limit :limit""")
                .param("code", templateCode).param("id", current.id()).param("from", current.from())
                .param("limit", TREND_CAMPAIGNS - 1).query(Long.class).list();
        List<SurveyReport.TrendPoint> points = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Campaign c = campaign(earlier.get(i));
            points.add(point(c, figures(c)));
        }
        points.add(point(current, currentFigures));
        return points;
    }

    private static SurveyReport.TrendPoint point(Campaign c, Figures f) {
        return new SurveyReport.TrendPoint(c.id(), c.code(), c.name(), c.from(), c.to(), f.overall().raw(),
                f.overall().adjusted(), f.index());
    }

    private Campaign campaign(long id) {
        return jdbc.sql("""
                select id, code, name, status, template_id, period_from, period_to, population_size, sample_size,
                       supplementary_at, response_target from survey_campaign where id = :id""").param("id", id)
                .query((rs, n) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getBigDecimal(11)))
                .optional().orElseThrow(() -> new NotFoundException("survey-campaign", id));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : Scoring.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
    }

}
