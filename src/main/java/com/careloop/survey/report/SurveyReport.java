package com.careloop.survey.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.survey.scoring.Adjusted;
import com.careloop.survey.template.Method;
import com.careloop.survey.template.Scale;

/**
 * The campaign's 顾客满意度调查统计表 (R-QP-005-02): population, sent, answered and rates before and after the
 * supplementary round, each item's distribution, average points and satisfaction rate, the dimensions and the
 * weighted index, the overall figure by the template's method with the period's adjustments, the A/B/C counts, the
 * trend against earlier campaigns of the same template, and the verbatim opinions with the fault flag.
 */
public record SurveyReport(long campaignId, String campaignCode, String campaignName, String status,
                           LocalDate periodFrom, LocalDate periodTo, long templateId, String templateCode,
                           int templateRevision, String templateName, Scale scale, Method method,
                           BigDecimal thresholdA, BigDecimal thresholdB,
                           Integer population, Integer sampleSize, long sent, long answered, BigDecimal issueRate,
                           BigDecimal responseRate, OffsetDateTime supplementaryAt, long answeredBeforeSupplementary,
                           BigDecimal responseRateBeforeSupplementary, BigDecimal responseTarget,
                           List<ItemLine> items, Totals totals, List<DimensionLine> dimensions,
                           BigDecimal overallScore, BigDecimal overallRate, Adjusted overall, BigDecimal weightedIndex,
                           long classA, long classB, long classC, List<TrendPoint> trend, BigDecimal changeVsPrevious,
                           long opinionCount, List<Opinion> opinions) {

    /** One item row: answers per rating best first (the paper's columns), average points, rate. */
    public record ItemLine(long itemId, String code, String text, String textZhTw, String textEn, String dimension,
                           List<Long> counts, long answers, long dissatisfied, BigDecimal averagePoints,
                           BigDecimal satisfactionRate) {
    }

    /** The 合计 row: answers per rating over all items, the average points and the rate over all answers. */
    public record Totals(List<Long> counts, long answers, BigDecimal averagePoints, BigDecimal satisfactionRate) {
    }

    /** A dimension: its weight, the figure by the template's method, its average points and rate. */
    public record DimensionLine(long id, String name, String nameZhTw, String nameEn, BigDecimal weight,
                                BigDecimal figure, BigDecimal averagePoints, BigDecimal satisfactionRate) {
    }

    /** One campaign of the trend (earlier ones first, this one last). */
    public record TrendPoint(long campaignId, String code, String name, LocalDate periodFrom, LocalDate periodTo,
                             BigDecimal raw, BigDecimal adjusted, BigDecimal weightedIndex) {
    }

    /** A verbatim opinion (顾客反馈意见及存在问题) with the manager's fault confirmation. */
    public record Opinion(long responseId, long customerId, String customerName, OffsetDateTime answeredAt,
                          String channel, char respondentClass, BigDecimal normalised, String text,
                          boolean faultConfirmed) {
    }
}
