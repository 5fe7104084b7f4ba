package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service desk pages over HTTP (session login, CSRF): every page in three languages, a bad intake
 * form, a stale version, a refused permission, the queue's counters and the statistics export.
 */
class ServiceDeskPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private PageSession signedIn(String user) {
        PageSession s = new PageSession(port);
        s.login(user, DEMO_PASSWORD);
        s.get("/service-requests?lang=zh-CN");
        return s;
    }

    private long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    private long requests() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }

    private long register(String title) {
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'contactName':'王先生','contactPhone':'13900001111',"
                + "'type':'REPAIR','title':'" + title + "','channel':'PHONE','unitRoom':'5-0501'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Follows the redirect of a form post and returns the page it lands on. */
    private static String landing(PageSession s, PageSession.Page posted) {
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        java.net.URI uri = java.net.URI.create(posted.location());
        return s.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).body();
    }

    @Test
    void everyPageRendersInThreeLanguages() {
        long id = register("三语页面" + UUID.randomUUID().toString().substring(0, 6));
        PageSession s = signedIn("manager");
        String[][] expected = {
                {"zh-CN", "工单队列", "登记报事", "维修及时率", "工单类别", "响应期限"},
                {"zh-TW", "工單佇列", "登記報事", "維修及時率", "工單類別", "回應"},
                {"en", "Request queue", "New service request", "On-time completion", "Request categories", "Actions"}};
        for (String[] lang : expected) {
            s.get("/service-requests?lang=" + lang[0]);
            String queue = s.get("/service-requests").body();
            assertThat(queue).contains(lang[1]).contains("id=\"count-overdue\"").doesNotContain("??");
            assertThat(s.get("/service-requests/new").body()).contains(lang[2]).contains("intake-form").doesNotContain("??");
            assertThat(s.get("/service-requests/report").body()).contains("intake-form").doesNotContain("??");
            assertThat(s.get("/service-requests/statistics").body()).contains(lang[3]).doesNotContain("??");
            assertThat(s.get("/service-desk/categories").body()).contains(lang[4]).doesNotContain("??");
            assertThat(s.get("/service-desk/sla-policies").body()).contains("add-policy").doesNotContain("??");
            PageSession.Page request = s.get("/service-requests/" + id);
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.body()).contains(lang[5]).contains("action-panel").contains("dispatch-form").doesNotContain("??");
        }
        s.get("/service-requests?lang=zh-CN");
    }

    @Test
    void anIntakeWithABadFieldShowsTheMessageNextToItAndSavesNothing() {
        PageSession s = signedIn("frontdesk");
        s.get("/service-requests/new");
        long before = requests();
        PageSession.Page r = s.post("/service-requests/new", "channel", "PHONE", "type", "REPAIR", "title", "",
                "contactName", "李女士", "contactPhone", "13900002222");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"error-title\"").contains("请更正标出的字段").contains("李女士");
        PageSession.Page noCustomer = s.post("/service-requests/new", "channel", "PHONE", "type", "REPAIR", "title", "漏水");
        assertThat(noCustomer.body()).contains("id=\"error-customerId\"").contains("请选择客户");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void theIntakeFormRegistersAndTheReportLandsInTheCentersQueue() {
        PageSession s = signedIn("frontdesk");
        s.get("/service-requests/new");
        String title = "页面报修" + UUID.randomUUID().toString().substring(0, 6);
        String page = landing(s, s.post("/service-requests/new", "channel", "WALK_IN", "type", "BOOKED_REPAIR",
                "title", title, "contactName", "李女士", "contactPhone", "13900002222", "priority", "HIGH",
                "appointmentStart", "2026-12-03T09:00", "appointmentEnd", "2026-12-03T11:00"));
        assertThat(page).contains(title).contains("已登记").contains("2026-12-03 09:00");

        PageSession staff = signedIn("sales");
        staff.get("/service-requests/report");
        String reported = "代客报事" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(landing(staff, staff.post("/service-requests/report", "type", "CONSULTATION", "title", reported,
                "contactName", "赵先生", "contactPhone", "13900003333"))).contains(reported).contains("员工代报");
        assertThat(s.get("/service-requests?tab=unassigned").body()).contains(reported);
    }

    @Test
    void aStaleVersionShowsTheConflictMessageOnThePage() {
        long id = register("并发修改" + UUID.randomUUID().toString().substring(0, 6));
        PageSession s = signedIn("manager");
        s.get("/service-requests/" + id);
        long dept = department("ENG-REPAIR");
        String after = landing(s, s.post("/service-requests/" + id + "/dispatch", "departmentId", String.valueOf(dept),
                "version", "0"));
        assertThat(after).contains("已派工");
        String stale = landing(s, s.post("/service-requests/" + id + "/start", "version", "0"));
        assertThat(stale).contains("已被他人修改，请刷新").contains("id=\"request-code\"");
        assertThat(jdbc.sql("select status from service_request where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("DISPATCHED");
    }

    @Test
    void aRefusedStepIsAReadableMessageAndTheQueueButtonsAnswerWithAFragment() {
        long id = register("状态不符" + UUID.randomUUID().toString().substring(0, 6));
        PageSession s = signedIn("manager");
        s.get("/service-requests/" + id);
        String refused = landing(s, s.post("/service-requests/" + id + "/close"));
        assertThat(refused).contains("flash error").contains("不能");
        assertThat(s.get("/service-requests/counters").body()).contains("count-unassigned");
    }

    @Test
    void aUserWithoutThePermissionIsRefused() {
        long id = register("无权限" + UUID.randomUUID().toString().substring(0, 6));
        PageSession staff = signedIn("staff");
        staff.get("/service-requests/new");
        PageSession.Page categories = staff.get("/service-desk/categories");
        assertThat(categories.status()).isEqualTo(403);
        assertThat(categories.body()).contains("error-page");
        assertThat(staff.post("/service-requests/" + id + "/close").status()).isEqualTo(403);
        assertThat(staff.get("/service-requests/statistics").body()).doesNotContain("sdp.");
    }

    @Test
    void theStatisticsExportIsAnExcelWorkbook() {
        register("统计导出" + UUID.randomUUID().toString().substring(0, 6));
        PageSession s = signedIn("manager");
        PageSession.Page x = s.get("/service-requests/statistics/export?groupBy=CHANNEL");
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).startsWith("PK");
        assertThat(s.get("/service-requests/statistics?groupBy=CHANNEL").body()).contains("电话").contains("合计");
    }

    @Test
    void thePageShowsTheNextStepWithItsOwnerAndDispatchSuggestsTheCategorysDepartment() {
        long category = jdbc.sql("select id from service_category where code = 'WATER-POWER'").query(Long.class).single();
        Response created = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'contactName':'陈女士','contactPhone':"
                + "'13900002222','type':'REPAIR','title':'下一步 " + UUID.randomUUID() + "','channel':'PHONE','categoryId':" + category + "}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long repair = department("ENG-REPAIR");

        String dispatcher = signedIn("supervisor").get("/service-requests/" + id).body();
        assertThat(dispatcher).contains("id=\"next-step-action\"").contains("href=\"#dispatch-form\"")
                .contains("id=\"dispatch-suggested\"")
                .containsPattern("<option value=\"" + repair + "\" selected=\"selected\">")
                .contains("孙师傅").doesNotContain(">吴建国");
        String handlers = signedIn("supervisor").get("/service-requests/" + id + "/dispatch-handlers?departmentId="
                + department("QA")).body();
        assertThat(handlers).contains("周卫东").doesNotContain("孙师傅");
        assertThat(signedIn("gm").get("/service-requests/" + id).body()).contains("id=\"next-step-waiting\"")
                .contains("等待客服主管派工");

        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        assertThat(post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("supervisor"),
                j("{'departmentId':" + repair + ",'assigneeId':" + staff + "}")).status()).isEqualTo(200);
        assertThat(signedIn("staff").get("/service-requests/" + id).body()).contains("href=\"#do-start\"");
        assertThat(signedIn("teamleader").get("/service-requests/" + id).body()).contains("等待孙师傅处理");
    }
}
