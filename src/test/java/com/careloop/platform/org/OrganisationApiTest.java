package com.careloop.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

class OrganisationApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private String admin() {
        return tokenFor("admin");
    }

    private static String code() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode createDepartment(String code, String name, Long parentId) {
        Response r = post("/api/v1/departments", admin(), j("{'code':'" + code + "','name':'" + name + "','parentId':"
                + parentId + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void theDemoCompanyHasTheDepartmentsOfTheProcedures() {
        JsonNode list = get("/api/v1/departments", admin()).json();
        assertThat(list.valueStream().map(d -> d.get("name").asString()))
                .contains("客户服务部", "品管部（质量部）", "生产部", "采购部", "财务部", "技术部", "工程部", "物业部", "保安部");
        JsonNode repair = list.valueStream().filter(d -> d.get("code").asString().equals("ENG-REPAIR")).findFirst().orElseThrow();
        assertThat(repair.get("depth").asInt()).isEqualTo(2);
    }

    @Test
    void updatingADepartmentRecordsOldAndNewValuesInTheAuditTrail() {
        JsonNode d = createDepartment(code(), "售后服务部", null);
        long id = d.get("id").asLong();
        Response r = put("/api/v1/departments/" + id, admin(), j("{'code':'" + d.get("code").asString()
                + "','name':'售后服务中心','sortOrder':5,'version':" + d.get("version").asLong() + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        JsonNode history = get("/api/v1/audit-events/department/" + id, admin()).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("action").asString()).isEqualTo("CREATE");
        JsonNode update = history.get(1);
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("changes").valueStream().map(c -> c.get("field").asString() + ":"
                + c.get("oldValue").asString() + "->" + c.get("newValue").asString()))
                .containsExactlyInAnyOrder("name:售后服务部->售后服务中心", "sortOrder:0->5");
    }

    @Test
    void aStaleVersionIsRefusedWith409AndNothingIsOverwritten() {
        JsonNode d = createDepartment(code(), "仓储部", null);
        long id = d.get("id").asLong();
        String body = "{'code':'" + d.get("code").asString() + "','name':'%s','version':0}";
        assertThat(put("/api/v1/departments/" + id, admin(), j(body.formatted("仓储一部"))).status()).isEqualTo(200);
        Response stale = put("/api/v1/departments/" + id, admin(), j(body.formatted("仓储二部")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("已被他人修改");
        assertThat(get("/api/v1/departments/" + id, admin()).json().get("name").asString()).isEqualTo("仓储一部");
    }

    @Test
    void aDepartmentCannotMoveBelowItself() {
        JsonNode parent = createDepartment(code(), "上级", null);
        JsonNode child = createDepartment(code(), "下级", parent.get("id").asLong());
        Response r = put("/api/v1/departments/" + parent.get("id").asLong(), admin(), j("{'code':'"
                + parent.get("code").asString() + "','name':'上级','parentId':" + child.get("id").asLong()
                + ",'version':0}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("no-cycle");
    }

    @Test
    void aDepartmentWithUsersCannotBeDeletedAndStaysActive() {
        JsonNode d = createDepartment(code(), "质检组", null);
        long id = d.get("id").asLong();
        Response user = post("/api/v1/users", admin(), j("{'username':'u" + code().toLowerCase()
                + "','displayName':'钱工','password':'secret-123','position':'STAFF','roles':['STAFF'],'departmentId':"
                + id + "}"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);

        Response r = delete("/api/v1/departments/" + id, admin());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("名在职用户，不能停用");
        assertThat(get("/api/v1/departments/" + id, admin()).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void anEmptyDepartmentIsDeactivatedNotRemoved() {
        JsonNode d = createDepartment(code(), "临时项目部", null);
        long id = d.get("id").asLong();
        Response r = delete("/api/v1/departments/" + id, admin());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("active").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from department where id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void missingAndOversizedFieldsAreNamedWithTheirRule() {
        Response r = post("/api/v1/departments", admin(), j("{'code':'','name':'" + "长".repeat(101) + "'}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()))
                .contains("code/NotBlank", "name/Size");
    }

    @Test
    void malformedJsonIs400AndCreatesNothing() {
        long before = jdbc.sql("select count(*) from department").query(Long.class).single();
        Response r = post("/api/v1/departments", admin(), "{\"code\": \"X1\", \"name\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:careloop:problem:malformed-body");
        assertThat(jdbc.sql("select count(*) from department").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void unknownIdsAre404AndAnUnknownParentIs422() {
        assertThat(get("/api/v1/departments/987654", admin()).status()).isEqualTo(404);
        assertThat(get("/api/v1/users/987654", admin()).status()).isEqualTo(404);
        assertThat(get("/api/v1/users/abc", admin()).status()).isEqualTo(400);
        Response r = post("/api/v1/departments", admin(), j("{'code':'" + code() + "','name':'x','parentId':987654}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
    }

    @Test
    void aFailedCreateLeavesNoRecordAndNoAuditEntry() {
        String username = "dup" + code().toLowerCase();
        String body = j("{'username':'" + username + "','displayName':'甲','password':'secret-123','position':'STAFF','roles':['STAFF']}");
        assertThat(post("/api/v1/users", admin(), body).status()).isEqualTo(201);
        long audits = jdbc.sql("select count(*) from audit_event where record_type = 'user'").query(Long.class).single();
        Response again = post("/api/v1/users", admin(), body);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("unique");
        Response badRole = post("/api/v1/users", admin(), j("{'username':'x" + code().toLowerCase()
                + "','displayName':'乙','password':'secret-123','position':'STAFF','roles':['NO_SUCH_ROLE']}"));
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'user'").query(Long.class).single())
                .isEqualTo(audits);
    }

    @Test
    void aDepartmentHeadSeesOnlyTheUsersOfTheirDepartmentTree() {
        JsonNode page = get("/api/v1/users?limit=200", tokenFor("depthead")).json();
        assertThat(page.get("items").valueStream().map(u -> u.get("username").asString()))
                .contains("depthead", "teamleader", "staff")
                .doesNotContain("manager", "admin", "quality", "gm");
        long managerId = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
        assertThat(get("/api/v1/users/" + managerId, tokenFor("depthead")).status()).isEqualTo(404);
        assertThat(get("/api/v1/users/" + managerId, tokenFor("manager")).status()).isEqualTo(200);
    }

    @Test
    void userListsArePagedWithACursor() {
        JsonNode first = get("/api/v1/users?limit=3", admin()).json();
        assertThat(first.get("items").size()).isEqualTo(3);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = get("/api/v1/users?limit=3&cursor=" + cursor, admin()).json();
        assertThat(second.get("items").get(0).get("id").asLong())
                .isGreaterThan(first.get("items").get(2).get("id").asLong());
        assertThat(get("/api/v1/users?limit=0", admin()).status()).isEqualTo(422);
        assertThat(get("/api/v1/users?cursor=zz", admin()).status()).isEqualTo(422);
    }

    @Test
    void aRoleCanOnlyGrantKnownPermissions() {
        Response r = post("/api/v1/roles", admin(), j("{'code':'R" + code().toUpperCase().replace('-', '_')
                + "','name':'回访员','dataScope':'OWN','permissions':['calendar:view','nonsense:do']}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("permissions");
        Response ok = post("/api/v1/roles", admin(), j("{'code':'R" + code().toUpperCase().replace('-', '_')
                + "','name':'回访员','dataScope':'OWN','permissions':['calendar:view']}"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("permissions").valueStream().map(JsonNode::asString)).containsExactly("calendar:view");
    }
}
