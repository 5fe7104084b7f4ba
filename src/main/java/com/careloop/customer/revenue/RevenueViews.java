package com.careloop.customer.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Commands and read models of yearly revenue. */
public final class RevenueViews {

    private RevenueViews() {
    }

    /** One customer's revenue of one year, as entered on the page, through the API or from a file. */
    public record RevenueInput(@NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal amount,
                               @PositiveOrZero Integer orderCount, LocalDate lastOrderDate) {
    }

    public record YearRevenue(long customerId, int year, BigDecimal amount, int orderCount, LocalDate lastOrderDate) {
    }

    public record RankingRow(int rank, long customerId, String code, String name, boolean keyCustomer, BigDecimal amount,
                             int orderCount, LocalDate lastOrderDate, BigDecimal share, BigDecimal cumulativeShare,
                             boolean marked) {
    }

    /** A year's ranking: the total, the target share and the customers, marked ones making up the share. */
    public record Ranking(int year, BigDecimal total, BigDecimal targetShare, int customers, int marked,
                          List<RankingRow> rows) {
    }
}
