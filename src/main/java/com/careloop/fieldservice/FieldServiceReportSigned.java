package com.careloop.fieldservice;

import java.time.Instant;

/**
 * The customer signed a field-service report (现场服务报告): its findings may be product failures, which the failure
 * history (产品失败履历) takes in for quality to classify. Published in the signing transaction.
 */
public record FieldServiceReportSigned(long serviceId, String code, String reportCode, long requestId,
                                       Long customerId, String customerName, String findings, Instant signedAt) {
}
