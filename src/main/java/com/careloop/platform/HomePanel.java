package com.careloop.platform;

import java.util.Map;

/**
 * One panel of the home page, contributed by a module: the platform's administrator counters, reporting's "my work"
 * and KPI dashboards, … The home page shows every panel {@link #visibleTo} the signed-in user in {@link #order};
 * each is a Thymeleaf fragment that reads its model as {@code ${panel}}.
 */
public interface HomePanel {

    /** Position on the page, smallest first. */
    int order();

    /** The fragment, e.g. {@code reporting/dashboard :: work} (template name and selector). */
    String fragment();

    boolean visibleTo(CurrentUser me);

    /**
     * What the fragment shows for {@code me}; {@code parameters} are the home page's query parameters (e.g. a period
     * the user chose), unknown or malformed values are ignored.
     */
    Object model(CurrentUser me, Map<String, String> parameters);
}
