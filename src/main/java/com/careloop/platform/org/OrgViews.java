package com.careloop.platform.org;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.careloop.platform.DataScope;

/** Read models of the organisation, built with SQL projections. */
public final class OrgViews {

    private OrgViews() {
    }

    public record DepartmentView(long id, String code, String name, Long parentId, int sortOrder, boolean active,
                          int depth, long userCount, long version) {
    }

    public record UserView(long id, String username, String displayName, String email, String phone, Long departmentId,
                    String departmentName, String position, boolean senior, boolean active, Instant lockedUntil,
                    Set<String> roles, long version) {
    }

    public record RoleView(long id, String code, String name, DataScope.Kind dataScope, boolean builtIn,
                    Set<String> permissions, long userCount, long version) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }
}
