package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Problem details carry the message code and its arguments beside the message rendered for Accept-Language
 * (zh-CN when the caller names none), so an integration can match the code and a person reads a sentence.
 */
class ProblemDetailsLanguageApiTest extends ApiTestBase {

    private Response createDepartment(String parentId, String... language) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        return post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'语言测试部','parentId':"
                + parentId + "}"), language);
    }

    @Test
    void aFieldErrorIsRenderedInTheCallersLanguageWithItsCodeAndArguments() {
        JsonNode zh = createDepartment("987654321").json();
        JsonNode en = createDepartment("987654321", "Accept-Language", "en-US,en;q=0.9").json();
        JsonNode tw = createDepartment("987654321", "Accept-Language", "zh-TW").json();

        for (JsonNode p : new JsonNode[] {zh, en, tw}) {
            assertThat(p.get("status").asInt()).isEqualTo(422);
            assertThat(p.get("messageCode").asString()).isEqualTo("error.platform.no-department-0");
            assertThat(p.get("args").get(0).asString()).isEqualTo("987654321");
            assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("parentId");
            assertThat(p.get("errors").get(0).get("rule").asString()).isEqualTo("exists");
        }
        assertThat(zh.get("detail").asString()).isEqualTo("部门不存在：987654321");
        assertThat(tw.get("detail").asString()).isEqualTo("部門不存在：987654321");
        assertThat(en.get("detail").asString()).isEqualTo("No department 987654321");
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("No department 987654321");
    }

    @Test
    void aRefusedStepKeepsItsDomainCodeAndIsASentenceInEachLanguage() {
        long parent = createDepartment("null").json().get("id").asLong();
        assertThat(createDepartment(String.valueOf(parent)).status()).isEqualTo(201);

        Response zh = delete("/api/v1/departments/" + parent, tokenFor("admin"));
        Response en = call("DELETE", "/api/v1/departments/" + parent, tokenFor("admin"), null, "Accept-Language", "en");

        assertThat(zh.status()).isEqualTo(409);
        assertThat(en.status()).isEqualTo(409);
        assertThat(zh.json().get("code").asString()).isEqualTo("department.has-children");
        assertThat(en.json().get("code").asString()).isEqualTo("department.has-children");
        assertThat(en.json().get("messageCode").asString()).isEqualTo("error.platform.deactivate-sub-departments-first");
        assertThat(zh.json().get("detail").asString()).isEqualTo("请先停用下级部门");
        assertThat(en.json().get("detail").asString()).isEqualTo("Deactivate the sub-departments first");
    }

    @Test
    void aMissingRecordIsNamedInTheCallersLanguage() {
        JsonNode en = call("GET", "/api/v1/departments/987654321", tokenFor("admin"), null, "Accept-Language", "en").json();
        assertThat(en.get("status").asInt()).isEqualTo(404);
        assertThat(en.get("messageCode").asString()).isEqualTo("error.not-found");
        assertThat(en.get("detail").asString()).isEqualTo("Record 987654321 not found, or you may not see it");
        assertThat(get("/api/v1/departments/987654321", tokenFor("admin")).json().get("detail").asString())
                .isEqualTo("找不到该记录（987654321），或您无权查看");
    }
}
