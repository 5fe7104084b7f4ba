package com.careloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
    private final Texts texts;

    public Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail, CareLoopProperties properties,
                         Texts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * Notifies one user in the app and by e-mail; {@code link} is a path inside CareLoop or null. Title and body are
     * stored as codes and arguments: the list shows them in the reader's language, the e-mail is written in the
     * recipient's (their profile language, zh-CN when none is chosen). The literal columns keep the zh-CN rendering.
     */
    @Transactional
    public long notify(long recipientId, Text title, Text body, String link) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into notification (recipient_id, title, body, link, created_at, title_text, body_text)
                values (:to, :title, :body, :link, :at, :titleText, :bodyText)""")
                .param("to", recipientId).param("title", clip(texts.render(title, Locale.SIMPLIFIED_CHINESE), 200))
                .param("body", body == null ? null : clip(texts.render(body, Locale.SIMPLIFIED_CHINESE), 4000))
                .param("link", link).param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .param("titleText", title.toJson()).param("bodyText", body == null ? null : body.toJson())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("select email, locale from app_user where id = :id and active = true").param("id", recipientId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .filter(r -> r[0] != null && !r[0].isBlank())
                .ifPresent(r -> {
                    Locale language = PageLocale.of(r[1]);
                    String subject = texts.render(title, language);
                    String text = body == null ? null : texts.render(body, language);
                    afterCommit(() -> sendMail(r[0], subject, text, link));
                });
        return id;
    }

    /**
     * Notifies every active holder of {@code permission} (administrators hold all): for events nobody in particular
     * owns, like a webhook endpoint switched off after failures. Returns how many were told.
     */
    @Transactional
    public int notifyHolders(String permission, Text title, Text body, String link) {
        List<Long> holders = jdbc.sql("""
                select distinct u.id from app_user u
                join user_role ur on ur.user_id = u.id
                join role_permission rp on rp.role_id = ur.role_id
                where u.active = true and rp.permission = :p order by u.id""")
                .param("p", permission).query(Long.class).list();
        holders.forEach(id -> notify(id, title, body, link));
        return holders.size();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and read_at is null")
                .param("u", userId).query(Long.class).single();
    }

    private void sendMail(String to, String title, String body, String link) {
        send(to, "[CareLoop] " + title,
                (body == null ? "" : body) + (link == null ? "" : "\n\n" + properties.baseUrl() + link));
    }

    /** A plain mail to any address (a customer's, for {@link CustomerLinks}) once the transaction has committed. */
    void mailAfterCommit(String to, String subject, String text) {
        afterCommit(() -> send(to, subject, text));
    }

    private void send(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
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
