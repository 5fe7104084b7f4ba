package com.careloop.survey.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** /api/v1/survey-templates: validation, revisions, publish/retire, the ready templates. */
class SurveyTemplateApiTest extends ApiTestBase {

    static String body(String code, String w1, String w2, String items2, String extra) {
        return j("{'code':'" + code + "','name':'测试问卷','scale':'FOUR_LEVEL','method':'SCORE'" + extra
                + ",'dimensions':[{'name':'质量','weight':" + w1 + ",'items':[{'code':'Q1','text':'产品质量水平','textEn':'Quality'}]},"
                + "{'name':'服务','weight':" + w2 + ",'items':" + items2 + "}]}");
    }

    static String code() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final String SERVICE_ITEMS = "[{'code':'S1','text':'售后服务'}]";

    String token() {
        return tokenFor("manager");
    }

    @Test
    void weightsNotSummingTo100AreRefusedAndNothingIsSaved() {
        String code = code();
        Response r = post("/api/v1/survey-templates", token(), body(code, "60", "30", SERVICE_ITEMS, ""));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("dimensions");
        assertThat(error.get("rule").asString()).isEqualTo("weights-sum-100");
        assertThat(error.get("message").asString()).contains("90");
        assertThat(get("/api/v1/survey-templates", token()).body()).doesNotContain(code);
        // within the tolerance of 0.001 is accepted
        assertThat(post("/api/v1/survey-templates", token(), body(code, "60.0005", "40", SERVICE_ITEMS, "")).status())
                .isEqualTo(201);
    }

    @Test
    void otherRulesNameTheirField() {
        Response dup = post("/api/v1/survey-templates", token(), body(code(), "50", "50", "[{'code':'Q1','text':'重复'}]", ""));
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("dimensions[1].items[0].code");
        assertThat(dup.json().get("errors").get(0).get("rule").asString()).isEqualTo("unique");
        Response empty = post("/api/v1/survey-templates", token(), body(code(), "50", "50", "[]", ""));
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("dimensions[1].items");
        Response thresholds = post("/api/v1/survey-templates", token(),
                body(code(), "50", "50", SERVICE_ITEMS, ",'thresholdA':70,'thresholdB':70"));
        assertThat(thresholds.status()).isEqualTo(422);
        assertThat(thresholds.json().get("errors").get(0).get("rule").asString()).isEqualTo("a-greater-than-b");
        Response noScale = post("/api/v1/survey-templates", token(), j("{'code':'" + code() + "','name':'x','method':'SCORE'}"));
        assertThat(noScale.status()).isEqualTo(422);
        assertThat(post("/api/v1/survey-templates", tokenFor("frontdesk"), body(code(), "50", "50", SERVICE_ITEMS, ""))
                .status()).isEqualTo(403);
    }

    @Test
    void publishMakesARevisionImmutableAndEditingItCreatesTheNextRevision() {
        String code = code();
        Response created = post("/api/v1/survey-templates", token(), body(code, "50", "50", SERVICE_ITEMS, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("template").get("id").asLong();
        assertThat(created.json().get("template").get("revision").asInt()).isEqualTo(1);
        assertThat(created.json().get("template").get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("template").get("thresholdA").decimalValue()).isEqualByComparingTo("90");
        long version = created.json().get("version").asLong();
        // a draft is edited in place (same id, same revision)
        Response edited = put("/api/v1/survey-templates/" + id, token(),
                body(code, "40", "60", "[{'code':'S1','text':'售后服务（改）'},{'code':'S2','text':'查询'}]",
                        ",'version':" + version));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("template").get("id").asLong()).isEqualTo(id);
        assertThat(edited.json().get("template").get("dimensions").get(1).get("items").size()).isEqualTo(2);
        // a stale version is refused
        assertThat(put("/api/v1/survey-templates/" + id, token(), body(code, "40", "60", SERVICE_ITEMS,
                ",'version':" + version)).status()).isEqualTo(409);
        Response published = post("/api/v1/survey-templates/" + id + "/publish", token(), "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("template").get("status").asString()).isEqualTo("PUBLISHED");
        Response again = post("/api/v1/survey-templates/" + id + "/publish", token(), "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("PUBLISHED");
        // editing the published revision makes revision 2 as a draft; revision 1 stays as it was
        Response next = put("/api/v1/survey-templates/" + id, token(), body(code, "50", "50", SERVICE_ITEMS, ""));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        long id2 = next.json().get("template").get("id").asLong();
        assertThat(id2).isNotEqualTo(id);
        assertThat(next.json().get("template").get("revision").asInt()).isEqualTo(2);
        assertThat(next.json().get("template").get("status").asString()).isEqualTo("DRAFT");
        JsonNode rev1 = get("/api/v1/survey-templates/" + id, token()).json().get("template");
        assertThat(rev1.get("dimensions").get(0).get("weight").decimalValue()).isEqualByComparingTo("40");
        assertThat(rev1.get("dimensions").get(1).get("items").get(0).get("text").asString()).isEqualTo("售后服务（改）");
        // a second draft of the same code is refused while one exists
        assertThat(put("/api/v1/survey-templates/" + id, token(), body(code, "50", "50", SERVICE_ITEMS, "")).status())
                .isEqualTo(409);
        assertThat(latestPublishedRevision(code)).isEqualTo(1);
        assertThat(post("/api/v1/survey-templates/" + id2 + "/publish", token(), null).status()).isEqualTo(200);
        assertThat(latestPublishedRevision(code)).isEqualTo(2);
        Response retired = post("/api/v1/survey-templates/" + id + "/retire", token(), null);
        assertThat(retired.json().get("template").get("status").asString()).isEqualTo("RETIRED");
        assertThat(get("/api/v1/survey-templates/424242424", token()).status()).isEqualTo(404);
    }

    private int latestPublishedRevision(String code) {
        for (JsonNode t : get("/api/v1/survey-templates?published=true", token()).json()) {
            if (t.get("code").asString().equals(code)) {
                return t.get("revision").asInt();
            }
        }
        return 0;
    }

    @Test
    void theTwoReadyTemplatesArePublished() {
        JsonNode list = get("/api/v1/survey-templates?published=true", tokenFor("frontdesk")).json();
        JsonNode paper = null;
        JsonNode jd = null;
        for (JsonNode t : list) {
            if (t.get("code").asString().equals("R-QP-005-01")) {
                paper = t;
            } else if (t.get("code").asString().equals("JDP-SERVICE")) {
                jd = t;
            }
        }
        assertThat(paper).isNotNull();
        assertThat(paper.get("scale").asString()).isEqualTo("FOUR_LEVEL");
        assertThat(paper.get("method").asString()).isEqualTo("SCORE");
        assertThat(paper.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(paper.get("dimensions").valueStream().flatMap(d -> d.get("items").valueStream())
                .map(i -> i.get("text").asString()).toList())
                .containsExactly("产品质量水平", "异常处理能力", "交期确保", "查询、售后服务", "技术改善");
        assertThat(jd).isNotNull();
        assertThat(jd.get("scale").asString()).isEqualTo("FIVE_LEVEL");
        assertThat(jd.get("dimensions").valueStream().map(d -> d.get("weight").decimalValue().intValue()).toList())
                .containsExactly(16, 10, 11, 12, 21, 15, 15);
    }
}
