package com.careloop.survey;

/** Published when a questionnaire answer is recorded (by link, by phone or from paper). */
public record SurveyResponseReceived(long responseId, long campaignId, Long customerId) {
}
