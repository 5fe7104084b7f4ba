package com.careloop.reporting;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class DeliveryEndpointRules {

    private static final String SCHEDULE = "reporting:schedule";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/report-schedules", SCHEDULE),
            Map.entry("POST /api/v1/report-schedules", SCHEDULE),
            Map.entry("GET /api/v1/report-schedules/{id}", SCHEDULE),
            Map.entry("PUT /api/v1/report-schedules/{id}", SCHEDULE),
            Map.entry("DELETE /api/v1/report-schedules/{id}", SCHEDULE),
            Map.entry("POST /api/v1/report-schedules/{id}/disable", SCHEDULE),
            Map.entry("POST /api/v1/report-schedules/{id}/run-now", SCHEDULE),
            Map.entry("GET /api/v1/report-deliveries", SCHEDULE),
            Map.entry("GET /api/v1/report-deliveries/{id}", SCHEDULE),
            Map.entry("POST /api/v1/report-deliveries/{id}/retry", SCHEDULE),
            Map.entry("GET /report-schedules", SCHEDULE),
            Map.entry("POST /report-schedules", SCHEDULE),
            Map.entry("POST /report-schedules/{id}", SCHEDULE),
            Map.entry("POST /report-schedules/{id}/disable", SCHEDULE),
            Map.entry("POST /report-schedules/{id}/run-now", SCHEDULE),
            Map.entry("POST /report-schedules/deliveries/{id}/retry", SCHEDULE));

    private DeliveryEndpointRules() {
    }
}
