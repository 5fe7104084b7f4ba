package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract, tender and register pages in zh-CN, zh-TW and en: the labels of the reader's language and no raw
 * message codes or enum names (read-only, on the demo tender that was won and the contract it became).
 */
class ContractLanguagePagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 合同评审与登记, 招投标评审, 投标评审表, 中标",
            "zh-TW, 合約評審與登記, 招投標評審, 投標評審表, 得標",
            "en, Contract review and register, Tender reviews, Tender review form, Won"})
    void contractTenderAndRegisterPagesRenderInTheReadersLanguage(String lang, String register, String tenders,
                                                                  String form, String won) {
        long tender = jdbc.sql("select id from tender where tender_no = 'LHZB-2026-112'").query(Long.class).single();
        long contract = jdbc.sql("select contract_id from tender where id = :id").param("id", tender).query(Long.class)
                .single();
        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        for (String path : new String[] {"/contracts", "/contracts/new", "/contracts/" + contract, "/tenders",
                "/tenders/new", "/tenders/" + tender, "/tenders/" + tender + "/review-form", "/contracts/statistics"}) {
            PageSession.Page page = s.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("??", "tender.status.", "contract.status.",
                    "contract.aspect.", "approvals.decision.", ">APPROVE<", ">DONE<", ">OPEN<", ">WON<", ">UNDER_REVIEW<");
        }
        assertThat(s.get("/contracts").body()).contains(register);
        assertThat(s.get("/tenders").body()).contains(tenders, won);
        assertThat(s.get("/tenders/" + tender).body()).contains(form.substring(0, 2), won);
        assertThat(s.get("/tenders/" + tender + "/review-form").body()).contains(form);
    }
}
