package com.careloop.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.platform.Notifications;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Notifications land in the app and, through a real SMTP server, in the user's mailbox. */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class NotificationMailTest extends ApiTestBase {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aNotificationIsShownInTheAppAndSentByMailAfterCommit() throws Exception {
        long supervisor = jdbc.sql("select id from app_user where username = 'supervisor'").query(Long.class).single();
        String token = tokenFor("supervisor");
        int unreadBefore = get("/api/v1/notifications?unread=true", token).json().size();

        tx.executeWithoutResult(s -> notifications.notify(supervisor, Text.of("texts.notify.sr-key-registered", "BS2026-000042"),
                Text.literal("请立即安排资深维修人员并回访顾客。"), "/service-requests/42"));

        assertThat(TestMail.await(mail, m -> m.getSubject().contains("BS2026-000042"), 1, 5000)).isTrue();
        MimeMessage message = TestMail.received(mail, m -> m.getSubject().contains("BS2026-000042")).get(0);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("supervisor@demo.careloop.local");
        assertThat(message.getSubject()).isEqualTo("[CareLoop] 重点客户报事：BS2026-000042");
        assertThat(GreenMailUtil.getBody(message)).isNotBlank();

        var unread = get("/api/v1/notifications?unread=true", token).json();
        assertThat(unread.size()).isEqualTo(unreadBefore + 1);
        long id = unread.get(0).get("id").asLong();
        assertThat(post("/api/v1/notifications/" + id + "/read", token, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/notifications?unread=true", token).json().size()).isEqualTo(unreadBefore);
        // someone else's notification is not theirs to read
        assertThat(post("/api/v1/notifications/" + id + "/read", tokenFor("staff"), null).status()).isEqualTo(404);
    }

    /** Stored as codes: the e-mail in the recipient's profile language, the in-app list in the reader's. */
    @Test
    void theMailIsInTheRecipientsLanguageAndTheListInTheReaders() throws Exception {
        long manager = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
        String was = jdbc.sql("select locale from app_user where id = :id").param("id", manager).query(String.class).optional().orElse(null);
        jdbc.sql("update app_user set locale = 'en' where id = :id").param("id", manager).update();
        try {
            tx.executeWithoutResult(s -> notifications.notify(manager, Text.of("texts.notify.complaint-overdue", "TS2026-000077"),
                    Text.of("texts.notify.complaint-due", "华东客户", Text.label("texts.clock", "REPLY"),
                            java.time.Instant.parse("2026-03-02T09:30:00Z")), "/complaints/77"));
            TestMail.MailFilter toManager = m -> m.getSubject().contains("TS2026-000077")
                    && m.getAllRecipients()[0].toString().startsWith("manager@");
            assertThat(TestMail.await(mail, toManager, 1, 5000)).isTrue();
            MimeMessage message = TestMail.received(mail, toManager).get(0);
            assertThat(message.getSubject()).isEqualTo("[CareLoop] Complaint overdue: TS2026-000077");
            assertThat(GreenMailUtil.getBody(message)).contains("Corrective-action reply due 2026-03-02 17:30");

            String token = tokenFor("manager");
            var zhTw = call("GET", "/api/v1/notifications", token, null, "Accept-Language", "zh-TW").json().get(0);
            assertThat(zhTw.get("title").asString()).isEqualTo("投訴已超時：TS2026-000077");
            var zh = get("/api/v1/notifications", token).json().get(0);
            assertThat(zh.get("body").asString()).isEqualTo("华东客户\n纠正措施答复期限：2026-03-02 17:30");
        } finally {
            jdbc.sql("update app_user set locale = :l where id = :id").param("l", was).param("id", manager).update();
        }
    }

    @Test
    void aRolledBackChangeSendsNoMail() throws Exception {
        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        tx.executeWithoutResult(s -> {
            notifications.notify(staff, Text.literal("不应发送"), Text.literal("rolled back"), null);
            s.setRollbackOnly();
        });
        assertThat(TestMail.await(mail, m -> m.getSubject().contains("不应发送"), 1, 1500)).isFalse();
    }
}
