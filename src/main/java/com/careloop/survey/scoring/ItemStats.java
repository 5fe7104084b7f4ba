package com.careloop.survey.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One item's figures: answers per rating (best first), the answers, the satisfied and the dissatisfied-or-worse
 * answers, the sum of points, the average points (单项平均分) and the satisfaction rate in percent; figures rounded
 * to 2 decimals HALF_UP, null when the item has no answers.
 */
public record ItemStats(Map<Integer, Long> countsByRating, long answers, long satisfied, long dissatisfied,
                        BigDecimal totalPoints, BigDecimal maxPoints, BigDecimal averagePoints,
                        BigDecimal satisfactionRate) {
}
