package com.careloop.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.careloop.platform.Approvals;
import com.careloop.platform.OrgDirectory;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The platform's published read API of the organisation ({@link OrgDirectory}) and {@link Approvals#departmentsSigning}:
 * what other modules (contract) read instead of the platform's tables.
 */
class OrgDirectoryTest extends ApiTestBase {

    @Autowired
    OrgDirectory org;
    @Autowired
    Approvals approvals;
    @Autowired
    JdbcClient jdbc;

    private static String code() {
        return "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private long department(String code, String name) {
        Response r = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'" + name + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode user(String name, long departmentId, String role) {
        return user(name, departmentId, role, "STAFF");
    }

    private JsonNode user(String name, long departmentId, String role, String position) {
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'u" + code().toLowerCase() + "','displayName':'"
                + name + "','password':'secret-123','position':'" + position + "','departmentId':" + departmentId
                + ",'roles':['" + role + "']}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void departmentsAndTheirActiveMembersAreReadByIdAndCode() {
        String code = code();
        long dept = department(code, "目录测试部" + code);
        JsonNode a = user("目录甲", dept, "STAFF");
        JsonNode b = user("目录乙", dept, "STAFF");
        assertThat(post("/api/v1/users/" + b.get("id").asLong() + "/deactivate", tokenFor("admin"), "").status())
                .isIn(200, 204);

        assertThat(org.department(dept)).get().extracting(OrgDirectory.Department::code, OrgDirectory.Department::name)
                .containsExactly(code, "目录测试部" + code);
        assertThat(org.departmentByCode(code).map(OrgDirectory.Department::id)).contains(dept);
        assertThat(org.departmentByCode(code + "-NONE")).isEmpty();
        assertThat(org.departments(List.of(dept, -1L))).containsOnlyKeys(dept);
        assertThat(org.activeDepartments()).extracting(OrgDirectory.Department::id).contains(dept);
        assertThat(org.activeMembers(dept)).extracting(OrgDirectory.User::displayName).containsExactly("目录甲");
        assertThat(org.activeMembers(code)).extracting(OrgDirectory.User::displayName).containsExactly("目录甲");
        assertThat(org.activeMembers(code + "-NONE")).isEmpty();

        OrgDirectory.User found = org.user(a.get("id").asLong()).orElseThrow();
        assertThat(found.departmentId()).isEqualTo(dept);
        assertThat(found.active()).isTrue();
        assertThat(org.userByUsername(a.get("username").asString()).map(OrgDirectory.User::id)).contains(found.id());
        assertThat(org.user(b.get("id").asLong()).orElseThrow().active()).isFalse();
        assertThat(org.users(List.of(found.id(), b.get("id").asLong(), -1L))).hasSize(2);
        assertThat(org.activeUsers()).extracting(OrgDirectory.User::id).contains(found.id())
                .doesNotContain(b.get("id").asLong());
    }

    @Test
    void theHeadsOfADepartmentAreItsActiveMembersInTheHeadPosition() {
        long dept = department(code(), "主管测试部");
        long other = department(code(), "主管测试部乙");
        JsonNode head = user("主管甲", dept, "DEPT_HEAD", "DEPT_HEAD");
        JsonNode manager = user("质量经理甲", dept, "STAFF", "QUALITY_MANAGER");
        user("主管员工", dept, "STAFF");
        JsonNode gone = user("主管乙", dept, "DEPT_HEAD", "DEPT_HEAD");
        user("别部主管", other, "DEPT_HEAD", "DEPT_HEAD");
        assertThat(post("/api/v1/users/" + gone.get("id").asLong() + "/deactivate", tokenFor("admin"), "").status())
                .isIn(200, 204);
        assertThat(org.activeHeads(dept)).extracting(OrgDirectory.User::id).containsExactly(head.get("id").asLong());
        assertThat(org.activeMembersInPositions(dept, List.of("DEPT_HEAD", "QUALITY_MANAGER")))
                .extracting(OrgDirectory.User::id).containsExactly(head.get("id").asLong(), manager.get("id").asLong());
        assertThat(org.activeMembersInPositions(dept, List.of())).isEmpty();
        assertThat(org.activeHeads(department(code(), "无主管部"))).isEmpty();
    }

