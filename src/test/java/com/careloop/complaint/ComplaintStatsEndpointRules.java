package com.careloop.complaint;

import java.util.Map;

/** The complaint statistics' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ComplaintStatsEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/complaints/statistics", "complaint:view"),
            Map.entry("GET /api/v1/complaints/statistics/export", "complaint:view"),
            Map.entry("GET /api/v1/complaints/annual", "complaint:view"),
            Map.entry("GET /api/v1/complaints/annual/export", "complaint:view"),
            Map.entry("GET /api/v1/complaints/annual.pdf", "complaint:view"),
            Map.entry("GET /complaints/stats", "complaint:view"),
            Map.entry("GET /complaints/stats/export", "complaint:view"),
            Map.entry("GET /complaints/annual", "complaint:view"),
            Map.entry("GET /complaints/annual/export", "complaint:view"),
            Map.entry("GET /complaints/annual.pdf", "complaint:view"));

    private ComplaintStatsEndpointRules() {
    }
}
