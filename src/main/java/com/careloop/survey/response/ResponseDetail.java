package com.careloop.survey.response;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A recorded questionnaire with its answers, as the API shows it. */
public record ResponseDetail(long id, long campaignId, long invitationId, long customerId, long templateId,
                             String channel, OffsetDateTime answeredAt, String enteredBy, boolean supplementary,
                             BigDecimal totalPoints, BigDecimal maxPoints, BigDecimal normalised,
                             char respondentClass, String opinion, boolean faultConfirmed, List<Answer> answers) {

    public record Answer(String itemCode, int rating, BigDecimal points) {
    }
}
