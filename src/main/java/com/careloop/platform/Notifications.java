package com.careloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.channel.Channel;
import com.careloop.platform.channel.ChannelOutbox;
import com.careloop.platform.channel.NotificationChannel;
import com.careloop.platform.channel.NotificationKinds;
import com.careloop.platform.channel.NotificationPreferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way modules tell people something: an in-app notification (the bell in the shell) and, on each channel
 * the recipient chose for the notification's kind (default: e-mail) that the site configured and that reaches them,
 * one delivery row written in the same transaction and sent after commit with retries (ADR 0020), so a mail server
 * or WeCom outage never rolls back the business change that caused it.
 */
@Service
public class Notifications {

    /** Robot posts already written in the current transaction (one group post for many of its people). */
    private static final Object ROBOT_POSTS = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CareLoopProperties properties;
    private final Texts texts;
    private final ChannelOutbox outbox;
    private final NotificationPreferences preferences;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);

    public Notifications(JdbcClient jdbc, Clock clock, CareLoopProperties properties, Texts texts, ChannelOutbox outbox,
                         NotificationPreferences preferences, List<NotificationChannel> channels) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.texts = texts;
        this.outbox = outbox;
        this.preferences = preferences;
        channels.forEach(c -> this.channels.put(c.channel(), c));
    }

    /**
     * Notifies one user in the app and on their channels; {@code link} is a path inside CareLoop or null. Title and
     * body are stored as codes and arguments: the list shows them in the reader's language, a channel message is
     * written in the recipient's (their profile language, zh-CN when none is chosen). The literal columns keep the
     * zh-CN rendering.
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
        recipient(recipientId).ifPresent(r -> {
            String kind = NotificationKinds.of(title);
            for (Channel chosen : preferences.channels(recipientId, kind)) {
                NotificationChannel channel = channels.get(chosen);
                if (channel != null && channel.enabled()) {
                    channel.address(r).ifPresent(address -> deliver(channel, id, r, kind, address, title, body, link));
                }
            }
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

    private Optional<NotificationChannel.Recipient> recipient(long id) {
        return jdbc.sql("""
                select u.email, u.phone, u.wecom_user_id, d.wecom_robot_url, u.locale from app_user u
                left join department d on d.id = u.department_id where u.id = :id and u.active = true""")
                .param("id", id)
                .query((rs, n) -> new NotificationChannel.Recipient(id, rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), PageLocale.of(rs.getString(5)))).optional();
    }

    /** One delivery row in the recipient's language; a group robot gets one post in zh-CN however many are told. */
    private void deliver(NotificationChannel channel, long notificationId, NotificationChannel.Recipient r, String kind,
                         String address, Text title, Text body, String link) {
        boolean robot = channel.channel() == Channel.WECOM_ROBOT;
        Locale language = robot ? Locale.SIMPLIFIED_CHINESE : r.language();
        String subject = texts.render(title, language);
        String text = body == null ? null : texts.render(body, language);
        if (robot && !firstInTransaction(address + "\n" + subject + "\n" + text)) {
            return;
        }
        NotificationChannel.Composed message = channel.compose(subject, text,
                link == null ? null : properties.baseUrl().replaceAll("/+$", "") + link, language);
        outbox.enqueue(notificationId, r.id(), channel.channel(), address, kind, message.subject(), message.body(),
                link);
    }

    /** A plain mail to any address (a customer's, for {@link CustomerLinks}), sent once the transaction has committed. */
    void mailAfterCommit(String to, String subject, String text) {
        NotificationChannel mail = channels.get(Channel.EMAIL);
        if (mail != null && mail.enabled()) {
            outbox.enqueue(null, null, Channel.EMAIL, to, "customer", subject, text, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean firstInTransaction(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        Set<String> seen = (Set<String>) TransactionSynchronizationManager.getResource(ROBOT_POSTS);
        if (seen == null) {
            seen = new HashSet<>();
            TransactionSynchronizationManager.bindResource(ROBOT_POSTS, seen);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ROBOT_POSTS);
                }
            });
        }
        return seen.add(key);
    }
}
