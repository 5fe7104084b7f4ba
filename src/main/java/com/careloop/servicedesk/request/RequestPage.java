package com.careloop.servicedesk.request;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.OneRoundTrip;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.servicedesk.PauseReason;
import com.careloop.servicedesk.ServiceDeskViews.CallbackView;
import com.careloop.servicedesk.ServiceDeskViews.Deadlines;
import com.careloop.servicedesk.ServiceDeskViews.Detail;
import com.careloop.servicedesk.ServiceDeskViews.MaterialView;
import com.careloop.servicedesk.ServiceDeskViews.NoteView;
import com.careloop.servicedesk.ServiceDeskViews.PauseView;
import com.careloop.servicedesk.ServiceDeskViews.SignOffView;
import com.careloop.servicedesk.ServiceDeskViews.Target;
import com.careloop.servicedesk.ServiceDeskViews.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.careloop.servicedesk.request.RequestFacts.instant;
import static com.careloop.servicedesk.request.RequestFacts.named;

/**
 * The request page (工单详情): the request, its timeline, pauses, notes, materials, category and the names it
 * refers to, read in one round trip (issue 21 §2: the authenticated page costs at most twice the health check),
 * and rendered for the reader — phone masked without the sensitive-view permission, notes in their language.
 */
@Component
public class RequestPage {

    /** One timeline row as stored. */
    record Event(long id, RequestEvent.Kind kind, Instant occurredAt, String actor, Long departmentId, Long assigneeId,
                 Instant internalDueAt, Text noteText, String reason) {
    }

    /** Everything the page shows, as read. */
    public record Content(RequestFacts request, List<Event> events, List<PauseView> pauses, String categoryName,
                          boolean signed, List<NoteView> notes, List<MaterialView> materials, Map<Long, String> users,
                          Map<Long, String> departments) {
    }

    private record Head(RequestFacts request, String categoryName, boolean signed) {
    }

    private record Name(boolean user, long id, String name) {
    }

    private static final String HEAD = "select " + RequestFacts.COLUMNS + """
            , c.name category_name,
              case when exists (select 1 from service_request_signature s where s.request_id = r.id) then 1 else 0 end
            from service_request r left join service_category c on c.id = r.category_id where r.id = ?""";
    // the people and departments of the request and its timeline, by the ids stored on them
    private static final String NAMES = """
            select 1, u.id, u.display_name from org_user u where u.id in (
              select r.assignee_id from service_request r where r.id = ? union
              select r.callback_by from service_request r where r.id = ? union
              select e.assignee_id from service_request_event e where e.request_id = ?)
            union all
            select 0, d.id, d.name from org_department d where d.id in (
              select r.department_id from service_request r where r.id = ? union
              select e.department_id from service_request_event e where e.request_id = ?)""";

    private final OneRoundTrip trips;
    private final JdbcClient jdbc;
    private final Texts texts;

    RequestPage(OneRoundTrip trips, JdbcClient jdbc, Texts texts) {
        this.trips = trips;
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** The page's rows of request {@code id}; empty when there is no such request. */
    public Optional<Content> read(long id) {
        var reads = trips.reads();
        var head = reads.add(HEAD, (rs, n) -> new Head(RequestFacts.of(rs), rs.getString(55), rs.getInt(56) == 1), id);
        var events = reads.add("""
                select id, kind, occurred_at, actor, department_id, assignee_id, internal_due_at, note_text, reason
                from service_request_event where request_id = ? order by id""",
                (rs, n) -> new Event(rs.getLong(1), RequestEvent.Kind.valueOf(rs.getString(2)), instant(rs, 3),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class), instant(rs, 7),
                        Text.fromJson(rs.getString(8)), rs.getString(9)), id);
        var pauses = reads.add("""
                select id, reason, note, started_at, ended_at, started_by, ended_by
                from service_request_pause where request_id = ? order by id""",
                (rs, n) -> new PauseView(rs.getLong(1), named(PauseReason.class, rs.getString(2)), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), rs.getString(6), rs.getString(7)), id);
        var notes = reads.add("""
                select id, body, visible_to_customer, author, created_at from service_request_note
                where request_id = ? order by id""",
                (rs, n) -> new NoteView(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        instant(rs, 5)), id);
        var materials = reads.add("""
                select id, item, quantity, unit, requested_by, created_at from service_request_material
                where request_id = ? order by id""",
                (rs, n) -> new MaterialView(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
                        rs.getString(4), rs.getString(5), instant(rs, 6)), id);
        var names = reads.add(NAMES, (rs, n) -> new Name(rs.getInt(1) == 1, rs.getLong(2), rs.getString(3)),
                id, id, id, id, id);
        reads.run();
        if (head.list().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> users = new HashMap<>(); // HashMaps: looked up with null ids
        Map<Long, String> departments = new HashMap<>();
        names.list().forEach(name -> (name.user() ? users : departments).put(name.id(), name.name()));
        Head h = head.list().get(0);
        return Optional.of(new Content(h.request(), events.list(), pauses.list(), h.categoryName(), h.signed(),
                notes.list(), materials.list(), users, departments));
    }

