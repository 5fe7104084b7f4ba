package com.careloop.survey.template;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.survey.SurveyPermissions;

import org.springframework.stereotype.Component;

/** The sidebar entry of the questionnaire templates. */
@Component
class TemplateNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.survey", "nav.surveyTemplates", "/surveys/templates", SurveyPermissions.VIEW, 620));
    }
}
