package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Template list, questionnaire and editor; the agent's answer entry; the report with charts, export and fault flag. */
class SurveyCorePagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 调查表模板, 产品质量水平, 很满意, 已发布",
            "zh-TW, 調查表模板, 產品質量水平, 很滿意, 已發佈",
            "en, Survey templates, Product quality level, Very satisfied, Published"})
    void templatePagesRenderInEveryLanguage(String lang, String title, String item, String best, String status) {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        String list = s.get("/surveys/templates").body();
        assertThat(list).contains("id=\"survey-templates\"").contains(title).contains("R-QP-005-01")
                .contains("JDP-SERVICE").contains(status).doesNotContain("??");
        long id = new SurveyFixtures(jdbc).templateId("R-QP-005-01");
        PageSession.Page detail = s.get("/surveys/templates/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(item).contains("1 " + best).contains("(20)").doesNotContain("??");
        PageSession.Page editor = s.get("/surveys/templates/" + id + "/edit");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("id=\"template-form\"").contains("产品质量水平").doesNotContain("??");
        assertThat(s.get("/surveys/templates/new").body()).contains("id=\"template-form\"").doesNotContain("??");
    }

    @Test
    void theEditorRefusesBadWeightsWithTheTypedContentAndSavesGoodOnes() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/surveys/templates/new");
        String code = "PG" + UUID.randomUUID().toString().substring(0, 6);
        String[] fields = {"code", code, "name", "页面问卷", "scale", "FIVE_LEVEL", "method", "RATE", "thresholdA", "90",
                "thresholdB", "70", "dimensions[0].name", "服务", "dimensions[0].weight", "60",
                "dimensions[0].items[0].code", "S1", "dimensions[0].items[0].text", "服务态度",
                "dimensions[1].name", "交期", "dimensions[1].weight", "30",
                "dimensions[1].items[0].code", "D1", "dimensions[1].items[0].text", "按时交货",
                "dimensions[2].name", "", "dimensions[2].items[0].code", ""};
        PageSession.Page bad = s.post("/surveys/templates", fields);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("现为 90%").contains("服务态度").contains("按时交货");
        assertThat(jdbc.sql("select count(*) from survey_template where code = :c").param("c", code)
                .query(Long.class).single()).isZero();
        fields[23] = "40";
        PageSession.Page ok = s.post("/surveys/templates", fields);
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        assertThat(ok.location()).contains("/surveys/templates/");
        String page = s.get(java.net.URI.create(ok.location()).getPath()).body();
        assertThat(page).contains(code).contains("服务态度").contains("id=\"publish\"");
    }

    @Test
    void anAgentTypesInAPaperAnswerAndTheReportShowsIt() {
        var f = new SurveyFixtures(jdbc);
        long campaign = f.campaign(f.templateId("R-QP-005-01"), LocalDate.of(2009, 1, 1), LocalDate.of(2009, 12, 31));
        long inv = f.invitation(campaign, 660001L, "泉州包装");
        PageSession agent = new PageSession(port);
        agent.login("frontdesk", DEMO_PASSWORD);
        String path = "/surveys/campaigns/" + campaign + "/invitations/" + inv + "/answer";
        PageSession.Page form = agent.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("泉州包装").contains("id=\"answer-form\"").contains("产品质量水平")
                .doesNotContain("??");
        // Q1 very satisfied, Q2 satisfied, D1 dissatisfied, S1 skipped, T1 satisfied: 66 / 80 = 82.50 B
        PageSession.Page done = agent.post(path, "rating_Q1", "4", "rating_Q2", "3", "rating_D1", "2", "rating_S1", "",
                "rating_T1", "3", "opinion", "交货期希望提前", "channel", "PAPER");
        assertThat(done.status()).isEqualTo(302);
        assertThat(agent.get(path).body()).contains("id=\"answered\"").contains("82.50").contains("B");
        assertThat(jdbc.sql("select entered_by from survey_response where invitation_id = :i").param("i", inv)
                .query(String.class).single()).isNotBlank();
        // a second submit is refused with a readable message
        PageSession.Page again = agent.post(path, "rating_Q1", "4", "channel", "PAPER");
        assertThat(again.status()).isEqualTo(302);
        assertThat(agent.get(java.net.URI.create(again.location()).getPath()).body()).contains("已提交");

        PageSession manager = new PageSession(port);
        manager.login("manager", DEMO_PASSWORD);
        String report = manager.get("/surveys/campaigns/" + campaign + "/report").body();
        assertThat(report).contains("顾客满意度调查统计表").contains("R-QP-005-02").contains("交货期希望提前")
                .contains("data-chart").contains("id=\"overall-score\">82.50<").contains("echarts").doesNotContain("??");
        long response = jdbc.sql("select id from survey_response where invitation_id = :i").param("i", inv)
                .query(Long.class).single();
        manager.post("/surveys/campaigns/" + campaign + "/report/opinions/" + response + "/fault", "confirmed", "true");
        assertThat(jdbc.sql("select fault_confirmed from survey_response where id = :i").param("i", response)
                .query(Boolean.class).single()).isTrue();
        String after = manager.get("/surveys/campaigns/" + campaign + "/report").body();
        assertThat(after).contains("id=\"adjusted\">82.40<"); // 82.50 - 1 x 0.1
        var xlsx = manager.download("/surveys/campaigns/" + campaign + "/report/export");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body().length).isGreaterThan(1000);
        assertThat(agent.get("/surveys/campaigns/" + campaign + "/report").status()).isEqualTo(403);
    }
}
