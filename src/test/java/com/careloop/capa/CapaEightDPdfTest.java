package com.careloop.capa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The CAPA 8D report as PDF (API and page): Chinese title, record number, the problem; English for en. */
class CapaEightDPdfTest extends ApiTestBase {

    static final String BASE = "/api/v1/capa";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEightDReportAsPdfHasTheTitleTheNumberAndTheProblemInTheReadersLanguage() {
        String problem = "封口不严漏粉" + UUID.randomUUID().toString().substring(0, 6);
        long department = jdbc.sql("select id from department where code = 'ENG'").query(Long.class).single();
        Response r = post(BASE, tokenFor("quality"), j("{'sourceType':'AUDIT','sourceCode':'AUD-PDF','problem':'"
                + problem + "','departmentId':" + department + ",'eightD':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();

        PrintedPdf zh = PrintedPdf.fetch(http, port, BASE + "/" + id + "/8d.pdf", tokenFor("quality"), null, code);
        assertThat(zh.text()).contains("8D报告", code, problem, "D2 问题描述", "第 1 页");

        PrintedPdf en = PrintedPdf.fetch(http, port, BASE + "/" + id + "/8d.pdf", tokenFor("quality"), "en", code);
        assertThat(en.text()).contains("8D report", code, problem, "D2 Problem description").doesNotContain("8D报告");

        PageSession s = new PageSession(port);
        s.login("quality", DEMO_PASSWORD);
        s.get("/?lang=zh-TW");
        assertThat(PrintedPdf.fetch(s, "/capa/" + id + "/8d.pdf", code).text()).contains("8D報告", code, problem);
        assertThat(s.get("/capa/" + id + "/8d").body()).contains("8D報告", code, problem, "id=\"d8\"");
    }
}
