package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

class CustomerArchiveApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String phone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    private JsonNode register(String token, String name, String phone, String extra) {
        Response r = post("/api/v1/customers", token, j("{'name':'" + name + "','kind':'INDIVIDUAL','phone':'" + phone
                + "','project':'翠湖花园','room':'9-" + name.hashCode() % 1000 + "'" + extra + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aCustomerIsRegisteredWithARecordNumberContactsAndATrail() {
        String name = unique("苏州新华纸箱厂");
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'ORGANISATION',"
                + "'phone':'0512-66778899','region':'苏州','contacts':[{'name':'吴科长','title':'品质科','phone':'13906131234'},"
                + "{'name':'郑会计','phone':'13906135678','primary':true}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("code").asString()).matches("KH\\d{4}-\\d{6}");
        assertThat(c.get("contacts").size()).isEqualTo(2);
        assertThat(c.get("contacts").valueStream().filter(k -> k.get("primary").asBoolean())
                .map(k -> k.get("name").asString())).containsExactly("郑会计");
        JsonNode trail = get("/api/v1/audit-events/customer/" + c.get("id").asLong(), tokenFor("manager")).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("manager");
    }

    @Test
    void aPossibleDuplicateIsRefusedUntilConfirmed() {
        String name = unique("王大妈");
        String phone = phone();
        register(tokenFor("manager"), name, phone, "");
        Response again = post("/api/v1/customers", tokenFor("manager"), j("{'name':'另一个人','kind':'INDIVIDUAL','phone':'"
                + phone + "'}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("duplicates").get(0).get("matchedOn").asString()).isEqualTo("phone");
        assertThat(get("/api/v1/customers/duplicates?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8),
                tokenFor("manager")).json().size()).isEqualTo(1);
        Response confirmed = post("/api/v1/customers", tokenFor("manager"), j("{'name':'另一个人','kind':'INDIVIDUAL','phone':'"
                + phone + "','confirmDuplicate':true}"));
        assertThat(confirmed.status()).isEqualTo(201);
    }

    @Test
    void badInputNamesTheFieldAndTheRuleAndSavesNothing() {
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'','kind':'INDIVIDUAL','phone':'12345',"
                + "'email':'not-an-email','contacts':[{'name':'','phone':'abc'}]}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()))
                .contains("name/NotBlank", "phone/Pattern", "email/Email", "contacts[0].name/NotBlank", "contacts[0].phone/Pattern");
        Response rep = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + unique("甲") + "','kind':'OEM',"
                + "'representativeId':987654}"));
        assertThat(rep.status()).isEqualTo(422);
        assertThat(rep.json().get("errors").get(0).get("field").asString()).isEqualTo("representativeId");
        assertThat(rep.json().get("errors").get(0).get("rule").asString()).isEqualTo("exists");
        Response kind = post("/api/v1/customers", tokenFor("manager"), j("{'name':'x','kind':'ALIEN'}"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRepresentativeWithoutADepartmentIsRefusedForThatAndNotAsAMissingUser() {
        String admin = tokenFor("admin");
        Response created = post("/api/v1/users", admin, j("{'username':'nodept" + UUID.randomUUID().toString().substring(0, 6)
                + "','displayName':'无部门业务员','password':'secret-123','position':'STAFF','roles':['STAFF']}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long noDepartment = created.json().get("id").asLong();
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();

        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + unique("无部门代表的客户")
                + "','kind':'INDIVIDUAL','representativeId':" + noDepartment + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("representativeId");
        assertThat(error.get("rule").asString()).isEqualTo("department");
        assertThat(error.get("message").asString()).isEqualTo("该员工未分配部门");

        // once inactive, the same user is no active user at all
        assertThat(post("/api/v1/users/" + noDepartment + "/deactivate", admin, null).status()).isEqualTo(200);
        Response inactive = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + unique("离职代表的客户")
                + "','kind':'INDIVIDUAL','representativeId':" + noDepartment + "}"));
        assertThat(inactive.status()).as(inactive.body()).isEqualTo(422);
        assertThat(inactive.json().get("errors").get(0).get("rule").asString()).isEqualTo("exists");
        assertThat(inactive.json().get("errors").get(0).get("message").asString()).contains("没有此在职用户：" + noDepartment);
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anEditWithAStaleVersionIsRefused() {
        JsonNode c = register(tokenFor("manager"), unique("老李"), phone(), "");
        long id = c.get("id").asLong();
        String body = "{'name':'%s','kind':'INDIVIDUAL','version':" + c.get("version").asLong() + "}";
        assertThat(put("/api/v1/customers/" + id, tokenFor("manager"), j(body.formatted("老李（已改）"))).status()).isEqualTo(200);
        Response stale = put("/api/v1/customers/" + id, tokenFor("supervisor"), j(body.formatted("老李（又改）")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(get("/api/v1/customers/" + id, tokenFor("manager")).json().get("name").asString()).isEqualTo("老李（已改）");
    }

    @Test
    void searchFindsPartialChineseNamesPhonesContactsAndRooms() {
        String name = unique("常熟市虞山镇") + "物业服务中心";
        String phone = phone();
        String contact = unique("联系人");
        JsonNode c = register(tokenFor("manager"), name, phone, ",'contacts':[{'name':'" + contact + "'}]");
        long id = c.get("id").asLong();
        for (String q : new String[] {name.substring(3, 9), phone.substring(3, 10), contact, c.get("code").asString()}) {
            JsonNode page = get("/api/v1/customers?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                    tokenFor("manager")).json();
            assertThat(page.get("items").valueStream().map(i -> i.get("id").asLong())).as(q).contains(id);
        }
    }

    @Test
    void phonesAndIdNumbersAreMaskedForUsersWithoutTheSensitivePermission() {
        JsonNode c = register(tokenFor("manager"), unique("赵女士"), "13812345678", ",'idNumber':'320102198003071234',"
                + "'confirmDuplicate':true");
        long id = c.get("id").asLong();
        JsonNode asFrontDesk = get("/api/v1/customers/" + id, tokenFor("frontdesk")).json();
        assertThat(asFrontDesk.get("phone").asString()).isEqualTo("138****5678");
        assertThat(asFrontDesk.get("idNumber").asString()).isEqualTo("320***********1234");
        assertThat(asFrontDesk.get("masked").asBoolean()).isTrue();
        JsonNode asManager = get("/api/v1/customers/" + id, tokenFor("manager")).json();
        assertThat(asManager.get("phone").asString()).isEqualTo("13812345678");
        JsonNode list = get("/api/v1/customers?q=13812345678", tokenFor("frontdesk")).json();
        assertThat(list.get("items").valueStream().map(i -> i.get("phone").asString())).allMatch(p -> p.contains("****"));
    }

    @Test
    void anAccountRepresentativeWithOwnScopeSeesOnlyTheirCustomers() {
        long sales = userId("sales");
        JsonNode mine = register(tokenFor("manager"), unique("业务员的客户"), phone(), ",'representativeId':" + sales);
        JsonNode deputy = register(tokenFor("manager"), unique("代理的客户"), phone(), ",'representativeId':"
                + userId("manager") + ",'deputyId':" + sales);
        JsonNode other = register(tokenFor("manager"), unique("别人的客户"), phone(), ",'representativeId':" + userId("manager"));
        var ids = get("/api/v1/customers?limit=200", tokenFor("sales")).json().get("items").valueStream()
                .map(i -> i.get("id").asLong()).toList();
        assertThat(ids).contains(mine.get("id").asLong(), deputy.get("id").asLong()).doesNotContain(other.get("id").asLong());
        assertThat(get("/api/v1/customers/" + other.get("id").asLong(), tokenFor("sales")).status()).isEqualTo(404);
        assertThat(get("/api/v1/customers/" + other.get("id").asLong(), tokenFor("frontdesk")).status()).isEqualTo(200);
    }

    @Test
    void aDeactivatedCustomerLeavesTheListButIsKeptAndCannotBeEdited() {
        JsonNode c = register(tokenFor("manager"), unique("停用客户"), phone(), "");
        long id = c.get("id").asLong();
        assertThat(post("/api/v1/customers/" + id + "/deactivate", tokenFor("manager"), null).json().get("active").asBoolean())
                .isFalse();
        assertThat(post("/api/v1/customers/" + id + "/deactivate", tokenFor("manager"), null).status()).isEqualTo(409);
        String q = java.net.URLEncoder.encode(c.get("code").asString(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(get("/api/v1/customers?q=" + q, tokenFor("manager")).json().get("items").size()).isZero();
        assertThat(get("/api/v1/customers?includeInactive=true&q=" + q, tokenFor("manager")).json().get("items").size()).isEqualTo(1);
        Response edit = put("/api/v1/customers/" + id, tokenFor("manager"), j("{'name':'x','kind':'INDIVIDUAL','version':"
                + get("/api/v1/customers/" + id, tokenFor("manager")).json().get("version").asLong() + "}"));
        assertThat(edit.status()).isEqualTo(409);
    }

    @Test
    void onlyUsersWithTheManagePermissionRegister() {
        assertThat(post("/api/v1/customers", tokenFor("quality"), j("{'name':'x','kind':'OEM'}")).status()).isEqualTo(403);
    }
}
