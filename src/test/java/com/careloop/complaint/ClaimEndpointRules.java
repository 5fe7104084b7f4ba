package com.careloop.complaint;

import java.util.Map;

/** Claims, returns and advance compensation in the permission matrix (see PermissionMatrixTest). */
public final class ClaimEndpointRules {

    private static final String CLAIMS = "/api/v1/claims";
    private static final String RETURNS = "/api/v1/returns";
    private static final String COMPENSATIONS = "/api/v1/compensations";
    private static final String VIEW = "claim:view";
    private static final String HANDLE = "claim:handle";
    private static final String APPROVE = "claim:approve";
    private static final String RETURN = "return:handle";
    private static final String REQUEST = "compensation:request";
    private static final String COMP_APPROVE = "compensation:approve";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + CLAIMS, HANDLE),
            Map.entry("GET " + CLAIMS, VIEW),
            Map.entry("GET " + CLAIMS + "/{id}", VIEW),
            Map.entry("POST " + CLAIMS + "/{id}/evidence", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/evidence/photos", HANDLE),
            Map.entry("GET " + CLAIMS + "/{id}/evidence/{evidenceId}", VIEW),
            Map.entry("POST " + CLAIMS + "/{id}/inspect", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/responsibility", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/propose", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/approve", APPROVE),
            Map.entry("POST " + CLAIMS + "/{id}/reject", APPROVE),
            Map.entry("POST " + CLAIMS + "/{id}/agree", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/rejected-by-customer", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/settle", HANDLE),
            Map.entry("POST " + CLAIMS + "/{id}/close", HANDLE),
            Map.entry("POST " + RETURNS, RETURN),
            Map.entry("GET " + RETURNS, RETURN),
            Map.entry("GET " + RETURNS + "/summary", RETURN),
            Map.entry("GET " + RETURNS + "/export", RETURN),
            Map.entry("GET " + RETURNS + "/purchase-choices", RETURN),
            Map.entry("GET " + RETURNS + "/{id}", RETURN),
            Map.entry("POST " + RETURNS + "/{id}/accept", RETURN),
            Map.entry("POST " + RETURNS + "/{id}/refund", RETURN),
            Map.entry("POST " + RETURNS + "/{id}/refuse", RETURN),
            Map.entry("POST " + COMPENSATIONS, REQUEST),
            Map.entry("GET " + COMPENSATIONS, REQUEST),
            Map.entry("GET " + COMPENSATIONS + "/{id}", REQUEST),
            Map.entry("POST " + COMPENSATIONS + "/{id}/approve-supervisor", COMP_APPROVE),
            Map.entry("POST " + COMPENSATIONS + "/{id}/approve-manager", COMP_APPROVE),
            Map.entry("POST " + COMPENSATIONS + "/{id}/reject", COMP_APPROVE),
            Map.entry("POST " + COMPENSATIONS + "/{id}/pay", COMP_APPROVE),
            Map.entry("GET /claims", VIEW),
            Map.entry("GET /claims/new", HANDLE),
            Map.entry("POST /claims", HANDLE),
            Map.entry("GET /claims/{id}", VIEW),
            Map.entry("POST /claims/{id}/{step:evidence|inspect|responsibility|propose|agree|refused|settle|close}", HANDLE),
            Map.entry("POST /claims/{id}/{step:approve|reject}", APPROVE),
            Map.entry("POST /claims/{id}/photos", HANDLE),
            Map.entry("GET /claims/{id}/evidence/{evidenceId}", VIEW),
            Map.entry("GET /returns", RETURN),
            Map.entry("GET /returns/export", RETURN),
            Map.entry("GET /returns/new", RETURN),
            Map.entry("POST /returns", RETURN),
            Map.entry("GET /returns/{id}", RETURN),
            Map.entry("POST /returns/{id}/{step:accept|refund|refuse}", RETURN),
            Map.entry("GET /compensations", REQUEST),
            Map.entry("GET /compensations/new", REQUEST),
            Map.entry("POST /compensations", REQUEST),
            Map.entry("GET /compensations/{id}", REQUEST),
            Map.entry("POST /compensations/{id}/{step:supervisor|manager|reject|pay}", COMP_APPROVE));

    private ClaimEndpointRules() {
    }
}
