package com.careloop.platform;

import java.util.List;
import java.util.Set;

/**
 * What part of the records a user may see: everything, their department and its sub-departments,
 * their own department, or only the records they own. Modules turn it into a SQL condition.
 */
public record DataScope(Kind kind, Set<Long> departmentIds, long userId) implements java.io.Serializable {

    public enum Kind { ALL, DEPARTMENT_TREE, DEPARTMENT, OWN }

    /** A SQL condition and its named parameters, e.g. {@code department_id in (:scopeDepartments)}. */
    public record SqlCondition(String sql, java.util.Map<String, Object> params) {
    }

    /**
     * The condition for a table whose rows carry a department column and one or more owner columns
     * (e.g. account representative and deputy); a scope of several roles is the widest one, so a
     * single condition is enough.
     */
    public SqlCondition condition(String departmentColumn, String... ownerColumns) {
        String own = "(" + String.join(" = :scopeUser or ", ownerColumns) + " = :scopeUser)";
        return switch (kind) {
            case ALL -> new SqlCondition("1=1", java.util.Map.of());
            case DEPARTMENT_TREE, DEPARTMENT -> departmentIds.isEmpty()
                    ? new SqlCondition(own, java.util.Map.of("scopeUser", userId))
                    : new SqlCondition("(" + departmentColumn + " in (:scopeDepartments) or " + own + ")",
                            java.util.Map.of("scopeDepartments", List.copyOf(departmentIds), "scopeUser", userId));
            case OWN -> new SqlCondition(own, java.util.Map.of("scopeUser", userId));
        };
    }

    public boolean allows(Long departmentId, Long... ownerIds) {
        boolean owns = java.util.Arrays.stream(ownerIds).anyMatch(o -> o != null && o == userId);
        return switch (kind) {
            case ALL -> true;
            case DEPARTMENT_TREE, DEPARTMENT -> owns || (departmentId != null && departmentIds.contains(departmentId));
            case OWN -> owns;
        };
    }
}
