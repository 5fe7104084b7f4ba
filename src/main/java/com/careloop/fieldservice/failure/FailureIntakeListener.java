package com.careloop.fieldservice.failure;

import com.careloop.complaint.ClaimClosed;
import com.careloop.complaint.ComplaintClosed;
import com.careloop.fieldservice.FieldServiceReportSigned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A signed field-service report with findings, a closed product-quality complaint or an ended claim naming a product:
 * the findings wait on quality's work line to be classified as a product failure or dismissed (idempotent: once per
 * source record, however often the event is delivered).
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

    /** A closed product-quality complaint naming a product (its facts travel in the event). */
    @ApplicationModuleListener
    void on(ComplaintClosed event) {
        failures.intake(event);
    }

    /** A claim naming a product, settled or closed without payment. */
    @ApplicationModuleListener
    void on(ClaimClosed event) {
        failures.intake(event);
    }
}
