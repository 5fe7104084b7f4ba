package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.careloop.servicedesk.request.SlaScan;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * The SLA scan warns the handler at 80%, escalates to the supervisor at the breach and to the manager
 * four hours later — each once, in the app and by e-mail through a real SMTP server.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class SlaEscalationMailTest extends ApiTestBase {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    SlaScan scan;
    @Autowired
    JdbcClient jdbc;

    long id(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    List<MimeMessage> mailsAbout(String code) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(code) && m.getSubject().contains("超时");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitMails(String code, int count) throws InterruptedException {
        for (int i = 0; i < 50 && mailsAbout(code).size() < count; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void warningBreachAndSecondLevelAreEachSentOnceToTheRightPeople() throws Exception {
        // each mail is written in its recipient's language: these three read the default, zh-CN
        jdbc.sql("update app_user set locale = null where username in ('staff', 'supervisor', 'manager')").update();
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'超时业主" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','phone':'137" + String.format("%08d", (long) (Math.random() * 1e8)) + "'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'customerId':" + c.json().get("id").asLong()
                + ",'type':'REPAIR','title':'水管爆裂','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        Instant registered = Instant.parse(r.json().get("registeredAt").asString());
        Response d = post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':"
                + id("select id from department where code = :v", "ENG-REPAIR") + ",'assigneeId':"
                + id("select id from app_user where username = :v", "staff") + "}"));
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        // only the response clock is under test: its target is in calendar hours, the completion target in working
        // time, whose deadline depends on the day the test runs (a Monday-morning run had the completion breach at 28 h)
        jdbc.sql("update service_request set completion_due_at = :due, completion_warn_at = :warn where id = :id")
                .param("due", java.sql.Timestamp.from(registered.plus(Duration.ofDays(30))))
                .param("warn", java.sql.Timestamp.from(registered.plus(Duration.ofDays(29)))).param("id", id).update();

        assertThat(scan.scan(registered.plus(Duration.ofHours(19)))).as("before 80%").isGreaterThanOrEqualTo(0);
        assertThat(mailsAbout(code)).isEmpty();

        scan.scan(registered.plus(Duration.ofMinutes(19 * 60 + 12)));
        awaitMails(code, 1);
        assertThat(mailsAbout(code)).singleElement().satisfies(m -> {
            assertThat(to(m)).isEqualTo("staff@demo.careloop.local");
            assertThat(m.getSubject()).contains("工单即将超时：");
        });

        scan.scan(registered.plus(Duration.ofHours(24)));
        awaitMails(code, 2);
        MimeMessage breach = mailsAbout(code).get(1);
        assertThat(to(breach)).isEqualTo("supervisor@demo.careloop.local");
        assertThat(breach.getSubject()).contains("工单已超时：");
        assertThat(breach.getContent().toString()).contains("水管爆裂");

        scan.scan(registered.plus(Duration.ofHours(25)));
        Thread.sleep(500);
        assertThat(mailsAbout(code)).as("nothing twice; the second level waits 4 h").hasSize(2);

        scan.scan(registered.plus(Duration.ofHours(28)));
        awaitMails(code, 3);
        // compared as a set of "recipient subject": mails sent in one round arrive in any order
        assertThat(mailsAbout(code).stream().map(m -> to(m) + " " + subject(m)).toList())
                .containsExactlyInAnyOrder("staff@demo.careloop.local [CareLoop] 工单即将超时：" + code,
                        "supervisor@demo.careloop.local [CareLoop] 工单已超时：" + code,
                        "manager@demo.careloop.local [CareLoop] 工单超时升级：" + code);

        scan.scan(registered.plus(Duration.ofHours(30)));
        Thread.sleep(500);
        assertThat(mailsAbout(code).stream().map(m -> to(m) + " " + subject(m)).toList()).hasSize(3);
        assertThat(jdbc.sql("select alert_key from service_request_alert where request_id = :id order by alert_key")
                .param("id", id).query(String.class).list())
                .containsExactly("RESPONSE_BREACH", "RESPONSE_ESCALATION", "RESPONSE_WARN");
        var inbox = get("/api/v1/notifications?unread=true", tokenFor("supervisor")).json();
        assertThat(inbox.valueStream().map(n -> n.get("title").asString())).anyMatch(t -> t.contains(code));
    }
}
