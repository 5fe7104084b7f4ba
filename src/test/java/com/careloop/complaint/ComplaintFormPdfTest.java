package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The 顾客投诉处理单 as PDF (API and page): Chinese title, form code, record number, a field; English for en. */
class ComplaintFormPdfTest extends ComplaintTestBase {

    static final String BASE = "/api/v1/complaints";

    long complaint(String content) {
        Response r = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer() + ",'channel':'PHONE',"
                + "'product':'五层瓦楞纸箱','orderNumber':'HT-PDF-01','content':'" + content + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void theFormAsPdfHasTheTitleTheNumberAndTheContentInTheReadersLanguage() {
        String content = "纸箱受潮塌陷" + System.nanoTime() % 100000;
        long id = complaint(content);
        JsonNode c = get(BASE + "/" + id, tokenFor("manager")).json();
        String code = c.get("code").asString();

        PrintedPdf zh = PrintedPdf.fetch(http, port, BASE + "/" + id + "/form.pdf", tokenFor("manager"), null, code);
        assertThat(zh.text()).contains("顾客投诉处理单", "R-QP-005-03", code, content, "投诉内容", "第 1 页");

        PrintedPdf en = PrintedPdf.fetch(http, port, BASE + "/" + id + "/form.pdf", tokenFor("manager"), "en", code);
        assertThat(en.text()).contains("Customer complaint handling form", code, content, "Page 1 of")
                .doesNotContain("顾客投诉处理单");

        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=zh-TW");
        PrintedPdf page = PrintedPdf.fetch(s, "/complaints/" + id + "/form.pdf", code);
        assertThat(page.text()).contains("顧客投訴處理單", code, content);
    }

    @Test
    void theSameComplaintPrintsAsTheQualityInformationFeedbackFormOfTheIatfProcedure() {
        String content = "密封不良漏液" + System.nanoTime() % 100000;
        long id = complaint(content);
        String code = get(BASE + "/" + id, tokenFor("manager")).json().get("code").asString();

        PrintedPdf zh = PrintedPdf.fetch(http, port, BASE + "/" + id + "/quality-feedback.pdf", tokenFor("manager"),
                null, code);
        assertThat(zh.text()).contains("质量信息反馈表", "Q/JL090201-C", code, content)
                .doesNotContain("R-QP-005-03");

        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=en");
        assertThat(s.get("/complaints/" + id).body()).contains("id=\"quality-feedback-link\"");
        PageSession.Page view = s.get("/complaints/" + id + "/quality-feedback");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("Quality information feedback form", "Q/JL090201-C", code, content)
                .doesNotContain("??");
    }
}
