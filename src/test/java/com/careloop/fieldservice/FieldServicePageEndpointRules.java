package com.careloop.fieldservice;

import java.util.LinkedHashMap;
import java.util.Map;

/** The field-service pages' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class FieldServicePageEndpointRules {

    private static final String BASE = "/field-services";
    private static final String VIEW = "fieldservice:view";
    private static final String REPORT = "fieldservice:report";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("GET " + BASE, VIEW);
        rules.put("GET " + BASE + "/new", "fieldservice:plan");
        rules.put("POST " + BASE + "/new", "fieldservice:plan");
        for (String page : new String[] {"", "/on-site", "/report", "/report.pdf", "/files/{fileId}",
                "/files/{fileId}/thumbnail"}) {
            rules.put("GET " + BASE + "/{id}" + page, VIEW);
        }
        rules.put("POST " + BASE + "/{id}/briefing", "fieldservice:brief");
        rules.put("POST " + BASE + "/{id}/checklist", "fieldservice:brief");
        rules.put("POST " + BASE + "/{id}/briefing/acknowledge", VIEW);
        rules.put("POST " + BASE + "/{id}/departure-exception", "fieldservice:manage");
        for (String step : new String[] {"depart", "arrive", "leave", "work", "findings", "measurements", "hours",
                "parts-used", "open-points", "open-points/{pointId}/follow-up", "photos", "customer-signature",
                "leader-signature"}) {
            rules.put("POST " + BASE + "/{id}/" + step, REPORT);
        }
        RULES = Map.copyOf(rules);
    }

    private FieldServicePageEndpointRules() {
    }
}
