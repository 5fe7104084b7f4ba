package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A mistyped address is a 404 page in the reader's language with a way back; the JSON API answers 404 problem details. */
class NotFoundPageTest extends ApiTestBase {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "zh-CN, /no-such-page, 页面不存在, 返回首页",
            "zh-CN, /complaints/999999, 页面不存在, 返回首页",
            "zh-CN, /complaints/abc, 页面不存在, 返回首页",
            "zh-TW, /service-requests/999999, 頁面不存在, 返回首頁",
            "en, /capa/999999, Page not found, home",
            "en, /claims/nope/whatever, Page not found, home"})
    void aMistypedAddressIsA404PageInTheReadersLanguage(String lang, String path, String title, String home) {
        PageSession s = new PageSession(port);
        s.login("supervisor", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page page = s.get(path);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains(title).contains(home).contains("href=\"/\"")
                .doesNotContain("出错了").doesNotContain("稍后再试").doesNotContain("Something went wrong");
    }

    @Test
    void theApiAnswers404ProblemDetails() {
        for (String path : new String[] {"/api/v1/complaints/999999", "/api/v1/no-such-resource"}) {
            Response r = get(path, tokenFor("supervisor"));
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).contains("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        }
    }
}
