package com.careloop.servicedesk;

import java.util.LinkedHashMap;
import java.util.Map;

/** The service desk pages' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ServiceDeskPageEndpointRules {

    private static final String BASE = "/service-requests";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("GET " + BASE, "servicedesk:view");
        rules.put("GET " + BASE + "/counters", "servicedesk:view");
        rules.put("GET " + BASE + "/{id}", "servicedesk:view");
        rules.put("GET " + BASE + "/statistics", "servicedesk:view");
        rules.put("GET " + BASE + "/statistics/export", "servicedesk:view");
        rules.put("GET " + BASE + "/new", "servicedesk:register");
        rules.put("POST " + BASE + "/new", "servicedesk:register");
        rules.put("GET " + BASE + "/report", "servicedesk:register");
        rules.put("POST " + BASE + "/report", "servicedesk:register");
        rules.put("GET " + BASE + "/customer-lookup", "servicedesk:register");
        rules.put("POST " + BASE + "/{id}/dispatch", "servicedesk:dispatch");
        rules.put("GET " + BASE + "/{id}/dispatch-handlers", "servicedesk:dispatch");
        for (String step : new String[] {"reassign", "hand-back", "start", "pause", "resume", "notes", "materials",
                "complete", "sign-off"}) {
            rules.put("POST " + BASE + "/{id}/" + step, "servicedesk:handle");
        }
        for (String step : new String[] {"callback", "close", "reopen"}) {
            rules.put("POST " + BASE + "/{id}/" + step, "servicedesk:callback");
        }
        for (String dictionary : new String[] {"/service-desk/categories", "/service-desk/sla-policies"}) {
            rules.put("GET " + dictionary, "servicedesk:configure");
            rules.put("POST " + dictionary, "servicedesk:configure");
            rules.put("POST " + dictionary + "/{id}", "servicedesk:configure");
        }
        RULES = Map.copyOf(rules);
    }

    private ServiceDeskPageEndpointRules() {
    }
}
