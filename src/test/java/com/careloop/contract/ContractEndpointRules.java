package com.careloop.contract;

import java.util.Map;

/** The contract module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ContractEndpointRules {

    private static final String BASE = "/api/v1/contracts";
    private static final String REVIEWS = "/api/v1/contract-reviews";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, "contract:register"),
            Map.entry("GET " + BASE, "contract:view"),
            Map.entry("GET " + BASE + "/export", "contract:view"),
            Map.entry("GET " + BASE + "/{id}", "contract:view"),
            Map.entry("GET " + BASE + "/{id}/review-form.pdf", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/files", "contract:register"),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/submit", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/outcome", "contract:decide"),
            Map.entry("POST " + BASE + "/{id}/gm-decision", "contract:review"),
            Map.entry("POST " + BASE + "/{id}/start-production", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/deliver", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/close", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/cancel", "contract:register"),
            Map.entry("POST " + REVIEWS + "/{id}/signatures", "contract:review"),
            Map.entry("POST " + REVIEWS + "/{id}/inconsistencies", "contract:review"),
            Map.entry("POST " + REVIEWS + "/{id}/inconsistencies/{inconsistencyId}/resolution", "contract:register"),
            Map.entry("GET " + BASE + "/distributions", "contract:view"),
            Map.entry("POST " + BASE + "/distributions", "contract:decide"),
            Map.entry("GET " + BASE + "/distributions/{id}", "contract:view"),
            Map.entry("POST " + BASE + "/distributions/{id}/acknowledge", "contract:view"),
            Map.entry("GET " + BASE + "/distributions/{id}.pdf", "contract:view"),
            Map.entry("GET " + BASE + "/distributions/{id}/export", "contract:view"),
            Map.entry("GET " + BASE + "/month-end-recipients", "approvals:configure"),
            Map.entry("PUT " + BASE + "/month-end-recipients", "approvals:configure"),
            Map.entry("POST " + BASE + "/month-end-recipients/reset", "approvals:configure"),
            Map.entry("GET /admin/contract-month-end", "approvals:configure"),
            Map.entry("POST /admin/contract-month-end", "approvals:configure"),
            Map.entry("GET /contracts/distributions", "contract:view"),
            Map.entry("POST /contracts/distributions", "contract:decide"),
            Map.entry("GET /contracts/distributions/{id}", "contract:view"),
            Map.entry("POST /contracts/distributions/{id}/acknowledge", "contract:view"),
            Map.entry("GET /contracts/distributions/{id}/print", "contract:view"),
            Map.entry("GET /contracts/distributions/{id}.pdf", "contract:view"),
            Map.entry("GET /contracts/distributions/{id}/export", "contract:view"),
            Map.entry("GET /contracts", "contract:view"),
            Map.entry("GET /contracts/export", "contract:view"),
            Map.entry("GET /contracts/new", "contract:register"),
            Map.entry("POST /contracts/new", "contract:register"),
            Map.entry("GET /contracts/{id}", "contract:view"),
            Map.entry("GET /contracts/{id}/review-form", "contract:view"),
            Map.entry("GET /contracts/{id}/review-form.pdf", "contract:view"),
            Map.entry("POST /contracts/{id}/files", "contract:register"),
            Map.entry("GET /contracts/{id}/files/{fileId}", "contract:view"),
            Map.entry("POST /contracts/{id}/submit", "contract:register"),
            Map.entry("POST /contracts/{id}/sign", "contract:review"),
            Map.entry("POST /contracts/{id}/inconsistencies", "contract:review"),
            Map.entry("POST /contracts/{id}/inconsistencies/{inconsistencyId}/resolution", "contract:register"),
            Map.entry("POST /contracts/{id}/outcome", "contract:decide"),
            Map.entry("POST /contracts/{id}/gm-decision", "contract:review"),
            Map.entry("POST /contracts/{id}/{step:deliver|start-production|close|cancel}", "contract:register"),
            // slice 2: order confirmation, production task notices
            Map.entry("GET " + BASE + "/{id}/order-confirmation", "contract:view"),
            Map.entry("PUT " + BASE + "/{id}/order-confirmation", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/order-confirmation/document", "contract:register"),
            Map.entry("GET " + BASE + "/{id}/order-confirmation.pdf", "contract:view"),
            Map.entry("GET " + BASE + "/{id}/production-notices", "contract:view"),
            Map.entry("GET " + BASE + "/{id}/production-notices/{noticeId}.pdf", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/production-notices/{noticeId}/acknowledge", "contract:view"),
            // 002-A16: production cannot meet a notice; sales' agreement issues the revision
            Map.entry("POST " + BASE + "/{id}/production-notices/{noticeId}/shortfall", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/production-notices/{noticeId}/shortfall/agreement", "contract:register"),
            Map.entry("POST /contracts/{id}/order-confirmation", "contract:register"),
            Map.entry("POST /contracts/{id}/order-confirmation/document", "contract:register"),
            Map.entry("GET /contracts/{id}/order-confirmation", "contract:view"),
            Map.entry("GET /contracts/{id}/order-confirmation.pdf", "contract:view"),
            Map.entry("GET /contracts/{id}/production-notices/{noticeId}", "contract:view"),
            Map.entry("GET /contracts/{id}/production-notices/{noticeId}.pdf", "contract:view"),
            Map.entry("POST /contracts/{id}/production-notices/{noticeId}/acknowledge", "contract:view"),
            Map.entry("POST /contracts/{id}/production-notices/{noticeId}/shortfall", "contract:view"),
            Map.entry("POST /contracts/{id}/production-notices/{noticeId}/shortfall/agreement", "contract:register"),
            Map.entry("GET " + BASE + "/{id}/inconsistency-form.pdf", "contract:view"),
            Map.entry("GET /contracts/{id}/inconsistency-form", "contract:view"),
            Map.entry("GET /contracts/{id}/inconsistency-form.pdf", "contract:view"),
            Map.entry("GET /contracts/register.pdf", "contract:view"),
            Map.entry("GET " + BASE + "/register.pdf", "contract:view"),
            // seed 001-C4: the issue slip of a regular contract in stock
            Map.entry("GET /contracts/{id}/issue-slip", "contract:view"),
            Map.entry("GET /contracts/{id}/issue-slip.pdf", "contract:view"),
            Map.entry("GET " + BASE + "/{id}/issue-slip.pdf", "contract:view"),
            // seed 001-A5: review meetings
            Map.entry("GET " + BASE + "/{id}/review-meetings", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/review-meetings", "contract:register"),
            Map.entry("POST /contracts/{id}/review-meetings", "contract:register"),
            // seeds 001-A15, 001-B14: communications with the customer about a contract
            Map.entry("GET " + BASE + "/{id}/communications", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/communications", "contract:register"),
            Map.entry("POST /contracts/{id}/communications", "contract:register"),
            Map.entry("GET /public/order-confirmations/{token}", "PUBLIC"),
            Map.entry("POST /public/order-confirmations/{token}", "PUBLIC"));

    private ContractEndpointRules() {
    }
}
