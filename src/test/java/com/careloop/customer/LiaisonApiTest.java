package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The liaison archive (外联客户): CRUD with contacts, the visit log, stale versions, deactivation. */
class LiaisonApiTest extends ApiTestBase {

    private static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 6);
    }

    private JsonNode create(String name, String kind) {
        Response r = post("/api/v1/liaison-parties", tokenFor("manager"), j("{'name':'" + name + "','kind':'" + kind
                + "','phone':'0512-65223300','address':'人民路1号','contacts':[{'name':'张科长','title':'物管科','phone':'13912345678'},"
                + "{'name':'李干事','email':'li@example.cn'}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aPartyIsCreatedWithContactsListedByKindAndKeywordAndAudited() {
        String name = unique("姑苏区房产管理局");
        JsonNode p = create(name, "GOVERNMENT_OFFICE");
        long id = p.get("id").asLong();
        assertThat(p.get("contacts").valueStream().map(c -> c.get("name").asString())).containsExactly("张科长", "李干事");
        assertThat(p.get("version").asLong()).isZero();
        String q = URLEncoder.encode(name.substring(4), StandardCharsets.UTF_8);
        JsonNode byKind = get("/api/v1/liaison-parties?kind=GOVERNMENT_OFFICE&q=" + q, tokenFor("frontdesk")).json();
        assertThat(byKind.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(id);
        assertThat(get("/api/v1/liaison-parties?kind=POLICE_STATION&q=" + q, tokenFor("frontdesk")).json().get("items").size()).isZero();
        // a contact's name finds the party too
        String contact = URLEncoder.encode("张科长", StandardCharsets.UTF_8);
        assertThat(get("/api/v1/liaison-parties?limit=200&q=" + contact, tokenFor("frontdesk")).json().get("items")
                .valueStream().map(i -> i.get("id").asLong())).contains(id);
        JsonNode trail = get("/api/v1/audit-events/liaison-party/" + id, tokenFor("manager")).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATE");
    }

    @Test
    void theListIsKeysetPaged() {
        for (int i = 0; i < 3; i++) {
            create(unique("分页测试派出所"), "POLICE_STATION");
        }
        String q = URLEncoder.encode("分页测试派出所", StandardCharsets.UTF_8);
        JsonNode first = get("/api/v1/liaison-parties?limit=2&q=" + q, tokenFor("manager")).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = get("/api/v1/liaison-parties?limit=2&q=" + q + "&cursor=" + first.get("nextCursor").asString(),
                tokenFor("manager")).json();
        assertThat(second.get("items").get(0).get("id").asLong()).isLessThan(first.get("items").get(1).get("id").asLong());
        assertThat(get("/api/v1/liaison-parties?limit=0", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void phonesAreMaskedWithoutTheSensitivePermission() {
        long id = create(unique("燃气公司"), "UTILITY").get("id").asLong();
        JsonNode asFrontDesk = get("/api/v1/liaison-parties/" + id, tokenFor("frontdesk")).json();
        assertThat(asFrontDesk.get("contacts").get(0).get("phone").asString()).isEqualTo("139****5678");
        assertThat(asFrontDesk.get("phone").asString()).doesNotContain("65223300");
        assertThat(get("/api/v1/liaison-parties/" + id, tokenFor("manager")).json().get("phone").asString())
                .isEqualTo("0512-65223300");
    }

    @Test
    void anUpdateReplacesTheContactsAndAStaleVersionIsRefused() {
        JsonNode p = create(unique("供电局"), "UTILITY");
        long id = p.get("id").asLong();
        String body = "{'name':'%s','kind':'UTILITY','contacts':[{'name':'王工'}],'version':" + p.get("version").asLong() + "}";
        Response ok = put("/api/v1/liaison-parties/" + id, tokenFor("manager"), j(body.formatted("国网供电公司")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("contacts").valueStream().map(c -> c.get("name").asString())).containsExactly("王工");
        Response stale = put("/api/v1/liaison-parties/" + id, tokenFor("supervisor"), j(body.formatted("又改了")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(get("/api/v1/liaison-parties/" + id, tokenFor("manager")).json().get("name").asString()).isEqualTo("国网供电公司");
        Response noVersion = put("/api/v1/liaison-parties/" + id, tokenFor("manager"), j("{'name':'x','kind':'UTILITY'}"));
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(noVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
    }

    @Test
    void badInputNamesTheFields() {
        Response r = post("/api/v1/liaison-parties", tokenFor("manager"), j("{'name':'','kind':'UTILITY','phone':'12',"
                + "'contacts':[{'name':''}]}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()))
                .contains("name/NotBlank", "phone/Pattern", "contacts[0].name/NotBlank");
        assertThat(post("/api/v1/liaison-parties", tokenFor("manager"), j("{'name':'x','kind':'BANK'}")).status()).isEqualTo(400);
        assertThat(post("/api/v1/liaison-parties", tokenFor("frontdesk"), j("{'name':'x','kind':'UTILITY'}")).status())
                .as("the front desk only views").isEqualTo(403);
    }

    @Test
    void theVisitLogIsWrittenByTheCurrentUserAndListedNewestFirst() {
        long id = create(unique("街道办"), "STREET_OFFICE").get("id").asLong();
        Response older = post("/api/v1/liaison-parties/" + id + "/contact-log", tokenFor("supervisor"),
                j("{'kind':'VISIT','channel':'VISIT','occurredAt':'2026-01-10T09:30:00+08:00','summary':'走访街道办，沟通社区活动'}"));
        assertThat(older.status()).as(older.body()).isEqualTo(201);
        assertThat(older.json().get("staffName").asString()).isEqualTo("李明");
        assertThat(older.json().get("liaisonPartyId").asLong()).isEqualTo(id);
        post("/api/v1/liaison-parties/" + id + "/contact-log", tokenFor("manager"),
                j("{'kind':'HOLIDAY_GREETING','channel':'LETTER','summary':'春节慰问'}"));
        JsonNode log = get("/api/v1/liaison-parties/" + id + "/contact-log", tokenFor("frontdesk")).json();
        assertThat(log.get("items").valueStream().map(e -> e.get("kind").asString()))
                .containsExactly("HOLIDAY_GREETING", "VISIT");
        assertThat(log.get("items").get(1).get("occurredAt").asString()).isEqualTo("2026-01-10T09:30:00+08:00");
        Response future = post("/api/v1/liaison-parties/" + id + "/contact-log", tokenFor("manager"),
                j("{'kind':'CALL','channel':'PHONE','occurredAt':'2099-01-01T00:00:00Z','summary':'x'}"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(get("/api/v1/liaison-parties/987654/contact-log", tokenFor("manager")).status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedPartyIsKeptOutOfTheListAndTakesNoEditsOrVisits() {
        JsonNode p = create(unique("光纤公司"), "TELECOM");
        long id = p.get("id").asLong();
        Response off = post("/api/v1/liaison-parties/" + id + "/deactivate", tokenFor("manager"), null);
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(post("/api/v1/liaison-parties/" + id + "/deactivate", tokenFor("manager"), null).status()).isEqualTo(409);
        String q = URLEncoder.encode(p.get("name").asString(), StandardCharsets.UTF_8);
        assertThat(get("/api/v1/liaison-parties?q=" + q, tokenFor("manager")).json().get("items").size()).isZero();
        assertThat(get("/api/v1/liaison-parties?includeInactive=true&q=" + q, tokenFor("manager")).json().get("items").size())
                .isEqualTo(1);
        assertThat(post("/api/v1/liaison-parties/" + id + "/contact-log", tokenFor("manager"),
                j("{'kind':'CALL','channel':'PHONE','summary':'x'}")).status()).isEqualTo(409);
        assertThat(put("/api/v1/liaison-parties/" + id, tokenFor("manager"), j("{'name':'x','kind':'TELECOM','version':"
                + off.json().get("version").asLong() + "}")).status()).isEqualTo(409);
        assertThat(post("/api/v1/liaison-parties/" + id + "/activate", tokenFor("manager"), null).json().get("active").asBoolean())
                .isTrue();
        JsonNode trail = get("/api/v1/audit-events/liaison-party/" + id, tokenFor("manager")).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString())).containsExactly("CREATE", "DEACTIVATE", "ACTIVATE");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
        String key = UUID.randomUUID().toString();
        String body = j("{'name':'" + unique("赞助商") + "','kind':'SPONSOR'}");
        Response first = post("/api/v1/liaison-parties", tokenFor("manager"), body, "Idempotency-Key", key);
        Response again = post("/api/v1/liaison-parties", tokenFor("manager"), body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void theDemoCompanysLiaisonPartiesAreLoaded() {
        JsonNode all = get("/api/v1/liaison-parties?limit=200", tokenFor("manager")).json();
        assertThat(all.get("items").valueStream().map(i -> i.get("name").asString()))
                .contains("苏州市姑苏区房产管理局", "沧浪街道办事处", "姑苏公安分局沧浪派出所", "苏州市自来水有限公司", "国网苏州供电公司",
                        "苏州港华燃气有限公司", "中国电信苏州分公司", "苏州光网科技有限公司");
    }
}
