package com.careloop.platform.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.careloop.platform.Text;
import com.careloop.platform.approval.ChainStages.Kind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may decide a step, resolved to active users when its stage opens: permission holders whose role's data scope
 * covers the subject's department (scope ALL, or a member of that department), members of a department, its heads
 * (position DEPT_HEAD), holders of a position, or a named user. A step nobody can decide goes to those who may
 * configure chains ({@code approvals:configure}), so that no approval hangs unseen.
 */
@Component
class Assignees {

    private final JdbcClient jdbc;

    Assignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> resolve(Kind kind, String ref, Long subjectDepartmentId) {
        List<Long> ids = switch (kind) {
            case PERMISSION -> holders(ref, subjectDepartmentId);
            case DEPARTMENT -> jdbc.sql("""
                    select u.id from app_user u join department d on d.id = u.department_id
                    where u.active = true and d.code = :ref order by u.id""").param("ref", ref).query(Long.class).list();
            case DEPARTMENT_HEAD -> ref == null
                    ? (subjectDepartmentId == null ? List.of() : jdbc.sql("""
                            select id from app_user where active = true and position = 'DEPT_HEAD'
                            and department_id = :d order by id""").param("d", subjectDepartmentId).query(Long.class).list())
                    : jdbc.sql("""
                            select u.id from app_user u join department d on d.id = u.department_id
                            where u.active = true and u.position = 'DEPT_HEAD' and d.code = :ref order by u.id""")
                    .param("ref", ref).query(Long.class).list();
            case POSITION -> jdbc.sql("select id from app_user where active = true and position = :ref order by id")
                    .param("ref", ref).query(Long.class).list();
            case USER -> jdbc.sql("select id from app_user where active = true and username = :ref")
                    .param("ref", ref).query(Long.class).list();
        };
        Set<Long> users = new LinkedHashSet<>(ids);
        if (users.isEmpty()) {
            users.addAll(holders(ApprovalPermissions.CONFIGURE, null));
        }
        return users;
    }

    private List<Long> holders(String permission, Long departmentId) {
        String sql = """
                select distinct u.id from app_user u
                join user_role ur on ur.user_id = u.id
                join app_role r on r.id = ur.role_id
                join role_permission rp on rp.role_id = r.id
                where u.active = true and rp.permission = :p""";
        if (departmentId == null) {
            return jdbc.sql(sql + " order by u.id").param("p", permission).query(Long.class).list();
        }
        return jdbc.sql(sql + " and (r.data_scope = 'ALL' or u.department_id = :d) order by u.id")
                .param("p", permission).param("d", departmentId).query(Long.class).list();
    }

    /**
     * The heads (position DEPT_HEAD) of the departments the given users belong to — for a department without a head,
     * the nearest one up the tree: whom a late task escalates to.
     */
    Set<Long> headsOf(Set<Long> users) {
        Set<Long> heads = new LinkedHashSet<>();
        if (users.isEmpty()) {
            return heads;
        }
        List<Long> departments = jdbc.sql("""
                select distinct department_id from app_user where id in (:users) and department_id is not null""")
                .param("users", users).query(Long.class).list();
        for (Long department : departments) {
            Long at = department;
            for (int depth = 0; at != null && depth < 20; depth++) {
                List<Long> found = jdbc.sql("""
                        select id from app_user where active = true and position = 'DEPT_HEAD' and department_id = :d
                        order by id""").param("d", at).query(Long.class).list();
                if (!found.isEmpty()) {
                    heads.addAll(found);
                    break;
                }
                at = jdbc.sql("select parent_id from department where id = :d").param("d", at)
                        .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
            }
        }
        return heads;
    }

    /**
     * Who a step asks, as the reader reads it: the permission's label ("holders of 审批定期报告"), the department's name,
     * the position's label, the user's display name — never the raw code. A department head step without a ref names
     * the subject's department.
     */
    Text label(Kind kind, String ref, Long subjectDepartmentId) {
        String r = ref == null ? "" : ref.strip();
        Object who = switch (kind) {
            case PERMISSION -> Text.label("perm", r);
            case DEPARTMENT -> departmentName(r);
            case DEPARTMENT_HEAD -> !r.isEmpty() ? departmentName(r) : subjectDepartmentId == null
                    ? Text.of("approvals.assignee.subject-department")
                    : jdbc.sql("select name from department where id = :d").param("d", subjectDepartmentId)
                            .query(String.class).optional().<Object>map(n -> n)
                            .orElse(Text.of("approvals.assignee.subject-department"));
            case POSITION -> Text.label("position", r);
            case USER -> Text.Arg.login(r);
        };
        return Text.of("approvals.assignee." + kind, who);
    }

    private String departmentName(String code) {
        return jdbc.sql("select name from department where code = :c").param("c", code).query(String.class)
                .optional().orElse(code);
    }

    /** Whether a ref of a kind names something that exists (for chain editing). */
    boolean exists(Kind kind, String ref) {
        return switch (kind) {
            case PERMISSION -> true;
            case DEPARTMENT, DEPARTMENT_HEAD -> count("select count(*) from department where code = :r", ref);
            case POSITION -> count("select count(*) from job_position where code = :r and active = true", ref);
            case USER -> count("select count(*) from app_user where username = :r", ref);
        };
    }

    private boolean count(String sql, String ref) {
        return jdbc.sql(sql).param("r", ref).query(Long.class).single() > 0;
    }
}
