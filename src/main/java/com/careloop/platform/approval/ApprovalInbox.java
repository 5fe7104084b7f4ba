package com.careloop.platform.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "待我审批": the open tasks a user may decide, across all modules, earliest due first — the subject's number and
 * title in the reader's language, who asked, what the task signs, the due time in company time, whether it is
 * overdue, and the link to the subject.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalInbox {

    public record Task(long id, long version, long approvalId, String subjectType, long subjectId, String number,
                       String title, String requester, String aspect, Instant dueAt, String due, boolean overdue,
                       String link, int stage) {
    }

    /** A task after a decision: its state and decision, and where its approval stands. */
    public record TaskState(long id, long version, String status, String decision, String approvalStatus) {
    }

    private final JdbcClient jdbc;
    private final Texts texts;
    private final Clock clock;

    ApprovalInbox(JdbcClient jdbc, Texts texts, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.clock = clock;
    }

    /** The user's open tasks, earliest due first, at most {@code limit} (cut in the query, not after reading all). */
    public List<Task> mine(long userId, Locale locale, int limit) {
        Instant now = Instant.now(clock);
        return jdbc.sql("""
                select t.id, t.version, a.id as approval_id, a.subject_type, a.subject_id, a.subject_number,
                       a.subject_title, a.requester_name, t.aspect_code, t.due_at, a.subject_link, t.stage_no
                from approval_task t
                join approval_task_candidate c on c.task_id = t.id
                join approval a on a.id = t.approval_id
                where c.user_id = :me and t.status = 'OPEN' and a.status = 'OPEN'
                order by t.due_at, t.id
                limit :limit""")
                .param("me", userId).param("limit", Math.max(0, limit)).query((rs, n) -> {
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    String aspect = rs.getString("aspect_code");
                    return new Task(rs.getLong("id"), rs.getLong("version"), rs.getLong("approval_id"),
                            rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("subject_number"),
                            texts.render(Text.fromJson(rs.getString("subject_title")), locale),
                            rs.getString("requester_name"),
                            aspect == null ? null : texts.render(Text.of(aspect), locale), due, texts.time(due),
                            !due.isAfter(now), rs.getString("subject_link"), rs.getInt("stage_no") + 1);
                }).list();
    }

    public TaskState state(long taskId) {
        return jdbc.sql("""
                select t.id, t.version, t.status, t.decision, a.status from approval_task t
                join approval a on a.id = t.approval_id where t.id = :id""").param("id", taskId)
                .query((rs, n) -> new TaskState(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single();
    }

    /** How many tasks wait for the user, and how many of them are due by the end of today or overdue. */
    public long[] counts(long userId, Instant urgentBefore) {
        return jdbc.sql("""
                select count(*), coalesce(sum(case when t.due_at <= :urgent then 1 else 0 end), 0)
                from approval_task t join approval_task_candidate c on c.task_id = t.id
                where c.user_id = :me and t.status = 'OPEN'""")
                .param("me", userId).param("urgent", Timestamp.from(urgentBefore))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
