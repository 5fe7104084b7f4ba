package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The annual complaint summary as PDF (API and page): Chinese title with the year, a customer; English for en. */
class AnnualSummaryPdfTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        StatsFixture.ensure(jdbc);
    }

    @Test
    void theAnnualSummaryAsPdfHasTheTitleTheYearAndTheFiguresInTheReadersLanguage() {
        String path = "/api/v1/complaints/annual.pdf?year=2015";
        PrintedPdf zh = PrintedPdf.fetch(http, port, path, tokenFor("quality"), null, "complaint-annual-2015");
        assertThat(zh.text()).contains("2015 年度投诉汇总（管理评审输入）", "全年合计", "统计客户1", "第 1 页");

        PrintedPdf en = PrintedPdf.fetch(http, port, path, tokenFor("quality"), "en", "complaint-annual-2015");
        assertThat(en.text()).contains("Annual complaint summary (management review input), 2015", "统计客户1")
                .doesNotContain("年度投诉汇总");

        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=zh-TW");
        assertThat(PrintedPdf.fetch(s, "/complaints/annual.pdf?year=2015", "complaint-annual-2015").text())
                .contains("2015 年度投訴彙總（管理審查輸入）");
        String view = s.get("/complaints/annual?year=2015").body();
        assertThat(view).contains("id=\"annual-pareto-chart\"", "data:image/png;base64,", "annual.pdf?year=2015");
    }
}
