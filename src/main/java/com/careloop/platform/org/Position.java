package com.careloop.platform.org;

import java.util.List;

/**
 * The built-in positions (岗位) the procedures and the code name; positions are data (table {@code job_position},
 * administered on /admin/positions), so an administrator adds e.g. 销售副总经理 SALES_VP. A position is its code;
 * the label comes from messages ({@code position.CODE}) for built-ins and from the table for the others.
 */
public final class Position {

    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    public static final String GENERAL_MANAGER = "GENERAL_MANAGER";
    public static final String CS_MANAGER = "CS_MANAGER";
    public static final String CS_SUPERVISOR = "CS_SUPERVISOR";
    public static final String FRONT_DESK = "FRONT_DESK";
    public static final String COMPLAINT_SPECIALIST = "COMPLAINT_SPECIALIST";
    public static final String QUALITY_MANAGER = "QUALITY_MANAGER";
    public static final String DEPT_HEAD = "DEPT_HEAD";
    public static final String TEAM_LEADER = "TEAM_LEADER";
    public static final String STAFF = "STAFF";

    /** The positions migrated from the former fixed list (V86); they cannot be renamed or retired. */
    public static final List<String> BUILT_IN = List.of(ADMINISTRATOR, GENERAL_MANAGER, CS_MANAGER, CS_SUPERVISOR,
            FRONT_DESK, COMPLAINT_SPECIALIST, QUALITY_MANAGER, DEPT_HEAD, TEAM_LEADER, STAFF);

    private Position() {
    }
}
