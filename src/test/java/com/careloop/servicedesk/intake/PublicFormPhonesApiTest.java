package com.careloop.servicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public web form's photos (at most five, images by their bytes), the description limit said in words (never
 * cut), the caller matched to the customer archive by phone, and the public progress page (number + phone).
 */
class PublicFormPhonesApiTest extends ApiTestBase {

    /** Phones no other test or demo record uses: 166 + this run's millisecond + a counter. */
    private static final AtomicLong PHONES = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicFormLimiter formLimiter;
    @Autowired
    PublicProgressPage progressPage;

    @BeforeEach
    void freshLimits() {
        formLimiter.reset();
        progressPage.reset();
    }

    static String newPhone() {
        return "166" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    Multipart report(String phone, String description) {
        return new Multipart().field("name", "陈女士").field("phone", phone).field("location", "5号楼 302")
                .field("type", "REPAIR").field("description", description);
    }

    PageSession form(String lang) {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests?lang=" + lang);
        return s;
    }

    long count(String marker) {
        return jdbc.sql("select count(*) from service_request where description like :m").param("m", "%" + marker + "%")
                .query(Long.class).single();
    }

    long requestId(String marker) {
        return jdbc.sql("select id from service_request where description like :m").param("m", "%" + marker + "%")
                .query(Long.class).single();
    }

    @Test
    void upToFivePhotosBecomeTheRequestsAttachments() {
        String marker = UUID.randomUUID().toString();
        Multipart m = report(newPhone(), "阳台漏水 " + marker)
                .file("photos", "a.png", "image/png", PNG).file("photos", "b.jpg", "image/jpeg", JPEG)
                .file("photos", "c.png", "application/octet-stream", PNG).file("photos", "d.jpg", "image/jpeg", JPEG)
                .file("photos", "e.png", "image/png", PNG);
        PageSession.Page sent = form("zh-CN").postMultipart("/public/service-requests", m);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        long id = requestId(marker);
        var rows = jdbc.sql("select file_name, content_type, source, uploaded_by from service_request_attachment"
                        + " where request_id = :id order by id").param("id", id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
        assertThat(rows).containsExactly("a.png|image/png|WEB_FORM|system", "b.jpg|image/jpeg|WEB_FORM|system",
                "c.png|image/png|WEB_FORM|system", "d.jpg|image/jpeg|WEB_FORM|system", "e.png|image/png|WEB_FORM|system");
    }

    @Test
    void aSixthPhotoIsRefusedInWordsAndNothingIsCreated() {
        String marker = UUID.randomUUID().toString();
        Multipart m = report(newPhone(), "六张照片 " + marker);
        for (int i = 0; i < 6; i++) {
            m.file("photos", "p" + i + ".png", "image/png", PNG);
        }
        PageSession.Page page = form("en").postMultipart("/public/service-requests", m);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("public-form-errors", "You may attach at most 5 photos; you chose 6.");
        assertThat(count(marker)).isZero();
    }

    @Test
    void aPhotoIsAnImageByItsBytesNotByItsName() {
        String marker = UUID.randomUUID().toString();
        PageSession.Page pdf = form("zh-CN").postMultipart("/public/service-requests", report(newPhone(), "PDF " + marker)
                .file("photos", "scan.pdf", "application/pdf", PDF));
        assertThat(pdf.status()).isEqualTo(422);
        assertThat(pdf.body()).contains("“scan.pdf”不是照片");
        PageSession.Page exe = form("zh-TW").postMultipart("/public/service-requests", report(newPhone(), "EXE " + marker)
                .file("photos", "photo.jpg", "image/jpeg", "MZ\u0090\u0000 not an image".getBytes()));
        assertThat(exe.status()).isEqualTo(422);
        assertThat(exe.body()).contains("「photo.jpg」不是照片");
        PageSession.Page lying = form("en").postMultipart("/public/service-requests", report(newPhone(), "LIE " + marker)
                .file("photos", "x.png", "image/jpeg", PNG));
        assertThat(lying.status()).isEqualTo(422);
        assertThat(lying.body()).contains("The content of “x.png” does not match its file type");
        assertThat(count(marker)).isZero();
    }

    @Test
    void theDescriptionIsCountedAndALongerOneIsRefusedNeverCut() {
        PageSession s = form("zh-CN");
        String page = s.get("/public/service-requests").body();
        assertThat(page).contains("id=\"description-counter\"", "已输入 0 / 4,000 字", "data-limit=\"4000\"");
        assertThat(page).doesNotContain("maxlength=\"4000\"");
        String marker = UUID.randomUUID().toString();
        String exact = marker + "字".repeat(4000 - marker.length());
        assertThat(s.postMultipart("/public/service-requests", report(newPhone(), exact)).status()).isEqualTo(302);
        assertThat(jdbc.sql("select description from service_request where id = :id").param("id", requestId(marker))
                .query(String.class).single()).isEqualTo(exact);
        String marker2 = UUID.randomUUID().toString();
        PageSession.Page over = form("en").postMultipart("/public/service-requests",
                report(newPhone(), marker2 + "x".repeat(4001 - marker2.length())));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("The description may have at most 4,000 characters; yours has 4,001.")
                .doesNotContain("between", "size must");
        assertThat(count(marker2)).isZero();
    }

    long customerWithPhone(String phone) {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'电话匹配" + UUID.randomUUID().toString()
                .substring(0, 8) + "','kind':'INDIVIDUAL','phone':'" + phone + "','confirmDuplicate':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Long customerOf(String marker) {
        var ids = jdbc.sql("select customer_id from service_request where description like :m").param("m", "%" + marker + "%")
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @Test
    void theCallerIsLinkedToTheOneCustomerWithThatPhone() {
        String phone = newPhone();
        long customer = customerWithPhone(phone);
        String marker = UUID.randomUUID().toString();
        // written differently from the archive: separators are ignored
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        assertThat(form("zh-CN").postMultipart("/public/service-requests", report(typed, "匹配 " + marker)).status())
                .isEqualTo(302);
        assertThat(customerOf(marker)).isEqualTo(customer);
        assertThat(jdbc.sql("select contact_phone from service_request where customer_id = :c").param("c", customer)
                .query(String.class).single()).isEqualTo(typed);
    }

    @Test
    void twoCustomersWithOnePhoneOrNoneLinkNobody() {
        String shared = newPhone();
        customerWithPhone(shared);
        customerWithPhone(shared);
        String marker = UUID.randomUUID().toString();
        assertThat(form("zh-CN").postMultipart("/public/service-requests", report(shared, "两位 " + marker)).status())
                .isEqualTo(302);
        assertThat(customerOf(marker)).isNull();
        String nobody = UUID.randomUUID().toString();
        assertThat(form("zh-CN").postMultipart("/public/service-requests", report(newPhone(), "无 " + nobody)).status())
                .isEqualTo(302);
        assertThat(customerOf(nobody)).isNull();
    }

    String registered(PageSession s, String phone, String marker) {
        assertThat(s.postMultipart("/public/service-requests", report(phone, "进度 " + marker)).status()).isEqualTo(302);
        return jdbc.sql("select code from service_request where description like :m").param("m", "%" + marker + "%")
                .query(String.class).single();
    }

    @Test
    void theProgressPageShowsStatusAndStepsForTheRightNumberAndPhoneOnly() {
        String phone = newPhone();
        String code = registered(form("zh-CN"), phone, UUID.randomUUID().toString());
        long id = jdbc.sql("select id from service_request where code = :c").param("c", code).query(Long.class).single();
        Response dispatched = post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("supervisor"),
                j("{'departmentId':" + jdbc.sql("select id from department order by id limit 1").query(Long.class).single()
                        + "}"));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);

        PageSession s = new PageSession(port);
        s.get("/public/service-requests/progress?lang=en");
        PageSession.Page right = s.post("/public/service-requests/progress", "code", code.toLowerCase(), "phone",
                "(" + phone.substring(0, 3) + ") " + phone.substring(3));
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.body()).contains("id=\"progress-status\"", "Someone has been assigned",
                "Received by the customer service center", "Scheduled for handling", code)
                .doesNotContain("陈女士", "5号楼", "DISPATCHED", "progress-not-found");

        PageSession.Page wrongPhone = s.post("/public/service-requests/progress", "code", code, "phone", newPhone());
        PageSession.Page wrongNumber = s.post("/public/service-requests/progress", "code", "BS1999-999999", "phone", phone);
        assertThat(wrongPhone.status()).isEqualTo(wrongNumber.status()).isEqualTo(200);
        assertThat(wrongPhone.body()).contains("No request matches this number and phone").doesNotContain("progress-status");
        assertThat(neutral(wrongPhone.body(), code)).isEqualTo(neutral(wrongNumber.body(), "BS1999-999999"));

        PageSession zh = new PageSession(port);
        zh.get("/public/service-requests/progress");
        assertThat(zh.post("/public/service-requests/progress", "code", code, "phone", phone).body())
                .contains("已安排处理人员", "客服中心已受理");
    }

    /** The page without what differs by design: the number typed (echoed in the field) and the masked CSRF token. */
    static String neutral(String body, String typed) {
        return body.replace(typed, "N").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void progressLookUpsAreLimitedPerAddress() {
        PageSession s = new PageSession(port);
        s.get("/public/service-requests/progress?lang=en");
        for (int i = 0; i < 10; i++) {
            assertThat(s.post("/public/service-requests/progress", "code", "BS2026-00000" + i, "phone", newPhone())
                    .status()).isEqualTo(200);
        }
        PageSession.Page refused = s.post("/public/service-requests/progress", "code", "BS2026-000011", "phone", newPhone());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many look-ups", "10 minutes").doesNotContain("progress-status");
    }
}
