package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field-service pages in every language without raw message codes: the list with its filters, the plan form
 * from a request (and the request page's "plan field service" link), the service with its steps, the on-site page
 * and the report's print view; a plan made through the form and the refused departure shown as a readable message.
 */
class FieldServicePagesTest extends FieldServiceTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 现场服务, 计划现场服务, 出发前安全交底, 现场服务报告, 尚未完成出发前安全交底",
            "zh-TW, 現場服務, 計劃現場服務, 出發前安全交底, 現場服務報告, 尚未完成出發前安全交底",
            "en, Field services, Plan field service, Safety briefing, Field-service report, safety briefing"})
    void theFieldServicePagesRenderInEveryLanguage(String lang, String title, String plan, String briefing,
                                                    String report, String refused) {
        long request = fieldRequest();
        // a Wednesday deadline (a working day: kept as given) before a Thursday–Friday trip
        java.time.LocalDate wednesday = java.time.LocalDate.parse(day(0))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.WEDNESDAY));
        String due = wednesday.toString();
        String thu = wednesday.plusDays(1).toString();
        String fri = wednesday.plusDays(2).toString();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page requestPage = s.get("/service-requests/" + request);
        assertThat(requestPage.body()).contains("id=\"plan-field-service\"").contains(plan);
        PageSession.Page form = s.get("/field-services/new?requestId=" + request);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"plan-form\"").contains("封口机加热片, 4, 片").doesNotContain("??");
        assertThat(s.get("/field-services/new").body()).contains("id=\"pick-request\"").doesNotContain("??");

        PageSession.Page planned = s.post("/field-services/new", "requestId", String.valueOf(request),
                "site", "镇江 3号车间", "travelOutOn", thu, "onSiteFrom", thu, "onSiteTo", fri,
                "returnOn", fri, "leaderId", String.valueOf(user("depthead")), "leaderTask", "现场总负责",
                "memberUserId", String.valueOf(user("teamleader")), "memberTask", "机械安装", "memberDueOn", "",
                "memberUserId", String.valueOf(user("quality")), "memberTask", "调试测量", "memberDueOn", due,
                "memberUserId", "", "memberTask", "", "memberDueOn", "",
                "vehicles", "商务车", "toolsText", "*万用表\n扳手", "partsText", "封口机加热片, 4, 片", "workPlan", "安装调试");
        assertThat(planned.status()).as(planned.body()).isIn(302, 303);
        String location = planned.location();
        assertThat(location).matches(".*/field-services/\\d+$");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNodeCheck.team(get(BASE + "/" + id, tokenFor("manager")).json().get("team"), due);

        PageSession.Page detail = s.get("/field-services/" + id);
        assertThat(detail.body()).contains(briefing).contains("id=\"briefing-form\"").contains("id=\"checklist-form\"")
                .contains("id=\"exception-form\"").contains("万用表").doesNotContain("??");
        assertThat(s.post("/field-services/" + id + "/depart").status()).isIn(302, 303);
        assertThat(s.get("/field-services/" + id).body()).as("the 409 as a readable message").contains(refused)
                .contains("class=\"flash error\"");
        assertThat(s.get("/field-services/" + id + "/on-site").body()).contains("id=\"depart\"").doesNotContain("??");

        PageSession.Page list = s.get("/field-services?reach=department&status=PLANNED&q=XC");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(title).doesNotContain("??");
        String code = get(BASE + "/" + id, tokenFor("manager")).json().get("code").asString();
        assertThat(s.get("/field-services?status=PLANNED&from=" + thu + "&to=" + thu).body()).contains(code);
        assertThat(s.get("/field-services?status=PLANNED&from=" + fri).body()).doesNotContain(code);
        PageSession.Page print = s.get("/field-services/" + id + "/report");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.body()).contains(report).contains("Q/JL081304").doesNotContain("??");

        PageSession member = new PageSession(port);
        member.login("quality", DEMO_PASSWORD);
        member.get("/?lang=" + lang);
        assertThat(member.get("/").body()).as("the home page's work line").contains("/field-services?mine=true");
        assertThat(member.get("/field-services?mine=true").body()).contains(code).doesNotContain("??");
    }

    /** Checks on the planned team (a three-department team from the form). */
    static final class JsonNodeCheck {
        static void team(tools.jackson.databind.JsonNode team, String due) {
            assertThat(team.size()).isEqualTo(3);
            assertThat(team.valueStream().map(m -> m.get("department").asString()).distinct().count())
                    .as("three departments").isEqualTo(3);
            assertThat(team.get(2).get("dueOn").asString()).as("the deadline given on the form").isEqualTo(due);
        }
    }
}
