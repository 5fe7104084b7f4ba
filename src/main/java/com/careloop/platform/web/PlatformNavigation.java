package com.careloop.platform.web;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.stereotype.Component;

/** The platform's sidebar entries. */
@Component
class PlatformNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.workbench", "nav.home", "/", null, 0),
                new NavItem("nav.group.workbench", "nav.notifications", "/notifications", null, 1),
                new NavItem("nav.group.admin", "nav.departments", "/admin/departments", PlatformPermissions.ORG_VIEW, 900),
                new NavItem("nav.group.admin", "nav.users", "/admin/users", PlatformPermissions.ORG_VIEW, 901),
                new NavItem("nav.group.admin", "nav.positions", "/admin/positions", PlatformPermissions.ORG_VIEW, 901),
                new NavItem("nav.group.admin", "nav.roles", "/admin/roles", PlatformPermissions.ROLE_MANAGE, 902),
                new NavItem("nav.group.admin", "nav.calendar", "/admin/calendar", PlatformPermissions.CALENDAR_VIEW, 903),
                new NavItem("nav.group.admin", "nav.recordNumbers", "/admin/record-numbers",
                        PlatformPermissions.NUMBERING_MANAGE, 904),
                new NavItem("nav.group.admin", "nav.approvalChains", "/admin/approval-chains",
                        com.careloop.platform.approval.ApprovalPermissions.CONFIGURE, 904),
                new NavItem("nav.group.admin", "nav.audit", "/admin/audit", PlatformPermissions.AUDIT_VIEW, 905),
                new NavItem("nav.group.admin", "nav.retention", "/admin/retention", PlatformPermissions.RETENTION_VIEW, 906),
                new NavItem("nav.group.admin", "nav.apiDocs", "/swagger-ui.html", null, 907));
    }
}
