package com.careloop.reporting.report;

import com.careloop.platform.ReportPeriod;

/**
 * Builds the content of one kind of report from the figure sources. One bean per {@link ReportKind}; the report
 * service freezes what it returns.
 */
public interface ReportBuilder {

    ReportKind kind();

    /** The content for the period ({@code customerId}: the customer of a CUSTOMER_MONTHLY report, else null). */
    ReportContent build(ReportPeriod period, Long customerId);
}
