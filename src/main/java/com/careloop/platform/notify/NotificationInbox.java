package com.careloop.platform.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notifications: list and mark read. */
@Service
@Transactional
class NotificationInbox {

    /** Title and body in the reader's language (rendered from the stored codes; old rows: their literal). */
    record NotificationView(long id, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    private final Texts texts;

    NotificationInbox(JdbcClient jdbc, Clock clock, Texts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<NotificationView> latest(long userId, boolean unreadOnly, int limit) {
        return jdbc.sql("select id, title, body, link, created_at, read_at, title_text, body_text from notification"
                        + " where recipient_id = :u"
                        + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit :limit")
                .param("u", userId).param("limit", limit)
                .query((rs, n) -> new NotificationView(rs.getLong(1),
                        texts.stored(Text.fromJson(rs.getString(7)), rs.getString(2)),
                        texts.stored(Text.fromJson(rs.getString(8)), rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    void markRead(long userId, long id) {
        int n = jdbc.sql("update notification set read_at = coalesce(read_at, :now) where id = :id and recipient_id = :u")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", id).param("u", userId).update();
        if (n == 0) {
            throw new NotFoundException("notification", id);
        }
    }

    int markAllRead(long userId) {
        return jdbc.sql("update notification set read_at = :now where recipient_id = :u and read_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("u", userId).update();
    }
}
