package com.careloop.survey.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.Figure.Unit;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.FigureTable.Row;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey module's figures (docs/reporting-figures-quality.md): the latest campaign's figures are its
 * 顾客满意度调查统计表 — its {@link SurveyReports#summary} (the report's numbers without trend and opinions), so
 * they equal the campaign report; each campaign is computed once per call, CLOSED ones are kept by SurveyReports.
 * Responses are those answered in the period. Satisfaction is a company measure: an OWN scope gets none.
 */
@Component
@Transactional(readOnly = true)
class SurveyFigures implements FigureSource {

    /** Campaigns that have gone out (answers possible). */
    private static final String SENT = "c.status in ('SENT', 'SUPPLEMENTARY', 'CLOSED')";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final SurveyReports reports;
    private final ZoneId zone;

    SurveyFigures(JdbcClient jdbc, SurveyReports reports, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.zone = properties.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        if (q.scope().kind() == DataScope.Kind.OWN) {
            return List.of();
        }
        List<Figure> f = new ArrayList<>();
        String customer = q.customerId() == null ? "" : " and r.customer_id = :customer";
        var responses = jdbc.sql("select count(*) from survey_response r where r.answered_at >= :from"
                        + " and r.answered_at < :to" + customer)
                .param("from", Timestamp.from(q.period().from(zone))).param("to", Timestamp.from(q.period().to(zone)));
        if (q.customerId() != null) {
            responses = responses.param("customer", q.customerId());
        }
        f.add(Figure.count("survey.responses", responses.query(Long.class).single(), Better.NONE, "/surveys/campaigns"));
        if (q.customerId() != null) {
            return f;
        }
        // the latest campaign sent whose survey period began by the end of the query's period
        jdbc.sql("select c.id from survey_campaign c where " + SENT + " and c.period_from <= :last"
                        + " order by c.period_to desc, c.id desc limit 1")
                .param("last", q.period().last()).query(Long.class).optional()
                .map(reports::summary).ifPresent(r -> f.addAll(latest(r)));
        return f;
    }

    private static List<Figure> latest(SurveySummary r) {
        String link = "/surveys/campaigns/" + r.campaignId() + "/report";
        long classes = r.classA() + r.classB() + r.classC();
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("survey.satisfaction", r.overall() == null ? null : r.overall().adjusted(), Unit.SCORE,
                Better.HIGHER, null, null, link));
        f.add(new Figure("survey.weightedIndex", r.weightedIndex(), Unit.SCORE, Better.HIGHER, null, null, link));
        f.add(Figure.rate("survey.responseRate", r.answered(), r.sent(), Better.HIGHER, link));
        f.add(Figure.rate("survey.classA", r.classA(), classes, Better.HIGHER, link));
        f.add(Figure.rate("survey.classB", r.classB(), classes, Better.NONE, link));
        f.add(Figure.rate("survey.classC", r.classC(), classes, Better.LOWER, link));
        return f;
    }

    @Override
    public List<FigureTable> tables(FigureQuery q) {
        if (q.purpose() != Purpose.MANAGEMENT_REVIEW || q.scope().kind() == DataScope.Kind.OWN) {
            return List.of();
        }
        // every campaign sent up to the end of the period: the year's and the earlier years' (the trend)
        List<SurveySummary> all = jdbc.sql("select c.id from survey_campaign c where " + SENT
                        + " and c.period_from <= :last order by c.period_from, c.id")
                .param("last", q.period().last()).query(Long.class).list().stream().map(reports::summary).toList();
        List<Row> rows = new ArrayList<>();
        for (SurveySummary r : all) {
            rows.add(new Row("campaign:" + r.campaignId(), Text.literal(r.campaignName()), Arrays.asList(
                    BigDecimal.valueOf(r.periodFrom().getYear()), r.overall() == null ? null : r.overall().adjusted(),
                    r.weightedIndex(), share(r.responseRate())), "/surveys/campaigns/" + r.campaignId() + "/report"));
        }
        List<FigureTable> tables = new ArrayList<>();
        tables.add(new FigureTable("survey.campaigns", List.of(Text.of("figure.column.year"),
                Text.of("figure.column.satisfaction"), Text.of("figure.column.weightedIndex"),
                Text.of("figure.column.responseRate")), List.of(Unit.COUNT, Unit.SCORE, Unit.SCORE, Unit.PERCENT), rows));
        // the latest campaign's items below the template's class-B threshold (satisfaction rate per item)
        if (!all.isEmpty()) {
            SurveySummary latest = all.get(all.size() - 1);
            BigDecimal threshold = latest.thresholdB();
            List<Row> low = latest.items().stream().filter(i -> i.satisfactionRate() != null && threshold != null
                            && i.satisfactionRate().compareTo(threshold) < 0)
                    .map(i -> new Row("item:" + i.itemId(), Text.literal(i.text()), Arrays.asList(
                            share(i.satisfactionRate()), i.averagePoints()),
                            "/surveys/campaigns/" + latest.campaignId() + "/report")).toList();
            tables.add(new FigureTable("survey.itemsBelowThreshold", List.of(Text.of("figure.column.satisfactionRate"),
                    Text.of("figure.column.averagePoints")), List.of(Unit.PERCENT, Unit.SCORE), low));
        }
        return tables;
    }

    /** A percentage 0..100 as a share 0..1. */
    private static BigDecimal share(BigDecimal percent) {
        return percent == null ? null : percent.divide(HUNDRED, 4, RoundingMode.HALF_UP);
    }
}
