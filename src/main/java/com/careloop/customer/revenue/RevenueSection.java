package com.careloop.customer.revenue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.CustomerProfileSection;
import com.careloop.platform.CareLoopProperties;

import org.springframework.stereotype.Component;

/** The customer's yearly revenue and its entry form on the customer 360 page. */
@Component
class RevenueSection implements CustomerProfileSection {

    private final RevenueService revenue;
    private final Clock clock;
    private final CareLoopProperties properties;

    RevenueSection(RevenueService revenue, Clock clock, CareLoopProperties properties) {
        this.revenue = revenue;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "customerexcel.revenue.title";
    }

    @Override
    public String fragment() {
        return "customer/revenue :: revenue";
    }

    @Override
    public String permission() {
        return CustomerPermissions.REVENUE;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("customerId", customerId, "years", revenue.history(customerId),
                "thisYear", LocalDate.now(clock.withZone(properties.zone())).getYear());
    }
}
