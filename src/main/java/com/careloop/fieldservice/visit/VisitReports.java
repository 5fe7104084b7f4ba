package com.careloop.fieldservice.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.customer.CustomerVisited;
import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.visit.VisitViews.AgreeAction;
import com.careloop.fieldservice.visit.VisitViews.Detail;
import com.careloop.fieldservice.visit.VisitViews.Filter;
import com.careloop.fieldservice.visit.VisitViews.MyAction;
import com.careloop.fieldservice.visit.VisitViews.Page;
import com.careloop.fieldservice.visit.VisitViews.Plan;
import com.careloop.fieldservice.visit.VisitViews.Row;
import com.careloop.fieldservice.visit.VisitViews.Visited;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.IdempotentCreates;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visit reports (走访服务报告 Q/JL081306): planned for a customer (read through the customer module's public API),
 * visited with findings and the actions agreed (owner, due date on the business calendar; the owner is notified),
 * actions tracked to done by their owner (a reminder on the due day, overdue flagged). Numbered {@code ZF…}.
 */
@Service
@Transactional
public class VisitReports {

    public static final String RECORD_TYPE = VisitReport.RECORD_TYPE;
    public static final String API = "/api/v1/visit-reports";

    private final VisitReportRepository reports;
    private final CustomerDirectory customers;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final CalendarService calendars;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final IdempotentCreates idempotency;
    private final ApplicationEventPublisher events;

    VisitReports(VisitReportRepository reports, CustomerDirectory customers, RecordNumbers numbers, AuditTrail audit,
                 CurrentUsers users, Notifications notifications, CalendarService calendars, JdbcClient jdbc,
                 Clock clock, CareLoopProperties platform, IdempotentCreates idempotency,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.reports = reports;
        this.customers = customers;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.idempotency = idempotency;
        idempotency.marksCreatesOf(API);
    }

    public Detail plan(Plan cmd) {
        if (cmd == null || cmd.customerId() == null) {
            throw required("customerId");
        }
        CustomerCard c = customers.card(cmd.customerId()).orElseThrow(() -> new InvalidInputException("customerId",
                "exists", Text.of("error.fieldhistory.no-customer", cmd.customerId())));
        if (cmd.purpose() == null || cmd.purpose().isBlank()) {
            throw required("purpose");
        }
        length("purpose", cmd.purpose(), 1000);
        length("place", cmd.place(), 300);
        length("participants", cmd.participants(), 1000);
        length("contactsMet", cmd.contactsMet(), 1000);
        if (cmd.visitOn() == null) {
            throw required("visitOn");
        }
        CurrentUser me = users.current().orElse(null);
        VisitReport v = VisitReport.plan(numbers.next(RECORD_TYPE), c.id(), c.name(), cmd.purpose(), cmd.visitOn(),
                cmd.place(), cmd.participants(), cmd.contactsMet(), me == null ? null : me.id(), actor(), now());
        reports.saveAndFlush(v);
        audit.created(v);
        idempotency.created(API + "/" + v.getId());
        return view(v);
    }

    /** The visit happened: findings required; the actions agreed there are added (each owner notified). */
    public Detail visited(long id, Visited cmd) {
        Visited c = cmd == null ? new Visited(null, null, null, null, null) : cmd;
        VisitReport v = load(id);
        if (c.findings() == null || c.findings().isBlank()) {
            throw required("findings");
        }
        length("findings", c.findings(), 4000);
        length("customerOpinion", c.customerOpinion(), 2000);
        length("contactsMet", c.contactsMet(), 1000);
        List<AgreeAction> given = c.actions() == null ? List.of() : c.actions();
        List<Agreed> agreed = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            agreed.add(agreed("actions[" + i + "].", given.get(i), v.getVisitOn()));
        }
        audit.change(v, c.version(), v.getVersion(), "VISITED", x -> {
            x.requirePlanned();
            agreed.forEach(a -> x.agree(a.description, a.ownerId, a.ownerName, a.dueOn, now()));
            x.visited(c.contactsMet(), c.findings(), c.customerOpinion(), now());
        }, reports::saveAndFlush);
        agreed.forEach(a -> notifyOwner(v, a));
        contactLogged(v);
        return view(v);
    }

    /** One more agreed action (e.g. after the visit); not on a closed report (409). */
    public Detail addAction(long id, AgreeAction cmd) {
        VisitReport v = load(id);
        Agreed a = agreed("", cmd, v.getVisitOn());
        audit.change(v, null, v.getVersion(), "ACTION_AGREED", x -> x.agree(a.description, a.ownerId, a.ownerName,
                a.dueOn, now()), reports::saveAndFlush);
        notifyOwner(v, a);
        return view(v);
    }

    /** The owner (or a holder of {@code fieldservice:visit}) marks an action done; others get 403. */
    public Detail actionDone(long id, long actionId, VisitViews.Done cmd) {
        VisitReport v = load(id);
        VisitAction a = v.action(actionId);
        CurrentUser me = users.current().orElse(null);
        if (me != null && me.id() != a.getOwnerId() && !me.can(FieldHistoryPermissions.VISIT)) {
            throw new AccessDeniedException("only the owner marks the action done");
        }
        String note = cmd == null ? null : cmd.note();
        length("note", note, 1000);
        audit.change(v, null, v.getVersion(), "ACTION_DONE", x -> x.actionDone(actionId, note, actor(), now()),
                reports::saveAndFlush);
        return view(v);
    }

    private record Agreed(String description, long ownerId, String ownerName, LocalDate dueOn) {
    }

    private Agreed agreed(String prefix, AgreeAction a, LocalDate visitOn) {
        if (a == null || a.description() == null || a.description().isBlank()) {
            throw required(prefix + "description");
        }
        length(prefix + "description", a.description(), 1000);
        if (a.ownerId() == null) {
            throw required(prefix + "ownerId");
        }
        String owner = jdbc.sql("select display_name from org_user where id = :id and active = true")
                .param("id", a.ownerId()).query(String.class).optional()
                .orElseThrow(() -> new InvalidInputException(prefix + "ownerId", "exists",
                        Text.of("error.fieldhistory.no-user", a.ownerId())));
        BusinessCalendar calendar = calendars.standard();
        LocalDate due;
        if (a.dueOn() != null) {
            due = DueDates.workingDayOnOrBefore(a.dueOn(), calendar);
        } else if (a.dueInWorkingDays() != null) {
            if (a.dueInWorkingDays() < 1 || a.dueInWorkingDays() > 250) {
                throw new InvalidInputException(prefix + "dueInWorkingDays", "range",
                        Text.of("error.fieldhistory.working-days"));
            }
            LocalDate from = visitOn.isAfter(today()) ? visitOn : today();
            due = DueDates.afterWorkingDays(from, a.dueInWorkingDays(), calendar);
        } else {
            throw required(prefix + "dueOn");
        }
        if (due.isBefore(today())) {
            throw new InvalidInputException(prefix + "dueOn", "future", Text.of("error.fieldhistory.due-in-past"));
        }
        return new Agreed(a.description(), a.ownerId(), owner, due);
    }

    private void notifyOwner(VisitReport v, Agreed a) {
        notifications.notify(a.ownerId(), Text.of("fieldhistory.notify.action.title", v.getCode()),
                Text.of("fieldhistory.notify.action.body", v.getCustomerName(), a.description(), a.dueOn().toString()),
                "/visit-reports/" + v.getId());
    }

    /** The due day's reminder to each owner of an open action due today or earlier, once per action. */
    public int remindDue() {
        LocalDate today = today();
        List<Object[]> due = jdbc.sql("""
                select a.id, a.owner_id, a.description, a.due_on, r.id, r.code, r.customer_name
                from visit_report_action a join visit_report r on r.id = a.report_id
                where a.done_at is null and a.due_on <= :today and a.reminded_on is null""")
                .param("today", today).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getString(6), rs.getString(7)}).list();
        for (Object[] d : due) {
            boolean overdue = ((LocalDate) d[3]).isBefore(today);
            notifications.notify((Long) d[1], Text.of(overdue ? "fieldhistory.notify.overdue.title"
                            : "fieldhistory.notify.due.title", d[5]),
                    Text.of("fieldhistory.notify.due.body", d[6], d[2], d[3].toString()), "/visit-reports/" + d[4]);
            jdbc.sql("update visit_report_action set reminded_on = :today where id = :id").param("today", today)
                    .param("id", d[0]).update();
        }
        return due.size();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(load(id));
    }

    /** The list, latest visit first, keyset-paged by (visit date, id). */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String cursor, int limit) {
        Filter f = filter == null ? Filter.none() : filter;
        com.careloop.platform.ListSort order = com.careloop.platform.ListSort.parse(null,
                Map.of("visitOn", com.careloop.platform.ListSort.Column.date("r.visit_on")), "r.id", "-visitOn");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("today", today());
        StringBuilder sql = new StringBuilder("""
                select r.id, r.code, r.customer_id, r.customer_name, r.purpose, r.visit_on, r.status,
                       (select count(*) from visit_report_action a where a.report_id = r.id and a.done_at is null),
                       (select count(*) from visit_report_action a where a.report_id = r.id and a.done_at is null
                          and a.due_on < :today)""").append(order.selectColumn())
                .append(" from visit_report r where 1=1");
        if (f.customerId() != null) {
            sql.append(" and r.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.status() != null) {
            sql.append(" and r.status = :status");
            params.put("status", f.status().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and (lower(r.code) like :q or lower(r.customer_name) like :q or lower(r.purpose) like :q)");
            params.put("q", "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%");
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> new Row(
                rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), VisitReport.Status.valueOf(rs.getString(7)), rs.getLong(8),
                rs.getLong(9)))).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /** My open visit actions, earliest due first. */
    @Transactional(readOnly = true)
    public List<MyAction> myActions() {
        CurrentUser me = users.require();
        LocalDate today = today();
        return jdbc.sql("""
                select a.id, r.id, r.code, r.customer_name, a.description, a.due_on
                from visit_report_action a join visit_report r on r.id = a.report_id
                where a.owner_id = :me and a.done_at is null order by a.due_on, a.id""")
                .param("me", me.id()).query((rs, n) -> {
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    return new MyAction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), due, due.isBefore(today));
                }).list();
    }

    private VisitReport load(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private Detail view(VisitReport v) {
        LocalDate today = today();
        return new Detail(v.getId(), v.getCode(), v.getVersion(), v.getCustomerId(), v.getCustomerName(),
                v.getPurpose(), v.getVisitOn(), v.getPlace(), v.getParticipants(), v.getContactsMet(),
                v.getFindings(), v.getCustomerOpinion(), v.getStatus(), odt(v.getVisitedAt()), odt(v.getClosedAt()),
                v.getActions().stream().map(a -> new VisitViews.Action(a.getId(), a.getDescription(), a.getOwnerId(),
                        a.getOwnerName(), a.getDueOn(), odt(a.getDoneAt()), a.getDoneBy(), a.getDoneNote(),
                        a.overdue(today))).toList(),
                v.getCreatedByName(), odt(v.getCreatedAt()));
    }

    static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "max", Text.of("error.fieldhistory.too-long", field, max));
        }
    }

    static InvalidInputException required(String field) {
        return new InvalidInputException(field, "required", Text.of("error.fieldhistory.required", field));
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The visit goes into the customer's contact log (the customer module listens): when on the visit's day if it
     * is today, else that day at noon (the report keeps the day, not the hour); by whoever recorded it.
     */
    private void contactLogged(VisitReport v) {
        Long staff = users.current().map(CurrentUser::id).orElse(v.getCreatedBy());
        if (staff == null) {
            return;
        }
        Instant at = v.getVisitOn().equals(LocalDate.now(clock.withZone(zone))) ? now()
                : v.getVisitOn().atTime(12, 0).atZone(zone).toInstant();
        String summary = v.getCode() + " · " + v.getPurpose() + " · " + v.getFindings();
        events.publishEvent(new CustomerVisited(v.getCustomerId(), "visit-report:" + v.getId(), at, staff, summary));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse("系统");
    }
}
