package com.careloop.platform.web;

import java.util.Map;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.HomePanel;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.stereotype.Component;

/** The organisation at a glance (departments, users, roles, audit entries, recent changes): for administrators and auditors. */
@Component
class AdminHomePanel implements HomePanel {

    private final HomeSummary summary;

    AdminHomePanel(HomeSummary summary) {
        this.summary = summary;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String fragment() {
        return "platform/home-admin :: panel";
    }

    @Override
    public boolean visibleTo(CurrentUser me) {
        return me.can(PlatformPermissions.ORG_MANAGE) || me.can(PlatformPermissions.AUDIT_VIEW);
    }

    @Override
    public Object model(CurrentUser me, Map<String, String> parameters) {
        return summary.now();
    }
}
