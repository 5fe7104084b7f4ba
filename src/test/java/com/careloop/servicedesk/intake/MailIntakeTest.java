package com.careloop.servicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * E-mail intake against a real IMAP server (GreenMail): each new message becomes one EMAIL request with
 * subject, body, sender and attachments; polling again, or the same message seen again, creates nothing.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"careloop.servicedesk.mailbox.host=localhost",
        "careloop.servicedesk.mailbox.port=" + TestMail.IMAP_PORT,
        "careloop.servicedesk.mailbox.protocol=imap", "careloop.servicedesk.mailbox.username=desk@careloop.test",
        "careloop.servicedesk.mailbox.password=secret", "careloop.servicedesk.mailbox.poll-interval=PT1H"})
class MailIntakeTest extends ApiTestBase {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @RegisterExtension
    static GreenMailExtension mail = TestMail.imap()
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@careloop.test", "desk@careloop.test", "secret"));

    @Autowired
    MailboxPoller poller;
    @Autowired
    JdbcClient jdbc;

    MimeMessage message(String messageId, String from, String subject, String text, Map<String, byte[]> files)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from.substring(from.indexOf('<') + 1, from.indexOf('>')),
                from.substring(0, from.indexOf('<')).trim(), "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, "desk@careloop.test");
        m.setSubject(subject, "UTF-8");
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        body.addBodyPart(textPart);
        for (var f : files.entrySet()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.getValue(), "application/octet-stream")));
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(f.getKey(), "UTF-8", "B"));
            part.setDisposition(jakarta.mail.Part.ATTACHMENT);
            body.addBodyPart(part);
        }
        m.setContent(body);
        m.saveChanges();
        return m;
    }

    void deliver(MimeMessage m) {
        mail.getUserManager().getUser("desk@careloop.test").deliver(m);
    }

    record Row(long id, String title, String description, String contactName, String channel, String registeredByName) {
    }

    List<Row> emailRequests() {
        return jdbc.sql("select id, title, description, contact_name, channel, registered_by_name from service_request "
                        + "where channel = 'EMAIL' and title like '%[mail-test]%' order by id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    List<String> attachmentsOf(long request) {
        return jdbc.sql("select file_name || ' ' || content_type || ' ' || source from service_request_attachment "
                + "where request_id = :r order by id").param("r", request).query(String.class).list();
    }

    /** Marks every message unseen again, as if the node died after committing but before flagging. */
    void markAllUnseen() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", TestMail.imapPort(), "desk@careloop.test", "secret");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        for (Message m : inbox.getMessages()) {
            m.setFlag(Flags.Flag.SEEN, false);
        }
        inbox.close(false);
        store.close();
    }

    @Test
    void twoMailsPolledTwiceMakeExactlyTwoRequestsWithTheirFieldsAndAttachments() throws Exception {
        deliver(message("<m1-" + System.nanoTime() + "@example.com>", "张三 <zhangsan@example.com>",
                "[mail-test] 3号楼1202 卫生间漏水", "卫生间天花板在滴水。\n请尽快派人查看。",
                Map.of("漏水.png", PNG, "virus.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))));
        deliver(message("<m2-" + System.nanoTime() + "@example.com>", "Li Si <lisi@example.com>",
                "[mail-test] Question about parking", "Where can visitors park?", Map.of()));

        assertThat(poller.poll()).isEqualTo(2);
        assertThat(poller.poll()).isZero();
        // seen again (a crash before the flag was set): the Message-ID guard creates nothing
        markAllUnseen();
        assertThat(poller.poll()).isZero();

        List<Row> rows = emailRequests();
        assertThat(rows).hasSize(2);
        Row first = rows.get(0);
        assertThat(first.title()).isEqualTo("[mail-test] 3号楼1202 卫生间漏水");
        assertThat(first.description()).startsWith("卫生间天花板在滴水。\n请尽快派人查看。")
                .contains("virus.exe");
        assertThat(first.contactName()).isEqualTo("张三 <zhangsan@example.com>");
        assertThat(first.channel()).isEqualTo("EMAIL");
        assertThat(first.registeredByName()).isEqualTo("system");
        assertThat(attachmentsOf(first.id())).containsExactly("漏水.png image/png EMAIL");
        Row second = rows.get(1);
        assertThat(second.title()).isEqualTo("[mail-test] Question about parking");
        assertThat(second.description()).isEqualTo("Where can visitors park?");
        assertThat(second.contactName()).isEqualTo("Li Si <lisi@example.com>");
        assertThat(attachmentsOf(second.id())).isEmpty();
        // each with its timeline row and audit entry, written by the system
        for (Row r : rows) {
            assertThat(jdbc.sql("select count(*) from service_request_event where request_id = :id").param("id", r.id())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select actor from audit_event where record_type = 'service-request' and record_id = :id "
                    + "and action = 'CREATE'").param("id", String.valueOf(r.id())).query(String.class).single()).isEqualTo("system");
        }
        // the front desk sees them in the queue
        assertThat(get("/api/v1/service-requests/" + first.id(), tokenFor("frontdesk")).json().get("channel").asString())
                .isEqualTo("EMAIL");
    }

    @Test
    void aCopyOfAMessageWithTheSameMessageIdCreatesNothing() throws Exception {
        String id = "<dup-" + System.nanoTime() + "@example.com>";
        deliver(message(id, "王五 <wangwu@example.com>", "[mail-dup] 表扬保安", "保安师傅很热心", Map.of()));
        deliver(message(id, "王五 <wangwu@example.com>", "[mail-dup] 表扬保安", "保安师傅很热心", Map.of()));
        assertThat(poller.poll()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from service_inbound_mail where message_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
