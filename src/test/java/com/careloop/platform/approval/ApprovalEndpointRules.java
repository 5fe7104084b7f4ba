package com.careloop.platform.approval;

import java.util.Map;

/** The approvals' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class ApprovalEndpointRules {

    private static final String ANY = "ANY_USER";
    private static final String CONFIGURE = "approvals:configure";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/approvals/tasks", ANY),
            Map.entry("POST /api/v1/approvals/tasks/{id}/decision", ANY),
            Map.entry("GET /api/v1/approval-chains", CONFIGURE),
            Map.entry("GET /api/v1/approval-chains/{code}", CONFIGURE),
            Map.entry("PUT /api/v1/approval-chains/{code}", CONFIGURE),
            Map.entry("POST /api/v1/approval-chains/{code}/reset", CONFIGURE),
            Map.entry("POST /admin/approval-chains/{code}/reset", CONFIGURE),
            Map.entry("GET /approvals", ANY),
            Map.entry("GET /admin/approval-chains", CONFIGURE),
            Map.entry("GET /admin/approval-chains/{code}", CONFIGURE),
            Map.entry("POST /admin/approval-chains/{code}", CONFIGURE),
            Map.entry("POST /approvals/tasks/{id}/decision", ANY));

    private ApprovalEndpointRules() {
    }
}
