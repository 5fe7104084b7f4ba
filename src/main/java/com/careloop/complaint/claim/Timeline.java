package com.careloop.complaint.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.careloop.complaint.ComplaintViews.TimelineEntry;
import com.careloop.platform.Texts;
import com.careloop.platform.Text;
import com.careloop.platform.calendar.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline of claims, return slips and compensations: one row per step, who and when, in the step's transaction. */
@Component
public class Timeline {

    private final JdbcClient jdbc;

    private final Texts texts;

    Timeline(JdbcClient jdbc, Texts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
    }

    public void add(Tracked record, String kind, String actor, Instant at, Text note) {
        Text message = Text.messageColumn(note);
        jdbc.sql("""
                insert into claim_timeline (record_type, record_id, kind, occurred_at, actor, note, note_text)
                values (:type, :id, :kind, :at, :actor, :note, :noteText)""")
                .param("type", record.auditType()).param("id", record.getId()).param("kind", kind)
                .param("at", Timestamp.from(at)).param("actor", actor)
                .param("note", Text.literalColumn(note, 4000))
                .param("noteText", message == null ? null : message.toJson()).update();
    }

    public List<TimelineEntry> of(String recordType, long id) {
        return jdbc.sql("select kind, occurred_at, actor, note, note_text from claim_timeline"
                        + " where record_type = :t and record_id = :id order by id")
                .param("t", recordType).param("id", id)
                .query((rs, n) -> new TimelineEntry(rs.getString(1),
                        rs.getTimestamp(2).toInstant().atZone(texts.zone()).toOffsetDateTime(),
                        rs.getString(3), texts.stored(Text.fromJson(rs.getString(5)), rs.getString(4)))).list();
    }
}
