package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.complaint.demo.ComplaintDemoDataAccess;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statistics page with its Pareto chart and the printable annual summary, in all three languages. */
class ComplaintStatsPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        StatsFixture.ensure(jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 投诉统计分析, 产品质量, 原因排列图（帕累托）, 关键少数, 年度投诉汇总（管理评审输入）, 工艺",
            "zh-TW, 投訴統計分析, 產品品質, 原因柏拉圖（帕累托）, 關鍵少數, 年度投訴彙總（管理審查輸入）, 製程",
            "en, Complaint statistics, Product quality, Pareto of causes, Vital few, Annual complaint summary (management review input), Process"})
    void statisticsAndAnnualPagesRenderInEveryLanguage(String lang, String title, String category, String pareto,
                                                       String vitalFew, String annual, String process) {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page page = s.get("/complaints/stats?from=2015-01-01&to=2015-12-31&groupBy=CATEGORY");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(title).contains(category).contains(pareto).contains(vitalFew)
                .contains("id=\"stats\"").contains("id=\"pareto-chart\"").contains("data-chart=")
                .contains("50.0%").contains("62.5%").doesNotContain("??");
        PageSession.Page year = s.get("/complaints/annual?year=2015");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.body()).contains(annual).contains(process).contains("id=\"annual-month\"")
                .contains("2015-12").contains("统计客户1").contains("data-print").doesNotContain("??");
    }

    @Test
    void groupingsQuickPeriodsAndTheDownloadFromThePage() {
        PageSession s = new PageSession(port);
        s.login("gm", DEMO_PASSWORD);
        for (String group : new String[] {"SEVERITY", "CAUSE", "DEPARTMENT", "PRODUCT", "MONTH"}) {
            PageSession.Page page = s.get("/complaints/stats?from=2015-01-01&to=2015-12-31&groupBy=" + group);
            assertThat(page.status()).as(group).isEqualTo(200);
            assertThat(page.body()).doesNotContain("??");
        }
        assertThat(s.get("/complaints/stats?quick=quarter").status()).isEqualTo(200);
        assertThat(s.get("/complaints/stats").status()).isEqualTo(200);
        PageSession.Page bad = s.get("/complaints/stats?from=2015-12-01&to=2015-01-01");
        assertThat(bad.body()).doesNotContain("Exception");
        var xlsx = s.download("/complaints/stats/export?from=2015-01-01&to=2015-12-31&groupBy=MONTH");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body().length).isGreaterThan(1000);
        var annual = s.download("/complaints/annual/export?year=2015");
        assertThat(annual.statusCode()).isEqualTo(200);
        PageSession staff = new PageSession(port);
        staff.login("staff", DEMO_PASSWORD);
        assertThat(staff.get("/complaints/stats").status()).isEqualTo(403);
    }

    @Test
    void theDemoComplaintsAreLoadedOnceWithOneRepeatPair() {
        long demo = jdbc.sql("select count(*) from complaint where source_request_id is null and code like 'TS%'"
                + " and product in ('瓦楞纸箱（五层）', '瓦楞纸箱（三层）', '彩印礼盒', '纸护角', '蜂窝纸板', '食品包装袋')")
                .query(Long.class).single();
        assertThat(demo).isEqualTo(ComplaintDemoDataAccess.plans());
        String demoRows = " from complaint where source_request_id is null and code like 'TS%' and product in"
                + " ('瓦楞纸箱（五层）', '瓦楞纸箱（三层）', '彩印礼盒', '纸护角', '蜂窝纸板', '食品包装袋')";
        // every state of the procedure, and exactly one repeat pair
        assertThat(jdbc.sql("select count(distinct status)" + demoRows).query(Long.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*)" + demoRows + " and repeat_of_id is not null").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from complaint where content = '第三次反映纸箱塌箱问题，要求退货'"
                + " and repeat_of_id is not null").query(Long.class).single()).isEqualTo(1);
        long timeline = jdbc.sql("select count(*) from complaint_event e join complaint c on c.id = e.complaint_id"
                + " where c.content = '纸箱抗压强度不足，堆码后塌箱'").query(Long.class).single();
        assertThat(timeline).isGreaterThanOrEqualTo(9);
    }
}
