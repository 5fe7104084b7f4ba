package com.careloop.servicedesk.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands.Register;
import com.careloop.servicedesk.attachment.AttachmentRules;
import com.careloop.servicedesk.attachment.Attachments;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One inbound e-mail -> one request with channel EMAIL: subject as title, text body as description, the
 * sender as contact ({@code Name <address>}; customers are not matched by address yet), the files as
 * attachments under the same checks as uploads (a refused one is named in the description). The
 * Message-ID row, the request, its attachments and audit entries commit together or not at all.
 */
@Component
class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 4000;
    private static final int CONTACT_MAX = 100;

    private final ServiceDesk desk;
    private final Attachments attachments;
    private final MailboxProperties mailbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    MailIntake(ServiceDesk desk, Attachments attachments, MailboxProperties mailbox, JdbcClient jdbc, Clock clock) {
        this.desk = desk;
        this.attachments = attachments;
        this.mailbox = mailbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers the message unless its Message-ID was taken before; true when a request was created. */
    @Transactional
    public boolean take(MimeMessage message) throws MessagingException, IOException {
        String messageId = messageId(message);
        String sender = sender(message);
        String subject = message.getSubject() == null ? null : message.getSubject().trim();
        int fresh = jdbc.sql("""
                insert into service_inbound_mail (message_id, sender, subject, received_at) values (:id, :sender, :subject, :at)
                on conflict do nothing""")
                .param("id", messageId).param("sender", cut(sender, 320)).param("subject", cut(subject, 500))
                .param("at", Timestamp.from(Instant.now(clock))).update();
        if (fresh == 0) {
            log.info("Mailbox: {} was taken before; nothing new", messageId);
            return false;
        }
        Parsed parsed = new Parsed();
        parsed.walk(message);
        List<AttachmentRules.Checked> accepted = new ArrayList<>();
        StringBuilder description = new StringBuilder(parsed.text().strip());
        for (Attachments.Upload file : parsed.files()) {
            try {
                accepted.add(attachments.rules().check(file));
            } catch (InvalidInputException refused) {
                description.append("\n\n[附件未保存 / attachment not saved: ").append(file.fileName()).append(" — ")
                        .append(refused.getMessage()).append(']');
            }
        }
        String title = subject == null || subject.isBlank() ? "（无主题 / no subject）" : subject;
        var registered = desk.registerUnattended(new Register(null, null, cut(sender, CONTACT_MAX), null, null, null,
                mailbox.requestType(), null, null, cut(title, TITLE_MAX),
                description.isEmpty() ? null : cut(description.toString(), DESCRIPTION_MAX), Channel.EMAIL, null, null, null));
        jdbc.sql("update service_inbound_mail set request_id = :r where message_id = :id")
                .param("r", registered.id()).param("id", messageId).update();
        for (AttachmentRules.Checked file : accepted) {
            attachments.addToNewRequest(registered.id(), file, Attachments.Source.EMAIL);
        }
        log.info("Mailbox: {} from {} registered as {}", messageId, sender, registered.code());
        return true;
    }

    /** The Message-ID; a message without one is keyed by a hash of sender, date and subject. */
    static String messageId(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        if (id != null && !id.isBlank()) {
            return cut(id.trim(), 500);
        }
        String basis = String.valueOf(m.getHeader("From", ",")) + "|" + m.getSentDate() + "|" + m.getSubject();
        try {
            return "<" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(StandardCharsets.UTF_8))) + "@careloop.no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Name <address>}, or just the address. */
    static String sender(MimeMessage m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return "（未知发件人 / unknown sender）";
        }
        if (from[0] instanceof InternetAddress a) {
            return a.getPersonal() == null || a.getPersonal().isBlank() ? a.getAddress()
                    : a.getPersonal().trim() + " <" + a.getAddress() + ">";
        }
        return from[0].toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The first text body (plain text preferred over HTML) and every file part of a message. */
    static final class Parsed {

        private String plain;
        private String html;
        private final List<Attachments.Upload> files = new ArrayList<>();

        String text() {
            return plain != null ? plain : html != null ? html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "").replace("&nbsp;", " ")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : "";
        }

        List<Attachments.Upload> files() {
            return files;
        }

        void walk(Part part) throws MessagingException, IOException {
            String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
            if (part.isMimeType("multipart/*")) {
                Multipart multi = (Multipart) part.getContent();
                for (int i = 0; i < multi.getCount(); i++) {
                    walk(multi.getBodyPart(i));
                }
            } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (var in = part.getInputStream()) {
                    files.add(new Attachments.Upload(fileName == null ? "attachment" : fileName,
                            part.getContentType(), in.readAllBytes()));
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
