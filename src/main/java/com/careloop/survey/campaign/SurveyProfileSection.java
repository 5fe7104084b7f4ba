package com.careloop.survey.campaign;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.SurveyPermissions;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's survey invitations and answers (campaign, sent, answered, class). */
@Component
class SurveyProfileSection implements CustomerProfileSection {

    private final SurveyCampaigns campaigns;

    SurveyProfileSection(SurveyCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "surveycampaign.section.title";
    }

    @Override
    public String fragment() {
        return "survey/campaign/sections :: invitations";
    }

    @Override
    public String permission() {
        return SurveyPermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("surveyInvitations", campaigns.forCustomer(customerId));
    }
}
