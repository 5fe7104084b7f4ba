package com.careloop.fieldservice.failure;

import com.careloop.fieldservice.FieldServiceReportSigned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A signed field-service report with findings: the findings wait on quality's work line to be classified as a
 * product failure or dismissed (idempotent: once per field service, however often the event is delivered).
 */
@Component
class FailureIntakeListener {

    private final ProductFailures failures;

    FailureIntakeListener(ProductFailures failures) {
        this.failures = failures;
    }

    @ApplicationModuleListener
    void on(FieldServiceReportSigned event) {
        failures.intake(event);
    }
}
