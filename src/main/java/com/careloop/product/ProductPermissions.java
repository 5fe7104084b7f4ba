package com.careloop.product;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of custom new-product development. Sales requests developments and records the customer's answer; R&D
 * and production complete the development nodes; finance costs and quotes. A node is completed only by a member of its
 * owner department (or someone whose data scope is the whole company); reads keep to the data scope (department,
 * salesperson) plus the developments with a node of the reader's department.
 */
@Component
public class ProductPermissions implements PermissionCatalog {

    public static final String VIEW = "product:view";
    /** Start a development with the customer's demand form, record the quotation sent and the customer's answer. */
    public static final String REQUEST = "product:request";
    /** R&D report, process sheet and bill of materials, pilot run. */
    public static final String DEVELOP = "product:develop";
    /** Cost calculation from the pilot data. */
    public static final String COST = "product:cost";
    /** The quotation (新品报价单). */
    public static final String QUOTE = "product:quote";

    @Override
    public String module() {
        return "product";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, REQUEST, DEVELOP, COST, QUOTE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW),
                "CS_MANAGER", Set.of(VIEW, REQUEST),
                "CS_SUPERVISOR", Set.of(VIEW),
                "QUALITY_MANAGER", Set.of(VIEW),
                "DEPT_HEAD", Set.of(VIEW, REQUEST, DEVELOP, COST, QUOTE),
                "TEAM_LEADER", Set.of(VIEW, DEVELOP),
                "STAFF", Set.of(VIEW, REQUEST, DEVELOP, COST, QUOTE));
    }
}
