package com.careloop.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the survey procedure. The CS center designs templates and runs campaigns; agents type in
 * phone, paper and on-site answers; managers read the report and confirm which opinions are the company's fault.
 */
@Component
public class SurveyPermissions implements PermissionCatalog {

    public static final String VIEW = "survey:view";
    /** Create and publish questionnaire templates. */
    public static final String DESIGN = "survey:design";
    /** Create campaigns, draw the sample, send, remind, run the supplementary round, close. */
    public static final String RUN = "survey:run";
    /** Type in an answer given by phone, on paper or on site. */
    public static final String ENTER = "survey:enter";
    /** Read the report and confirm opinions as the company's fault. */
    public static final String REPORT = "survey:report";

    @Override
    public String module() {
        return "survey";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, DESIGN, RUN, ENTER, REPORT);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        Set<String> all = Set.of(VIEW, DESIGN, RUN, ENTER, REPORT);
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, REPORT),
                "CS_MANAGER", all,
                "CS_SUPERVISOR", all,
                "FRONT_DESK", Set.of(VIEW, ENTER),
                "COMPLAINT_SPECIALIST", Set.of(VIEW, ENTER),
                "QUALITY_MANAGER", Set.of(VIEW, REPORT));
    }
}