    /** The page of a request read by {@link #read}. */
    public Detail answer(Content page, CurrentUser me, Instant now) {
        RequestFacts r = page.request();
        boolean mask = !me.can(CustomerPermissions.VIEW_SENSITIVE) && !revealsPhoneToHandler(r, me);
        var deadlines = new Deadlines(new Target(r.responseAmount(), r.responseUnit()),
                r.responseDueAt(), r.responseWarnAt(), r.respondedAt(), r.responseOverdue(now),
                r.completionAmount() == null ? null : new Target(r.completionAmount(), r.completionUnit()),
                r.completionDueAt(), r.completionWarnAt(), r.completedAt(), r.completionOverdue(now),
                r.internalDueAt());
        Map<Long, String> users = page.users();
        Map<Long, String> departments = page.departments();
        var timeline = page.events().stream().map(e -> new TimelineEntry(e.id(), e.kind().name(), e.occurredAt(),
                e.actor(), e.departmentId(), departments.get(e.departmentId()), e.assigneeId(),
                users.get(e.assigneeId()), e.internalDueAt(), texts.stored(e.noteText(), e.reason()))).toList();
        Long callbackBy = r.callbackBy();
        return new Detail(r.id(), r.code(), r.customerId(), r.customerName(), r.customerCode(),
                r.keyCustomer(), r.contactName(), mask ? Masking.phone(r.contactPhone()) : r.contactPhone(),
                r.location(), r.unitRoom(), r.requestType(), r.fieldKind(),
                r.categoryId(), page.categoryName(), r.callbackRequired(),
                r.title(), r.description(), r.channel(), r.priority(), r.status(), r.appointmentStart(),
                r.appointmentEnd(), r.departmentId(), departments.get(r.departmentId()),
                r.assigneeId(), users.get(r.assigneeId()), r.registeredBy(),
                r.registeredByName(), r.registeredAt(), r.result(),
                r.signOffName() == null ? null : new SignOffView(r.signOffName(), r.signOffAt(),
                        r.signOffSatisfied(), page.signed()),
                r.callbackSatisfaction() == null && callbackBy == null ? null
                        : new CallbackView(r.callbackSatisfaction(), r.callbackNotes(), callbackBy,
                        users.get(callbackBy), r.callbackBySupervisor(), r.callbackAt(),
                        r.callbackRecordId(), r.callbackRecordCode()),
                r.closedAt(), r.reopenCount(), deadlines, timeline, page.pauses(), page.notes(), page.materials(),
                r.version(), r.turnedIntoComplaintAt(), r.complaintId(), r.complaintCode());
    }

    /**
     * The answer to an intake, from the aggregate just written: a new request has no pause, note, material or
     * signature yet, so only the names of its department and handler are read.
     */
    public Detail registered(ServiceRequest r, String categoryName, CurrentUser me, Instant now) {
        var events = r.getEvents().stream().map(e -> new Event(e.getId(), e.getKind(), e.getOccurredAt(), e.getActor(),
                e.getDepartmentId(), e.getAssigneeId(), e.getInternalDueAt(), e.getNoteText(), e.getReason())).toList();
        Set<Long> userIds = new TreeSet<>();
        Set<Long> departmentIds = new TreeSet<>();
        add(userIds, r.getAssigneeId());
        add(userIds, r.getCallbackBy());
        add(departmentIds, r.getDepartmentId());
        events.forEach(e -> {
            add(userIds, e.assigneeId());
            add(departmentIds, e.departmentId());
        });
        return answer(new Content(r.facts(), events, List.of(), categoryName, false, List.of(), List.of(),
                names("org_user", "display_name", userIds), names("org_department", "name", departmentIds)), me, now);
    }

    /** The handler a request is dispatched to sees the caller's full phone without the sensitive-view permission. */
    public static boolean revealsPhoneToHandler(RequestFacts r, CurrentUser me) {
        return !me.can(CustomerPermissions.VIEW_SENSITIVE) && r.contactPhone() != null && r.assigneeId() != null
                && r.assigneeId() == me.id();
    }

    private Map<Long, String> names(String table, String column, Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + column + " from " + table + " where id in (:ids)").param("ids", List.copyOf(ids))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    private static void add(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
