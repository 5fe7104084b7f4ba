package com.careloop.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation as other modules may read it (published read API): departments, users and their department,
 * who holds a permission. A module never queries the platform's tables ({@code department}, {@code app_user},
 * {@code user_role} …) itself; it asks here. Read-only, no access check (the caller checks its own records).
 */
public interface OrgDirectory {

    /** A department: its code (e.g. {@code PROD}), name, parent and whether it is active. */
    record Department(long id, String code, String name, Long parentId, boolean active) {}

    /** A user as other modules see them: login name, name shown, department and whether the account is active. */
    record User(long id, String username, String displayName, Long departmentId, boolean active) {}

    Optional<User> user(long id);

    /** The users of these ids that exist (absent ids are left out). */
    Map<Long, User> users(Collection<Long> ids);

    Optional<User> userByUsername(String username);

    /** Every active user, by id. */
    List<User> activeUsers();

    /** The active users who hold the permission through one of their roles, by name. */
    List<User> activeUsersWithPermission(String permission);

    /**
     * The active users who hold the permission through a role other than the administrator's (ADMIN holds every
     * permission): the people it was given to on purpose, by id.
     */
    List<User> activeUsersGivenPermission(String permission);

    /** The active members of a department (not of its sub-departments), by id. */
    List<User> activeMembers(long departmentId);

    /** The active members of the department of this code (not of its sub-departments), by id; none for an unknown code. */
    List<User> activeMembers(String departmentCode);

    /**
     * The active members of a department (not of its sub-departments) who hold one of these positions (codes such as
     * {@code DEPT_HEAD}, {@code QUALITY_MANAGER}), by id.
     */
    List<User> activeMembersInPositions(long departmentId, Collection<String> positions);

    /** The heads of a department: its active members in the position {@code DEPT_HEAD} (部门主管), by id. */
    default List<User> activeHeads(long departmentId) {
        return activeMembersInPositions(departmentId, List.of("DEPT_HEAD"));
    }

    Optional<Department> department(long id);

    Optional<Department> departmentByCode(String code);

    /** The departments of these ids that exist. */
    Map<Long, Department> departments(Collection<Long> ids);

    /** The active departments in their sort order. */
    List<Department> activeDepartments();

    /** A position (职位, data an administrator manages): its code, its name in a language, whether it is active. */
    record Position(String code, String name, boolean active) {}

    /** Every position, active first, in the administrator's order, named in this language. */
    List<Position> positions(java.util.Locale locale);
}
