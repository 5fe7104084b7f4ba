package com.careloop.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import com.careloop.customer.population.PopulationQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers a survey (or any campaign) is drawn from: one SQL over the archive for a filter, ordered by
 * customer id (so a seeded draw over it is reproducible). Computed over all customers (no data scope): it
 * defines a population; the caller shows only counts and the drawn members' names.
 */
@Service
@Transactional(readOnly = true)
public class CustomerPopulation {

    /**
     * kinds: empty = every kind; segment, region: null = any; revenueYear: only the customers making up
     * {@code revenueShare} (default 0.70) of that year's revenue (the main customers of the procedures);
     * activeOnly: leave out deactivated customers.
     */
    public record Filter(Set<CustomerKind> kinds, Segment segment, String region, Integer revenueYear,
                         BigDecimal revenueShare, boolean activeOnly) {

        public static final BigDecimal MAIN_CUSTOMERS_SHARE = new BigDecimal("0.70");

        public Filter {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            region = region == null || region.isBlank() ? null : region.trim();
            revenueShare = revenueYear == null ? null : revenueShare == null ? MAIN_CUSTOMERS_SHARE : revenueShare;
        }
    }

    /**
     * A member; {@code email} and {@code phone} are the customer's or else its primary contact's; {@code language}
     * null = zh-CN.
     */
    public record Member(long id, String code, String name, CustomerKind kind, String region, Segment segment,
                         String email, String language, String phone) {
    }

    private final PopulationQuery query;
    private final RevenueRanking ranking;

    CustomerPopulation(PopulationQuery query, RevenueRanking ranking) {
        this.query = query;
        this.ranking = ranking;
    }

    /** The members, ordered by customer id. */
    public List<Member> members(Filter filter) {
        Set<Long> mainCustomers = filter.revenueYear() == null ? null
                : Set.copyOf(ranking.customersMakingUp(filter.revenueYear(), filter.revenueShare()));
        if (mainCustomers != null && mainCustomers.isEmpty()) {
            return List.of();
        }
        return query.members(filter, mainCustomers);
    }
}
