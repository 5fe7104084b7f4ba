package com.careloop.platform.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.careloop.platform.OrgDirectory;

/** {@link OrgDirectory} on the platform's own tables. */
@Service
@Transactional(readOnly = true)
class JdbcOrgDirectory implements OrgDirectory {

    private static final String USER = "select u.id, u.username, u.display_name, u.department_id, u.active from app_user u";
    private static final String DEPARTMENT = "select d.id, d.code, d.name, d.parent_id, d.active from department d";

    private final JdbcClient jdbc;

    JdbcOrgDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> user(long id) {
        return jdbc.sql(USER + " where u.id = :id").param("id", id).query(JdbcOrgDirectory::user).optional();
    }

    @Override
    public Map<Long, User> users(Collection<Long> ids) {
        Map<Long, User> out = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return out;
        }
        jdbc.sql(USER + " where u.id in (:ids) order by u.id").param("ids", List.copyOf(ids))
                .query(JdbcOrgDirectory::user).list().forEach(u -> out.put(u.id(), u));
        return out;
    }

    @Override
    public Optional<User> userByUsername(String username) {
        return jdbc.sql(USER + " where u.username = :n").param("n", username).query(JdbcOrgDirectory::user).optional();
    }

    @Override
    public List<User> activeUsers() {
        return jdbc.sql(USER + " where u.active = true order by u.id").query(JdbcOrgDirectory::user).list();
    }

    @Override
    public List<User> activeUsersWithPermission(String permission) {
        return jdbc.sql(USER + " " + """
                where u.active = true and exists (select 1 from user_role ur join role_permission rp
                on rp.role_id = ur.role_id where ur.user_id = u.id and rp.permission = :p)
                order by u.display_name, u.id""").param("p", permission).query(JdbcOrgDirectory::user).list();
    }

    @Override
    public List<User> activeUsersGivenPermission(String permission) {
        return jdbc.sql(USER + " " + """
                where u.active = true and exists (select 1 from user_role ur join app_role r on r.id = ur.role_id
                join role_permission rp on rp.role_id = r.id where ur.user_id = u.id and rp.permission = :p
                and r.code <> 'ADMIN') order by u.id""").param("p", permission).query(JdbcOrgDirectory::user).list();
    }

    @Override
    public List<User> activeMembers(long departmentId) {
        return jdbc.sql(USER + " where u.department_id = :d and u.active = true order by u.id").param("d", departmentId)
                .query(JdbcOrgDirectory::user).list();
    }

    @Override
    public List<User> activeMembers(String departmentCode) {
        return jdbc.sql(USER + " join department d on d.id = u.department_id where d.code = :c and u.active = true"
                + " order by u.id").param("c", departmentCode).query(JdbcOrgDirectory::user).list();
    }

    @Override
    public List<User> activeMembersInPositions(long departmentId, Collection<String> positions) {
        if (positions == null || positions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(USER + " where u.department_id = :d and u.active = true and u.position in (:p) order by u.id")
                .param("d", departmentId).param("p", positions).query(JdbcOrgDirectory::user).list();
    }

    @Override
    public Optional<Department> department(long id) {
        return jdbc.sql(DEPARTMENT + " where d.id = :id").param("id", id).query(JdbcOrgDirectory::department).optional();
    }

    @Override
    public Optional<Department> departmentByCode(String code) {
        return jdbc.sql(DEPARTMENT + " where d.code = :c").param("c", code).query(JdbcOrgDirectory::department)
                .optional();
    }

    @Override
    public Map<Long, Department> departments(Collection<Long> ids) {
        Map<Long, Department> out = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return out;
        }
        jdbc.sql(DEPARTMENT + " where d.id in (:ids) order by d.id").param("ids", List.copyOf(ids))
                .query(JdbcOrgDirectory::department).list().forEach(d -> out.put(d.id(), d));
        return out;
    }

    @Override
    public List<Department> activeDepartments() {
        return jdbc.sql(DEPARTMENT + " where d.active = true order by d.sort_order, d.id")
                .query(JdbcOrgDirectory::department).list();
    }

    @Override
    public List<Position> positions(java.util.Locale locale) {
        return jdbc.sql("""
                select p.id, p.code, p.name_zh_cn, p.name_zh_tw, p.name_en, p.sort_order, p.active, p.built_in
                from job_position p order by p.active desc, p.sort_order, p.id""")
                .query((rs, n) -> new Positions.PositionView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), 0, 0))
                .list().stream().map(p -> new Position(p.code(), p.name(locale), p.active())).toList();
    }

    private static User user(ResultSet rs, int n) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getBoolean(5));
    }

    private static Department department(ResultSet rs, int n) throws SQLException {
        return new Department(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getBoolean(5));
    }
}
