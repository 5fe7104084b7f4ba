package com.careloop.contract;

import java.util.Map;

/** Contract changes and revisions in the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ContractChangeEndpointRules {

    private static final String BASE = "/api/v1/contracts/{id}";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + BASE + "/changes", "contract:view"),
            Map.entry("POST " + BASE + "/changes", "contract:register"),
            Map.entry("GET " + BASE + "/changes/{changeId}", "contract:view"),
            Map.entry("POST " + BASE + "/changes/{changeId}/signatures", "contract:review"),
            Map.entry("POST " + BASE + "/changes/{changeId}/withdraw", "contract:register"),
            Map.entry("POST " + BASE + "/changes/{changeId}/acknowledge", "contract:view"),
            Map.entry("GET " + BASE + "/changes/{changeId}/notice.pdf", "contract:view"),
            Map.entry("GET " + BASE + "/revisions", "contract:view"),
            Map.entry("GET " + BASE + "/revisions/diff", "contract:view"),
            Map.entry("GET /contracts/{id}/changes/{changeId}/notice", "contract:view"),
            Map.entry("GET /contracts/{id}/changes/{changeId}/notice.pdf", "contract:view"),
            Map.entry("POST /contracts/{id}/changes/{changeId}/acknowledge", "contract:view"),
            Map.entry("POST " + BASE + "/changes/{changeId}/gm-decision", "contract:review"),
            Map.entry("POST /contracts/{id}/changes", "contract:register"),
            Map.entry("POST /contracts/{id}/changes/{changeId}/sign", "contract:review"),
            Map.entry("POST /contracts/{id}/changes/{changeId}/gm-decision", "contract:review"),
            Map.entry("POST /contracts/{id}/changes/{changeId}/withdraw", "contract:register"),
            Map.entry("GET /api/v1/contracts/change-aspects", "approvals:configure"),
            Map.entry("PUT /api/v1/contracts/change-aspects", "approvals:configure"),
            Map.entry("POST /api/v1/contracts/change-aspects/reset", "approvals:configure"),
            Map.entry("GET /admin/contract-review-matrix", "approvals:configure"),
            Map.entry("POST /admin/contract-review-matrix", "approvals:configure"),
            Map.entry("POST " + BASE + "/changes/{changeId}/customer-link", "contract:register"),
            Map.entry("POST /contracts/{id}/changes/{changeId}/customer-link", "contract:register"),
            Map.entry("GET /public/change-notices/{token}", "PUBLIC"),
            Map.entry("POST /public/change-notices/{token}", "PUBLIC"));

    private ContractChangeEndpointRules() {
    }
}
