package com.careloop.fieldservice.visit;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;
import com.careloop.fieldservice.FieldServicePermissions;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's latest visit reports with their open and overdue actions. */
@Component
class VisitProfileSection implements CustomerProfileSection {

    private final VisitReports reports;

    VisitProfileSection(VisitReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 72;
    }

    @Override
    public String titleKey() {
        return "fieldhistory.visit.section";
    }

    @Override
    public String fragment() {
        return "fieldservice/visit/sections :: visits";
    }

    @Override
    public String permission() {
        return FieldServicePermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("visits", reports.search(new VisitViews.Filter(customerId, null, null), null, 10).items(),
                "customerId", customerId);
    }
}
