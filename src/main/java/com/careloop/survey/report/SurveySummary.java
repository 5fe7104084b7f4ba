package com.careloop.survey.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.careloop.survey.scoring.Adjusted;

/**
 * A campaign's figures without the trend and the verbatim opinions ({@link SurveyReports#summary}): the same numbers
 * as the campaign's {@link SurveyReport} — sent, answered, response rate, the items, the overall figure with the
 * period's adjustments, the weighted index and the A/B/C counts — at the cost of one campaign's aggregation instead
 * of up to six. For dashboards and reviews.
 */
public record SurveySummary(long campaignId, String campaignName, String status, LocalDate periodFrom,
                            LocalDate periodTo, BigDecimal thresholdB, long sent, long answered,
                            BigDecimal responseRate, Adjusted overall, BigDecimal weightedIndex, long classA,
                            long classB, long classC, List<SurveyReport.ItemLine> items) {
}
