package com.careloop.contract.tender;

import java.util.Map;

/** The tenders' and contract statistics' part of the permission matrix (see PermissionMatrixTest). */
public final class TenderEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST /api/v1/tenders", "contract:register"),
            Map.entry("GET /api/v1/tenders", "contract:view"),
            Map.entry("GET /api/v1/tenders/{id}", "contract:view"),
            Map.entry("POST /api/v1/tenders/{id}/submit", "contract:register"),
            Map.entry("POST /api/v1/tenders/{id}/decision", "contract:decide"),
            Map.entry("POST /api/v1/tenders/{id}/gm-decision", "contract:review"),
            Map.entry("POST /api/v1/tenders/{id}/result", "contract:register"),
            Map.entry("GET /tenders", "contract:view"),
            Map.entry("POST /tenders", "contract:register"),
            Map.entry("GET /tenders/{id}", "contract:view"),
            Map.entry("POST /tenders/{id}/submit", "contract:register"),
            Map.entry("POST /tenders/{id}/review-meetings", "contract:register"),
            Map.entry("GET /api/v1/tenders/{id}/review-meetings", "contract:view"),
            Map.entry("POST /api/v1/tenders/{id}/review-meetings", "contract:register"),
            Map.entry("POST /tenders/{id}/decision", "contract:decide"),
            Map.entry("POST /tenders/{id}/gm-decision", "contract:review"),
            Map.entry("POST /tenders/{id}/result", "contract:register"),
            Map.entry("POST /api/v1/tenders/{id}/files", "contract:register"),
            Map.entry("GET /api/v1/tenders/{id}/files", "contract:view"),
            Map.entry("GET /api/v1/tenders/{id}/files/{fileId}", "contract:view"),
            Map.entry("GET /api/v1/tenders/{id}/review-form.pdf", "contract:view"),
            Map.entry("GET /tenders/new", "contract:register"),
            Map.entry("POST /tenders/{id}/files", "contract:register"),
            Map.entry("GET /tenders/{id}/files/{fileId}", "contract:view"),
            Map.entry("GET /tenders/{id}/review-form", "contract:view"),
            Map.entry("GET /tenders/{id}/review-form.pdf", "contract:view"),
            Map.entry("GET /api/v1/contracts/statistics", "contract:view"),
            Map.entry("GET /contracts/statistics", "contract:view"),
            Map.entry("GET /contracts/statistics/export", "contract:view"));

    private TenderEndpointRules() {
    }
}
