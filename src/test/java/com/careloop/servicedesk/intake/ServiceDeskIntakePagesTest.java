package com.careloop.servicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public web form (no login, three languages, honeypot, rate limit, CSRF) and the attachments panel. */
class ServiceDeskIntakePagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicFormLimiter limiter;

    @BeforeEach
    void freshLimit() {
        limiter.reset();
    }

    long count(String marker) {
        return jdbc.sql("select count(*) from service_request where description like :m").param("m", "%" + marker + "%")
                .query(Long.class).single();
    }

    PageSession.Page submit(PageSession s, String marker, String... extra) {
        String[] fields = {"name", "陈女士", "phone", "138 0013 8000", "location", "5号楼 302", "type", "REPAIR",
                "description", "厨房水龙头关不紧 " + marker};
        String[] all = java.util.Arrays.copyOf(fields, fields.length + extra.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return s.post("/public/service-requests", all);
    }

    @Test
    void theFormWorksWithoutLoginInThreeLanguages() {
        PageSession s = new PageSession(port);
        PageSession.Page zh = s.get("/public/service-requests");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body()).contains("在线报事", "报修", "投诉", "name=\"website\"", "name=\"_csrf\"");
        assertThat(s.get("/public/service-requests?lang=zh-TW").body()).contains("線上報事", "表揚");
        assertThat(s.get("/public/service-requests?lang=en").body()).contains("Report online", "Complaint", "Praise");
    }

    @Test
    void aSubmissionRegistersAWebFormRequestAndShowsItsNumber() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests");
        String marker = UUID.randomUUID().toString();
        PageSession.Page sent = submit(s, marker);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/public/service-requests/thanks");
        PageSession.Page thanks = s.get("/public/service-requests/thanks");
        var row = jdbc.sql("select code, channel, contact_name, contact_phone, location, request_type, title, registered_by_name "
                        + "from service_request where description like :m").param("m", "%" + marker)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)}).single();
        assertThat(thanks.body()).contains("感谢您的反馈", row[0]);
        assertThat(row).containsExactly(row[0], "WEB_FORM", "陈女士", "138 0013 8000", "5号楼 302", "REPAIR",
                "厨房水龙头关不紧 " + marker, "system");
        long id = jdbc.sql("select id from service_request where code = :c").param("c", row[0]).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'service-request' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsShownOnTheFormAndCreatesNothing() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests?lang=en");
        String marker = UUID.randomUUID().toString();
        PageSession.Page page = s.post("/public/service-requests", "name", "", "phone", "abc", "type", "REPAIR",
                "description", "no name " + marker);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("public-form-errors", "Please give your name.",
                "The phone number may contain digits, spaces and + ( ) - only");
        assertThat(count(marker)).isZero();
    }

    @Test
    void aFilledHoneypotPretendsSuccessAndCreatesNothing() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests");
        String marker = UUID.randomUUID().toString();
        PageSession.Page sent = submit(s, marker, "website", "http://spam.example");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(s.get("/public/service-requests/thanks").body()).contains("感谢您的反馈").doesNotContain("record-number");
        assertThat(count(marker)).isZero();
    }

    @Test
    void theSixthSubmissionFromOneAddressInTenMinutesIsRefusedWith429() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests?lang=en");
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            assertThat(submit(s, marker + "-" + i).status()).isEqualTo(302);
        }
        PageSession.Page refused = submit(s, marker + "-6");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many submissions", "10 minutes");
        assertThat(count(marker)).isEqualTo(5);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests");
        String marker = UUID.randomUUID().toString();
        assertThat(s.postWithoutCsrf("/public/service-requests", "name", "x", "phone", "13800138000", "type", "REPAIR",
                "description", marker).status()).isEqualTo(403);
        assertThat(count(marker)).isZero();
    }

    @Test
    void theAttachmentsPanelListsUploadsAndShowsARefusedUploadReadably() {
        Response created = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'contactName':'赵女士',"
                + "'contactPhone':'13900002222','type':'REPAIR','title':'门锁坏了','channel':'PHONE'}"));
        long id = created.json().get("id").asLong();
        PageSession s = new PageSession(port);
        s.login("frontdesk", DEMO_PASSWORD);
        PageSession.Page empty = s.get("/service-requests/" + id + "/attachments");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("attachments-" + id, "暂无附件", "type=\"file\"", "hx-post");
        // a post without a file: the rule on the panel, not an error page
        PageSession.Page refused = s.post("/service-requests/" + id + "/attachments");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("attachment-error", "请选择要上传的文件");
        // staff outside the request's scope do not see it
        PageSession staff = new PageSession(port);
        staff.login("staff", DEMO_PASSWORD);
        assertThat(staff.get("/service-requests/" + id + "/attachments").status()).isEqualTo(404);
    }
}
