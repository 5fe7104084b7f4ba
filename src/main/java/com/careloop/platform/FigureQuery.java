package com.careloop.platform;

/**
 * What a {@link FigureSource} is asked for: the period, whose records count (the viewer's data scope, or
 * {@link DataScope.Kind#ALL} for the company), one customer for a customer's report (else null), and the purpose,
 * so a source contributes the figures and tables that purpose needs and no more.
 */
public record FigureQuery(ReportPeriod period, DataScope scope, Long customerId, Purpose purpose) {

    /**
     * DASHBOARD: headline figures (cheap, from rollups where they exist); WEEKLY: the CS center's week;
     * MONTHLY_ASSESSMENT: KPIs against target and per-agent rows (row key {@code user:<id>});
     * CUSTOMER_MONTHLY: one customer's month; MANAGEMENT_REVIEW: the year, with trends over earlier years.
     */
    public enum Purpose { DASHBOARD, WEEKLY, MONTHLY_ASSESSMENT, CUSTOMER_MONTHLY, MANAGEMENT_REVIEW }

    public static DataScope company() {
        return new DataScope(DataScope.Kind.ALL, java.util.Set.of(), 0L);
    }
}
