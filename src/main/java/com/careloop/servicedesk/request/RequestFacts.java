package com.careloop.servicedesk.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;

/**
 * A service request as its page shows it: the aggregate's fields, read from its row (the page) or taken from the
 * aggregate just written (the answer to an intake). The page reads rows, not the entity: no persistence context,
 * no transaction (issue 21 §2).
 */
public record RequestFacts(Long id, String code, Long customerId, String customerName, String customerCode,
                           boolean keyCustomer, String contactName, String contactPhone, String location,
                           String unitRoom, RequestType requestType, FieldServiceKind fieldKind, Long categoryId,
                           boolean callbackRequired, String title, String description, Channel channel,
                           Priority priority, RequestStatus status, Instant appointmentStart, Instant appointmentEnd,
                           Long departmentId, Long assigneeId, Instant internalDueAt, Long registeredBy,
                           String registeredByName, Instant registeredAt, Instant respondedAt, Instant completedAt,
                           String result, String signOffName, Instant signOffAt, Boolean signOffSatisfied,
                           Satisfaction callbackSatisfaction, String callbackNotes, Long callbackBy,
                           boolean callbackBySupervisor, Instant callbackAt, Long callbackRecordId,
                           String callbackRecordCode, Instant closedAt, int reopenCount, Instant turnedIntoComplaintAt,
                           Long complaintId, String complaintCode, int responseAmount, TimeUnit responseUnit,
                           Integer completionAmount, TimeUnit completionUnit, Instant responseDueAt,
                           Instant responseWarnAt, Instant completionDueAt, Instant completionWarnAt, long version) {

    /** The columns {@link #of(ResultSet)} reads, qualified by {@code r}. */
    static final String COLUMNS = """
            r.id, r.code, r.customer_id, r.customer_name, r.customer_code, r.key_customer, r.contact_name,
            r.contact_phone, r.location, r.unit_room, r.request_type, r.field_kind, r.category_id, r.callback_required,
            r.title, r.description, r.channel, r.priority, r.status, r.appointment_start, r.appointment_end,
            r.department_id, r.assignee_id, r.internal_due_at, r.registered_by, r.registered_by_name, r.registered_at,
            r.responded_at, r.completed_at, r.result, r.sign_off_name, r.sign_off_at, r.sign_off_satisfied,
            r.callback_satisfaction, r.callback_notes, r.callback_by, r.callback_by_supervisor, r.callback_at,
            r.callback_record_id, r.callback_record_code, r.closed_at, r.reopen_count, r.turned_into_complaint_at,
            r.complaint_id, r.complaint_code, r.response_amount, r.response_unit, r.completion_amount,
            r.completion_unit, r.response_due_at, r.response_warn_at, r.completion_due_at, r.completion_warn_at,
            r.version""";

    /** The request of the current row, its columns in the order of {@link #COLUMNS}. */
    static RequestFacts of(ResultSet rs) throws SQLException {
        return new RequestFacts(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                RequestType.valueOf(rs.getString(11)), named(FieldServiceKind.class, rs.getString(12)),
                rs.getObject(13, Long.class), rs.getBoolean(14), rs.getString(15), rs.getString(16),
                Channel.valueOf(rs.getString(17)), Priority.valueOf(rs.getString(18)),
                RequestStatus.valueOf(rs.getString(19)), instant(rs, 20), instant(rs, 21), rs.getObject(22, Long.class),
                rs.getObject(23, Long.class), instant(rs, 24), rs.getObject(25, Long.class), rs.getString(26),
                instant(rs, 27), instant(rs, 28), instant(rs, 29), rs.getString(30), rs.getString(31), instant(rs, 32),
                rs.getObject(33, Boolean.class), named(Satisfaction.class, rs.getString(34)), rs.getString(35),
                rs.getObject(36, Long.class), rs.getBoolean(37), instant(rs, 38), rs.getObject(39, Long.class),
                rs.getString(40), instant(rs, 41), rs.getInt(42), instant(rs, 43), rs.getObject(44, Long.class),
                rs.getString(45), rs.getInt(46), TimeUnit.valueOf(rs.getString(47)), rs.getObject(48, Integer.class),
                named(TimeUnit.class, rs.getString(49)), instant(rs, 50), instant(rs, 51), instant(rs, 52),
                instant(rs, 53), rs.getLong(54));
    }

    /** Past the response deadline: responded late, or not yet responded and the deadline has passed. */
    public boolean responseOverdue(Instant now) {
        return (respondedAt == null ? now : respondedAt).isAfter(responseDueAt);
    }

    /** Past the completion deadline; a paused request is not overdue while its (moved) deadline lies ahead. */
    public boolean completionOverdue(Instant now) {
        if (completionDueAt == null || status == RequestStatus.PAUSED && completedAt == null && !now.isAfter(completionDueAt)) {
            return false;
        }
        return (completedAt == null ? now : completedAt).isAfter(completionDueAt);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
