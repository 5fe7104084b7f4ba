package com.careloop.callback.web;

import java.util.List;

import com.careloop.callback.CallbackPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The callback module's sidebar entries. */
@Component
class CallbackNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.callback", "nav.callbacks", "/callbacks", CallbackPermissions.VIEW, 400),
                new NavItem("nav.group.callback", "nav.callbackPlans", "/callbacks/plans", CallbackPermissions.VIEW, 401),
                new NavItem("nav.group.callback", "nav.callbackStats", "/callbacks/stats", CallbackPermissions.STATS, 402),
                new NavItem("nav.group.callback", "nav.callbackAnnual", "/callbacks/key-customers/annual",
                        CallbackPermissions.STATS, 403));
    }
}
