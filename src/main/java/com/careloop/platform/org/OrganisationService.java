package com.careloop.platform.org;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.DataScope;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.PermissionCatalog;
import com.careloop.platform.org.OrgCommands.ResetPassword;
import com.careloop.platform.org.OrgCommands.SaveDepartment;
import com.careloop.platform.org.OrgCommands.SaveRole;
import com.careloop.platform.org.OrgCommands.SaveUser;
import com.careloop.platform.org.OrgViews.DepartmentView;
import com.careloop.platform.org.OrgViews.Page;
import com.careloop.platform.org.OrgViews.RoleView;
import com.careloop.platform.org.OrgViews.UserView;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments, users and roles: every change checked, versioned and written to the audit trail. */
@Service
@Transactional
public class OrganisationService {

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final RoleRepository roles;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final List<PermissionCatalog> catalogs;
    private final Clock clock;
    private final PasswordPolicy policy;
    private final Positions positions;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrganisationService(DepartmentRepository departments, UserRepository users, RoleRepository roles, JdbcClient jdbc,
                        AuditTrail audit, PasswordEncoder passwords, List<PermissionCatalog> catalogs, Clock clock,
                        PasswordPolicy policy, org.springframework.context.ApplicationEventPublisher events,
                        Positions positions) {
        this.positions = positions;
        this.policy = policy;
        this.events = events;
        this.departments = departments;
        this.users = users;
        this.roles = roles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    // ---- departments -------------------------------------------------------------------------

    /** All departments in tree order (parent before children), each with its depth. */
    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        List<Object[]> rows = jdbc.sql("""
                select d.id, d.code, d.name, d.parent_id, d.sort_order, d.active, d.version,
                       (select count(*) from app_user u where u.department_id = d.id and u.active = true) users
                from department d order by d.sort_order, d.id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getInt(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8)})
                .list();
        Map<Long, List<Object[]>> children = new LinkedHashMap<>();
        for (Object[] r : rows) {
            children.computeIfAbsent((Long) r[3], k -> new ArrayList<>()).add(r);
        }
        List<DepartmentView> ordered = new ArrayList<>();
        addTree(children, null, 0, ordered);
        return ordered;
    }

    private void addTree(Map<Long, List<Object[]>> children, Long parent, int depth, List<DepartmentView> out) {
        for (Object[] r : children.getOrDefault(parent, List.of())) {
            out.add(new DepartmentView((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (Integer) r[4],
                    (Boolean) r[5], depth, (Long) r[7], (Long) r[6]));
            addTree(children, (Long) r[0], depth + 1, out);
        }
    }

    @Transactional(readOnly = true)
    public DepartmentView department(long id) {
        return departments().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("department", id));
    }

    /** The department and all departments below it. */
    @Transactional(readOnly = true)
    public Set<Long> subtree(long departmentId) {
        Set<Long> result = new HashSet<>();
        List<Long> frontier = List.of(departmentId);
        while (!frontier.isEmpty()) {
            result.addAll(frontier);
            frontier = jdbc.sql("select id from department where parent_id in (:ids)").param("ids", frontier)
                    .query(Long.class).list().stream().filter(id -> !result.contains(id)).toList();
        }
        return result;
    }

    public DepartmentView createDepartment(SaveDepartment cmd) {
        if (departments.existsByCode(cmd.code())) {
            throw new InvalidInputException("code", "unique", Text.of("error.platform.department-code-already-exists", cmd.code()));
        }
        requireDepartment("parentId", cmd.parentId());
        Department d = departments.saveAndFlush(Department.create(cmd.code(), cmd.name(), cmd.parentId(),
                orZero(cmd.sortOrder()), now()));
        audit.created(d);
        events.publishEvent(AccessChanged.anyUser()); // the subtree of every department above it grew
        return department(d.getId());
    }

    public DepartmentView updateDepartment(long id, SaveDepartment cmd) {
        Department d = departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
        checkVersion("department", id, cmd.version(), d.getVersion());
        if (!d.getCode().equals(cmd.code())) {
            throw new InvalidInputException("code", "immutable", Text.of("error.platform.department-code-cannot-change"));
        }
        requireDepartment("parentId", cmd.parentId());
        if (cmd.parentId() != null && subtree(id).contains(cmd.parentId())) {
            throw new InvalidInputException("parentId", "no-cycle",
                    Text.of("error.platform.parent-cannot-department-itself"));
        }
        var before = d.auditState();
        d.update(cmd.name(), cmd.parentId(), orZero(cmd.sortOrder()), now());
        departments.saveAndFlush(d);
        audit.changed(d, "UPDATE", before);
        events.publishEvent(AccessChanged.anyUser()); // a new parent moves the subtree between data scopes
        return department(id);
    }

    public DepartmentView deactivateDepartment(long id) {
        Department d = departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
        long activeUsers = jdbc.sql("select count(*) from app_user where department_id = :id and active = true")
                .param("id", id).query(Long.class).single();
        if (activeUsers > 0) {
            throw new DomainException("department.has-users", com.careloop.platform.Text.of("error.platform.department-has-users",
                    String.valueOf(activeUsers)));

        }
        long activeChildren = jdbc.sql("select count(*) from department where parent_id = :id and active = true")
                .param("id", id).query(Long.class).single();
        if (activeChildren > 0) {
            throw new DomainException("department.has-children",
                    Text.of("error.platform.deactivate-sub-departments-first"));
        }
        var before = d.auditState();
        d.deactivate(now());
        departments.saveAndFlush(d);
        audit.changed(d, "DEACTIVATE", before);
        events.publishEvent(AccessChanged.anyUser());
        return department(id);
    }

    private void requireDepartment(String field, Long id) {
        if (id != null && !departments.existsById(id)) {
            throw new InvalidInputException(field, "exists", Text.of("error.platform.no-department-0", id));
        }
    }

    // ---- users -------------------------------------------------------------------------------

    /** Users visible in {@code scope}, filtered by keyword and department, keyset-paged by id. */
    @Transactional(readOnly = true)
    public Page<UserView> users(String keyword, Long departmentId, String cursor, int limit, DataScope scope) {
        var condition = scope.condition("u.department_id", "u.id");
        StringBuilder sql = new StringBuilder("""
                select u.id, u.username, u.display_name, u.email, u.phone, u.department_id, d.name dept, u.position,
                       u.senior, u.active, u.locked_until, u.version
                from app_user u left join department d on d.id = u.department_id
                where u.id > :after""").append(" and ").append(condition.sql());
        Map<String, Object> params = new LinkedHashMap<>(condition.params());
        params.put("after", cursor == null || cursor.isBlank() ? 0L : parseCursor(cursor));
        if (keyword != null && !keyword.isBlank()) {
            sql.append(" and (lower(u.username) like :kw or lower(u.display_name) like :kw or u.phone like :kw)");
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        if (departmentId != null) {
            sql.append(" and u.department_id = :dept");
            params.put("dept", departmentId);
        }
        sql.append(" order by u.id limit :limit");
        params.put("limit", limit + 1);
        List<UserView> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), rs.getString("phone"), (Long) rs.getObject("department_id", Long.class),
                        rs.getString("dept"), rs.getString("position"), rs.getBoolean("senior"),
                        rs.getBoolean("active"), rs.getTimestamp("locked_until") == null ? null
                                : rs.getTimestamp("locked_until").toInstant(), roleCodesOf(rs.getLong("id")),
                        rs.getLong("version")))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = String.valueOf(rows.get(limit - 1).id());
        }
        return new Page<>(rows, next);
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
        }
    }

    private Set<String> roleCodesOf(long userId) {
        return new TreeSet<>(jdbc.sql("select r.code from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = :u")
                .param("u", userId).query(String.class).list());
    }

    @Transactional(readOnly = true)
    public UserView user(long id, DataScope scope) {
        AppUser u = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!scope.allows(u.getDepartmentId(), u.getId())) {
            throw new NotFoundException("user", id);
        }
        return toView(u);
    }

    private UserView toView(AppUser u) {
        String dept = u.getDepartmentId() == null ? null : departments.findById(u.getDepartmentId())
                .map(Department::getName).orElse(null);
        return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPhone(),
                u.getDepartmentId(), dept, u.getPosition(), u.isSenior(), u.isActive(), u.getLockedUntil(),
                u.roleCodes(), u.getVersion());
    }

    public UserView createUser(SaveUser cmd) {
        if (users.existsByUsername(cmd.username())) {
            throw new InvalidInputException("username", "unique", Text.of("error.platform.username-already-taken-0", cmd.username()));
        }
        if (cmd.password() == null) {
            throw new InvalidInputException("password", "required", Text.of("error.platform.initial-password-required"));
        }
        policy.check("password", cmd.password());
        requireDepartment("departmentId", cmd.departmentId());
        positions.requireActive("position", cmd.position());
        AppUser u = AppUser.create(cmd.username(), cmd.displayName(), passwords.encode(cmd.password()),
                cmd.departmentId(), cmd.position(), now());
        u.update(cmd.displayName(), blankToNull(cmd.email()), blankToNull(cmd.phone()), cmd.departmentId(),
                cmd.position(), Boolean.TRUE.equals(cmd.senior()), resolveRoles(cmd.roles()), now());
        users.saveAndFlush(u);
        audit.created(u);
        return toView(u);
    }

    public UserView updateUser(long id, SaveUser cmd) {
        AppUser u = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        checkVersion("user", id, cmd.version(), u.getVersion());
        if (!u.getUsername().equals(cmd.username())) {
            throw new InvalidInputException("username", "immutable", Text.of("error.platform.username-cannot-change"));
        }
        requireDepartment("departmentId", cmd.departmentId());
        if (!cmd.position().equals(u.getPosition())) {
            positions.requireActive("position", cmd.position());
        }
        boolean newPassword = cmd.password() != null && !cmd.password().isBlank();
        if (newPassword) {
            policy.check("password", cmd.password());
        }
        var before = u.auditState();
        u.update(cmd.displayName(), blankToNull(cmd.email()), blankToNull(cmd.phone()), cmd.departmentId(),
                cmd.position(), Boolean.TRUE.equals(cmd.senior()), resolveRoles(cmd.roles()), now());
        if (newPassword) {
            u.changePassword(passwords.encode(cmd.password()), now());
        }
        users.saveAndFlush(u);
        audit.changed(u, "UPDATE", before);
        events.publishEvent(new AccessChanged(u.getId()));
        if (newPassword) {
            events.publishEvent(new CredentialsChanged(u.getId(), u.getUsername(), CredentialsChanged.Kind.PASSWORD_CHANGED));
        }
        return toView(u);
    }

    public UserView deactivateUser(long id) {
        UserView view = transition(id, "DEACTIVATE", u -> u.deactivate(now()));
        events.publishEvent(new CredentialsChanged(id, view.username(), CredentialsChanged.Kind.DEACTIVATED));
        return view;
    }

    public UserView activateUser(long id) {
        UserView view = transition(id, "ACTIVATE", u -> u.activate(now()));
        events.publishEvent(new AccessChanged(id));
        return view;
    }

    public UserView unlockUser(long id) {
        UserView view = transition(id, "UNLOCK", u -> u.unlock(now()));
        events.publishEvent(new CredentialsChanged(id, view.username(), CredentialsChanged.Kind.UNLOCKED));
        return view;
    }

    public UserView resetPassword(long id, ResetPassword cmd) {
        policy.check("password", cmd.password());
        UserView view = transition(id, "RESET_PASSWORD", u -> u.changePassword(passwords.encode(cmd.password()), now()));
        events.publishEvent(new CredentialsChanged(id, view.username(), CredentialsChanged.Kind.PASSWORD_CHANGED));
        return view;
    }

    private UserView transition(long id, String action, java.util.function.Consumer<AppUser> change) {
        AppUser u = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        var before = u.auditState();
        change.accept(u);
        users.saveAndFlush(u);
        audit.changed(u, action, before);
        return toView(u);
    }

    private Set<Role> resolveRoles(Collection<String> codes) {
        Set<Role> result = new HashSet<>();
        for (String code : codes) {
            result.add(roles.findByCode(code).orElseThrow(() ->
                    new InvalidInputException("roles", "exists", Text.of("error.platform.no-role-0", code))));
        }
        return result;
    }

    // ---- roles -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<RoleView> roles() {
        return roles.findAll(org.springframework.data.domain.Sort.by("id")).stream().map(this::toView).toList();
    }

    @Transactional(readOnly = true)
    public RoleView role(long id) {
        return toView(roles.findById(id).orElseThrow(() -> new NotFoundException("role", id)));
    }

    private RoleView toView(Role r) {
        long count = jdbc.sql("select count(*) from user_role where role_id = :r").param("r", r.getId())
                .query(Long.class).single();
        return new RoleView(r.getId(), r.getCode(), r.getName(), r.getDataScope(), r.isBuiltIn(),
                new TreeSet<>(r.getPermissions()), count, r.getVersion());
    }

    /** Every permission the modules declare, grouped by module. */
    public Map<String, List<String>> permissionCatalog() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        catalogs.stream().sorted(java.util.Comparator.comparing(PermissionCatalog::module))
                .forEach(c -> result.put(c.module(), c.permissions()));
        return result;
    }

    public RoleView createRole(SaveRole cmd) {
        if (roles.existsByCode(cmd.code())) {
            throw new InvalidInputException("code", "unique", Text.of("error.platform.role-code-already-exists", cmd.code()));
        }
        Set<String> permissions = checkPermissions(cmd.permissions());
        Role r = roles.saveAndFlush(Role.create(cmd.code(), cmd.name(), cmd.dataScope(), permissions, false));
        audit.created(r);
        return toView(r);
    }

    public RoleView updateRole(long id, SaveRole cmd) {
        Role r = roles.findById(id).orElseThrow(() -> new NotFoundException("role", id));
        checkVersion("role", id, cmd.version(), r.getVersion());
        if (!r.getCode().equals(cmd.code())) {
            throw new InvalidInputException("code", "immutable", Text.of("error.platform.role-code-cannot-change"));
        }
        Set<String> permissions = checkPermissions(cmd.permissions());
        var before = r.auditState();
        r.redefine(cmd.name(), cmd.dataScope(), permissions);
        roles.saveAndFlush(r);
        audit.changed(r, "UPDATE", before);
        events.publishEvent(AccessChanged.anyUser()); // every holder of the role
        return toView(r);
    }

    /** The requested permissions without blanks (a page form sends one empty value), all known. */
    private Set<String> checkPermissions(Set<String> requested) {
        Set<String> known = new HashSet<>();
        catalogs.forEach(c -> known.addAll(c.permissions()));
        Set<String> result = new TreeSet<>();
        for (String p : requested) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (!known.contains(p)) {
                throw new InvalidInputException("permissions", "known", Text.of("error.platform.unknown-permission-0", p));
            }
            result.add(p);
        }
        return result;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A stale version means someone else saved first: refuse rather than overwrite their change. */
    static void checkVersion(String type, long id, Long expected, long actual) {
        com.careloop.platform.Versions.requireCurrent(expected, actual, type, id);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
