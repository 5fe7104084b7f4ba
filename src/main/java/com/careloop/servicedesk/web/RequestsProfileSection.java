package com.careloop.servicedesk.web;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.ServiceDeskViews.Filter;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's latest ten service requests, within the reader's scope. */
@Component
class RequestsProfileSection implements CustomerProfileSection {

    private final ServiceDesk desk;

    RequestsProfileSection(ServiceDesk desk) {
        this.desk = desk;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "sdp.section.title";
    }

    @Override
    public String fragment() {
        return "servicedesk/sections :: requests";
    }

    @Override
    public String permission() {
        return ServiceDeskPermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        var f = Filter.of(null, null, null, null, null, null, null, null, null, null, null, null, null, customerId);
        return Map.of("requests", desk.search(f, null, 10).items(), "customerId", customerId);
    }
}
