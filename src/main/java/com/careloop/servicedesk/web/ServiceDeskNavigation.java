package com.careloop.servicedesk.web;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.servicedesk.ServiceDeskPermissions;

import org.springframework.stereotype.Component;

/** The service desk's sidebar group: queue, new request, statistics, categories & SLA. */
@Component
class ServiceDeskNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        String group = "nav.group.servicedesk";
        return List.of(
                new NavItem(group, "sdp.nav.queue", "/service-requests", ServiceDeskPermissions.VIEW, 200),
                new NavItem(group, "sdp.nav.new", "/service-requests/new", ServiceDeskPermissions.REGISTER, 201),
                new NavItem(group, "sdp.nav.statistics", "/service-requests/statistics", ServiceDeskPermissions.VIEW, 202),
                new NavItem(group, "sdp.nav.catalog", "/service-desk/categories", ServiceDeskPermissions.CONFIGURE, 203));
    }
}
