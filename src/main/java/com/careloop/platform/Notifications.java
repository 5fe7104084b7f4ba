package com.careloop.platform;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way modules tell people something: an in-app notification (the bell in the shell) and,
 * when SMTP is configured and the user has an address, an e-mail sent after the transaction
 * commits, so a mail server outage never rolls back the business change that caused it.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final CareLoopProperties properties;

    public Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.properties = properties;
    }

    /** Notifies one user in the app and by e-mail; {@code link} is a path inside CareLoop or null. */
    @Transactional
    public long notify(long recipientId, String title, String body, String link) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification (recipient_id, title, body, link, created_at)
                values (:to, :title, :body, :link, :at)""")
                .param("to", recipientId).param("title", title).param("body", body).param("link", link)
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String email = jdbc.sql("select email from app_user where id = :id and active = true").param("id", recipientId)
                .query(String.class).optional().orElse(null);
        if (email != null && !email.isBlank()) {
            afterCommit(() -> sendMail(email, title, body, link));
        }
        return id;
    }

    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and read_at is null")
                .param("u", userId).query(Long.class).single();
    }

    private void sendMail(String to, String title, String body, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject("[CareLoop] " + title);
        message.setText((body == null ? "" : body) + (link == null ? "" : "\n\n" + properties.baseUrl() + link));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Notification e-mail to {} failed: {}", to, e.getMessage());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
