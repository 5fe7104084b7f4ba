package com.careloop.survey.response;

/** Internal event after a questionnaire is recorded: the back-to-action rules run on it after commit. */
public record ResponseRecorded(long responseId, long campaignId) {
}
