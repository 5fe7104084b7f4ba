package com.careloop.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.platform.Notifications;
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
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT})
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

        tx.executeWithoutResult(s -> notifications.notify(supervisor, "重点客户报修：3号楼 1202",
                "请立即安排资深维修人员并回访顾客。", "/service-requests/42"));

        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("supervisor@demo.careloop.local");
        assertThat(message.getSubject()).isEqualTo("[CareLoop] 重点客户报修：3号楼 1202");
        assertThat(GreenMailUtil.getBody(message)).isNotBlank();

        var unread = get("/api/v1/notifications?unread=true", token).json();
        assertThat(unread.size()).isEqualTo(unreadBefore + 1);
        long id = unread.get(0).get("id").asLong();
        assertThat(post("/api/v1/notifications/" + id + "/read", token, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/notifications?unread=true", token).json().size()).isEqualTo(unreadBefore);
        // someone else's notification is not theirs to read
        assertThat(post("/api/v1/notifications/" + id + "/read", tokenFor("staff"), null).status()).isEqualTo(404);
    }

    @Test
    void aRolledBackChangeSendsNoMail() throws Exception {
        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        tx.executeWithoutResult(s -> {
            notifications.notify(staff, "不应发送", "rolled back", null);
            s.setRollbackOnly();
        });
        assertThat(mail.waitForIncomingEmail(1500, 1)).isFalse();
    }
}
