package com.careloop.complaint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of claims (索赔), seven-day returns and advance compensation (先行赔偿). The CS center
 * handles claims and returns; quality inspects; approvals also need the approver's position (claims:
 * the approval limit of the position, above the GM threshold only the general manager; compensation:
 * supervisor, then manager).
 */
@Component
public class ClaimPermissions implements PermissionCatalog {

    public static final String CLAIM_VIEW = "claim:view";
    /** Register, evidence, inspection, responsibility, proposal, customer agreement, settlement, close. */
    public static final String CLAIM_HANDLE = "claim:handle";
    public static final String CLAIM_APPROVE = "claim:approve";
    /** Seven-day return slips: list, register, accept, refund, refuse. */
    public static final String RETURN_HANDLE = "return:handle";
    /** Request an advance compensation and see the requests. */
    public static final String COMPENSATION_REQUEST = "compensation:request";
    public static final String COMPENSATION_APPROVE = "compensation:approve";

    @Override
    public String module() {
        return "claim";
    }

    @Override
    public List<String> permissions() {
        return List.of(CLAIM_VIEW, CLAIM_HANDLE, CLAIM_APPROVE, RETURN_HANDLE, COMPENSATION_REQUEST, COMPENSATION_APPROVE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        Set<String> lead = Set.of(CLAIM_VIEW, CLAIM_HANDLE, CLAIM_APPROVE, RETURN_HANDLE, COMPENSATION_REQUEST,
                COMPENSATION_APPROVE);
        return Map.of(
                "GENERAL_MANAGER", Set.of(CLAIM_VIEW, CLAIM_APPROVE),
                "CS_MANAGER", lead,
                "CS_SUPERVISOR", lead,
                "COMPLAINT_SPECIALIST", Set.of(CLAIM_VIEW, CLAIM_HANDLE, RETURN_HANDLE, COMPENSATION_REQUEST),
                "FRONT_DESK", Set.of(RETURN_HANDLE, COMPENSATION_REQUEST),
                "QUALITY_MANAGER", Set.of(CLAIM_VIEW, CLAIM_HANDLE));
    }
}
