package com.careloop.complaint.claim;

import java.util.List;

import com.careloop.complaint.ClaimPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** Claims, seven-day returns and advance compensation in the complaint group of the sidebar. */
@Component
class ClaimNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.complaint", "nav.claims", "/claims", ClaimPermissions.CLAIM_VIEW, 310),
                new NavItem("nav.group.complaint", "nav.returns", "/returns", ClaimPermissions.RETURN_HANDLE, 320),
                new NavItem("nav.group.complaint", "nav.compensations", "/compensations",
                        ClaimPermissions.COMPENSATION_REQUEST, 330));
    }
}
