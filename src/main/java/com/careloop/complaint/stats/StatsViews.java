package com.careloop.complaint.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * What the statistics page, the annual summary and the API show. Rates are fractions (0.25 = 25 %),
 * {@code null} where nothing is to be measured (no complaint was due yet, none closed, no orders known).
 */
public final class StatsViews {

    private StatsViews() {
    }

    /** One group of the table (key {@code null} = the period's total; a group's own key may be "-" = not set). */
    public record GroupRow(String key, long count, Double share, long major, long repeat, Double repeatRate,
                           Double onTimeAcknowledgement, Double onTimeReply, Double onTimeResolution, long closed,
                           Double averageDaysToClose, Double p90DaysToClose) {
    }

    /** One cause of the Pareto: its count, share of the complaints with a cause, cumulative share, vital few. */
    public record ParetoRow(String cause, long count, double share, double cumulative, boolean vitalFew) {
    }

    /** Complaint rates per 1,000 active customers and, when orders in the period are known, per 1,000 orders. */
    public record Rates(long complaints, long customers, Double perThousandCustomers, long orders,
                        Double perThousandOrders) {
    }

    public record Statistics(LocalDate from, LocalDate to, StatsGroup groupBy, GroupRow total, List<GroupRow> rows,
                             List<ParetoRow> pareto, Rates rates) {
    }

    /** A customer of the annual summary's top list. */
    public record TopCustomer(long customerId, String customerName, String customerCode, long count, long repeat) {
    }

    /** The management-review input of one year (SPEC §5, §12). */
    public record Annual(int year, LocalDate from, LocalDate to, GroupRow total, double repeatTarget,
                         List<GroupRow> byMonth, List<GroupRow> byCategory, List<GroupRow> bySeverity,
                         List<GroupRow> byDepartment, List<ParetoRow> pareto, List<TopCustomer> topCustomers,
                         Rates rates) {
    }
}
