package com.careloop.survey.campaign;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.survey.SurveyPermissions;

import org.springframework.stereotype.Component;

/** The campaigns' sidebar entry, next to the templates. */
@Component
class SurveyCampaignNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.survey", "nav.surveyCampaigns", "/surveys/campaigns", SurveyPermissions.VIEW,
                630));
    }
}
