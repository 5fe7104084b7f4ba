package com.careloop.complaint.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.careloop.complaint.ComplaintViews.TimelineEntry;
import com.careloop.platform.calendar.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline of claims, return slips and compensations: one row per step, who and when, in the step's transaction. */
@Component
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Tracked record, String kind, String actor, Instant at, String note) {
        jdbc.sql("""
                insert into claim_timeline (record_type, record_id, kind, occurred_at, actor, note)
                values (:type, :id, :kind, :at, :actor, :note)""")
                .param("type", record.auditType()).param("id", record.getId()).param("kind", kind)
                .param("at", Timestamp.from(at)).param("actor", actor)
                .param("note", note == null || note.length() <= 4000 ? note : note.substring(0, 4000)).update();
    }

    public List<TimelineEntry> of(String recordType, long id) {
        return jdbc.sql("select kind, occurred_at, actor, note from claim_timeline where record_type = :t and record_id = :id order by id")
                .param("t", recordType).param("id", id)
                .query((rs, n) -> new TimelineEntry(rs.getString(1),
                        rs.getTimestamp(2).toInstant().atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime(),
                        rs.getString(3), rs.getString(4))).list();
    }
}
