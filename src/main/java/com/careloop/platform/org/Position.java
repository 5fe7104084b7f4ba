package com.careloop.platform.org;

/** Positions (岗位) named by the procedures; the label comes from messages ({@code position.CODE}). */
public enum Position {
    ADMINISTRATOR, GENERAL_MANAGER, CS_MANAGER, CS_SUPERVISOR, FRONT_DESK, COMPLAINT_SPECIALIST,
    QUALITY_MANAGER, DEPT_HEAD, TEAM_LEADER, STAFF
}