    @Test
    void theHoldersOfAPermissionAreTheActiveUsersOfRolesGrantingItAndAdministratorsAreNotGivenIt() {
        long dept = department(code(), "权限测试部");
        JsonNode staff = user("权限员工", dept, "STAFF");
        JsonNode cs = user("权限客服", dept, "FRONT_DESK");
        List<Long> holders = org.activeUsersWithPermission("contract:register").stream().map(OrgDirectory.User::id).toList();
        assertThat(holders).contains(staff.get("id").asLong()).doesNotHaveDuplicates();
        boolean csHolds = jdbc.sql("select count(*) from user_role ur join role_permission rp on rp.role_id = ur.role_id"
                + " where ur.user_id = :u and rp.permission = 'contract:register'").param("u", cs.get("id").asLong())
                .query(Long.class).single() > 0;
        assertThat(holders.contains(cs.get("id").asLong())).isEqualTo(csHolds);
        // the people it was given to: an administrator holds every permission, and is left out of those
        long admin = user("权限管理员", dept, "ADMIN").get("id").asLong();
        assertThat(org.activeUsersWithPermission("contract:register")).extracting(OrgDirectory.User::id).contains(admin);
        assertThat(org.activeUsersGivenPermission("contract:register")).extracting(OrgDirectory.User::id)
                .contains(staff.get("id").asLong()).doesNotContain(admin);
    }

    @Test
    void thePublishedViewsShowTheContractColumnsAndNothingSecret() {
        // ADR 0043: other modules join org_user and org_department; the password hash and lock-out stay behind
        assertThat(columns("org_user")).containsExactly("id", "username", "display_name", "email", "department_id",
                "position", "senior", "active", "locale");
        assertThat(columns("org_department")).containsExactly("id", "code", "name", "parent_id", "sort_order", "active");
        long dept = department(code(), "视图测试部");
        long id = user("视图员工", dept, "STAFF").get("id").asLong();
        assertThat(jdbc.sql("select u.display_name, d.name from org_user u join org_department d on d.id = u.department_id"
                + " where u.id = :id").param("id", id).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).single())
                .isEqualTo("视图员工/视图测试部");
    }

    private List<String> columns(String view) {
        return jdbc.sql("select * from " + view + " where 1 = 0").query(rs -> {
            var meta = rs.getMetaData();
            List<String> names = new java.util.ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i).toLowerCase());
            }
            return names;
        });
    }

    @Test
    void theDepartmentsSigningAspectsAreTheDepartmentStepsOfTheChainInOrder() {
        String chain = "test." + code();
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, 'x', :s, 0,"
                + " current_timestamp)").param("c", chain).param("s", """
                [{"mode":"ALL_OF","steps":[{"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"a.ONE"},
                {"kind":"POSITION","ref":"GENERAL_MANAGER","deadlineDays":1,"aspect":"a.ONE"},
                {"kind":"DEPARTMENT_HEAD","ref":"PROD","deadlineDays":1,"aspect":"a.TWO"},
                {"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"a.TWO"},
                {"kind":"DEPARTMENT","ref":"FIN","deadlineDays":1,"aspect":"a.THREE"}]}]""").update();
        assertThat(approvals.departmentsSigning(chain, Set.of("a.ONE", "a.TWO"))).containsExactly("SALES", "PROD");
        assertThat(approvals.departmentsSigning(chain, Set.of("a.THREE"))).containsExactly("FIN");
        assertThat(approvals.departmentsSigning(chain, Set.of("a.NONE"))).isEmpty();
        assertThat(approvals.departmentsSigning("no.such.chain", Set.of("a.ONE"))).isEmpty();
    }
}
