package com.careloop.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The customers making up a share of a year's revenue (the 70% population of the procedures: key
 * customers, satisfaction surveys). Ranked by revenue, highest first, ties by customer code; the
 * customer whose revenue crosses the share is included. Computed over all customers (no data scope):
 * it defines a population, it shows no customer data.
 */
public interface RevenueRanking {

    /** The customer ids, highest revenue first; {@code share} as a fraction, e.g. 0.70. */
    List<Long> customersMakingUp(int year, BigDecimal share);
}
