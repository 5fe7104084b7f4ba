package com.careloop.survey.response;

import java.math.BigDecimal;

/** A recorded questionnaire: its normalised total (0-100) and respondent class A/B/C. */
public record ResponseView(long id, long campaignId, long customerId, BigDecimal normalised, char respondentClass) {
}
