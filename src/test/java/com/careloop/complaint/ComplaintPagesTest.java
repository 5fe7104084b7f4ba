package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complaint list, detail and the printable 顾客投诉处理单 in all three languages. */
class ComplaintPagesTest extends ApiTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 顾客投诉, 投诉内容, 顾客投诉处理单, 原因分析, 品管确认, 已受理, 批次号",
            "zh-TW, 顧客投訴, 投訴內容, 顧客投訴處理單, 原因分析, 品管確認, 已受理, 批次號",
            "en, Customer complaints, Complaint content, Customer complaint handling form, Cause analysis, Quality confirmation, Received, Batch no."})
    void listDetailAndFormRenderInEveryLanguage(String lang, String listTitle, String content, String formTitle,
                                                String cause, String quality, String status, String batch) {
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面客户" + UUID.randomUUID().toString()
                .substring(0, 4) + "','kind':'INDIVIDUAL','phone':'" + phone + "'}")).json().get("id").asLong();
        Response r = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customer
                + ",'orderNumber':'HT-77','product':'ZX-200','content':'轴承异响','requestedRemedy':'换货','batchNo':'PH-0419'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        PageSession s = new PageSession(port);
        s.login("complaints", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        String list = s.get("/complaints").body();
        assertThat(list).contains("id=\"complaints\"").contains(listTitle).contains(code).contains(status).doesNotContain("??");
        PageSession.Page detail = s.get("/complaints/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(code).contains(content).contains("轴承异响").contains("HT-77").doesNotContain("??")
                .contains(batch).contains("href=\"/complaints?batchNo=PH-0419\"");
        // the batch link lists the complaints about that batch
        assertThat(s.get("/complaints?batchNo=PH-0419").body()).contains(code);
        PageSession.Page form = s.get("/complaints/" + id + "/form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(formTitle).contains("R-QP-005-03").contains(code).contains(cause).contains(quality)
                .contains("ZX-200").contains("换货").contains(batch).contains("PH-0419").doesNotContain("??");
    }
}
