package com.careloop.servicedesk.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisation as the service desk needs it (departments, handlers, supervisors), read with SQL
 * projections: the platform publishes no user directory, and these reads must stay cheap.
 */
@Component
public class Staff {

    public record Member(long id, String username, String displayName, Long departmentId, String position,
                         boolean senior, boolean active) {
    }

    private final JdbcClient jdbc;

    Staff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> member(long id) {
        return jdbc.sql("""
                select id, username, display_name, department_id, position, senior, active from org_user where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
                .optional();
    }

    public boolean activeDepartment(long id) {
        return jdbc.sql("select count(*) from org_department where id = :id and active = true").param("id", id)
                .query(Long.class).single() > 0;
    }

    /** A department and all its sub-departments. */
    public Set<Long> tree(long departmentId) {
        Set<Long> all = new LinkedHashSet<>(List.of(departmentId));
        List<Long> level = List.of(departmentId);
        while (!level.isEmpty()) {
            level = jdbc.sql("select id from org_department where parent_id in (:ids)").param("ids", level)
                    .query(Long.class).list().stream().filter(all::add).toList();
        }
        return all;
    }

    /** The team leader (班长) of a department tree, senior ones first; else any senior member. */
    public Optional<Long> teamLeader(long departmentId) {
        return jdbc.sql("""
                select id from org_user where active = true and senior = true and department_id in (:ids)
                order by case when position = 'TEAM_LEADER' then 0 when position = 'DEPT_HEAD' then 1 else 2 end, id
                limit 1""").param("ids", new ArrayList<>(tree(departmentId))).query(Long.class).optional();
    }

    public record Handler(long id, String displayName, boolean senior) {
    }

    /** Who may be dispatched a department's request: its active members and its sub-departments', senior first. */
    public List<Handler> handlers(long departmentId) {
        return jdbc.sql("""
                select id, display_name, senior from org_user where active = true and department_id in (:ids)
                order by senior desc, id""").param("ids", new ArrayList<>(tree(departmentId)))
                .query((rs, n) -> new Handler(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    public Optional<String> departmentName(long id) {
        return jdbc.sql("select name from org_department where id = :id and active = true").param("id", id)
                .query(String.class).optional();
    }

    /** Active users holding a position, e.g. every CS supervisor. */
    public List<Long> withPosition(String position) {
        return jdbc.sql("select id from org_user where active = true and position = :p order by id")
                .param("p", position).query(Long.class).list();
    }
}
