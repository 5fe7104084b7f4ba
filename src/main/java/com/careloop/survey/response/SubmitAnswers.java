package com.careloop.survey.response;

import java.util.Map;

/**
 * One questionnaire for an invitation: ratings by item code (our codes: 4..1 or 5..1; an item left out or null is
 * skipped), the free-text opinion, the channel (EMAIL = the customer on the token page, PHONE, PAPER, ONSITE) and the
 * agent who typed it in (null = the customer himself).
 */
public record SubmitAnswers(long invitationId, Map<String, Integer> ratingsByItemCode, String opinion,
                            String channel, String enteredBy) {
}
