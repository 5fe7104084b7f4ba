package com.careloop.fieldservice.stats;

import java.util.List;

import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** Sidebar entries of visit reports, the failure history, warranty parts and the statistics (field-service group). */
@Component
class FieldHistoryNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.fieldservice", "nav.visitReports", "/visit-reports", FieldServicePermissions.VIEW, 531),
                new NavItem("nav.group.fieldservice", "nav.productFailures", "/product-failures",
                        FieldServicePermissions.VIEW, 532),
                new NavItem("nav.group.fieldservice", "nav.warrantyParts", "/warranty-parts", FieldServicePermissions.VIEW,
                        533),
                new NavItem("nav.group.fieldservice", "nav.fieldStatistics", "/field-services/statistics",
                        FieldServicePermissions.MANAGE, 534));
    }
}
