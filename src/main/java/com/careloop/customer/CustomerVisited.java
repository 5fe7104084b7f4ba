package com.careloop.customer;

import java.time.Instant;

/**
 * A visit to the customer recorded in another module (a visit report 走访服务报告, a signed field-service report
 * 现场服务报告): published there, the customer
 * module's contact log adds a VISIT entry for it once per {@code sourceKey} (a delivery repeated adds nothing). The
 * type lives here so that the recording module depends on the customer module and not the other way round.
 *
 * @param summary free text as recorded (the record's number, purpose and findings), no label to translate
 * @param staffId the user who recorded the visit (for a field service: the team leader)
 * @param sourceKey {@code visit-report:{id}} or {@code field-service:{id}}
 */
public record CustomerVisited(long customerId, String sourceKey, Instant occurredAt, long staffId, String summary) {
}
