package com.careloop.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of contract review. Staff register their own contracts (a salesperson sees their own, data scope OWN)
 * and sign the aspects their department is asked for; department heads see their department's contracts and record
 * the outcome (the sales manager is the head of the sales department); the general manager sees all and approves
 * major contracts through the approval chain {@code contract.major}. Who signs which aspect is the review matrix
 * (approval chains {@code contract.REGULAR} / {@code contract.SPECIAL}), edited by holders of
 * {@code approvals:configure}.
 */
@Component
public class ContractPermissions implements PermissionCatalog {

    public static final String VIEW = "contract:view";
    /** Register contracts, submit them for review, resolve inconsistencies with the customer, move register status. */
    public static final String REGISTER = "contract:register";
    /** Sign one's aspect, log inconsistencies. */
    public static final String REVIEW = "contract:review";
    /** The outcome A/B/C (sales manager). */
    public static final String DECIDE = "contract:decide";
    /** The platform's permission to edit approval chains: the review matrix and the change kind → aspect table. */
    public static final String CONFIGURE_MATRIX = "approvals:configure";

    @Override
    public String module() {
        return "contract";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, REGISTER, REVIEW, DECIDE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, REVIEW, DECIDE),
                "QUALITY_MANAGER", Set.of(VIEW, REVIEW),
                "DEPT_HEAD", Set.of(VIEW, REGISTER, REVIEW, DECIDE),
                "STAFF", Set.of(VIEW, REGISTER, REVIEW));
    }
}
