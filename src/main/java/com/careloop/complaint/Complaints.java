package com.careloop.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.careloop.complaint.ComplaintCommands.AddAction;
import com.careloop.complaint.ComplaintCommands.Acknowledge;
import com.careloop.complaint.ComplaintCommands.Assess;
import com.careloop.complaint.ComplaintCommands.CommunicateDecision;
import com.careloop.complaint.ComplaintCommands.Investigate;
import com.careloop.complaint.ComplaintCommands.Receive;
import com.careloop.complaint.ComplaintCommands.Step;
import com.careloop.complaint.ComplaintCommands.Verify;
import com.careloop.complaint.ComplaintViews.Action;
import com.careloop.complaint.ComplaintViews.Deadlines;
import com.careloop.complaint.ComplaintViews.Detail;
import com.careloop.complaint.ComplaintViews.Filter;
import com.careloop.complaint.ComplaintViews.Link;
import com.careloop.complaint.ComplaintViews.Page;
import com.careloop.complaint.ComplaintViews.Row;
import com.careloop.complaint.ComplaintViews.TimelineEntry;
import com.careloop.complaint.handling.Complaint;
import com.careloop.complaint.handling.ComplaintCapas;
import com.careloop.complaint.handling.ComplaintProperties;
import com.careloop.complaint.handling.ComplaintRepository;
import com.careloop.complaint.handling.CorrectiveAction;
import com.careloop.complaint.handling.DeadlineClock;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.Text;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.Texts;
import com.careloop.platform.TextMatches;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint procedure's management service: each step one command in one transaction (complaint,
 * timeline and audit entry commit together), and the reads within the reader's data scope (the
 * responsible department, or the person who received it). Pages, the API and the desk hand-over use it.
 */
@Service
@Transactional
public class Complaints {

    public static final String RECORD_TYPE = "complaint";

    private final ComplaintRepository complaints;
    private final CustomerDirectory customers;
    private final CalendarService calendars;
    private final ComplaintProperties properties;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Texts texts;
    private final Clock clock;
    /** PostgreSQL: the keyword search adds the conditions its indexes serve (V54). */
    private final boolean postgres;
    private final ComplaintCapas capa;

    Complaints(ComplaintRepository complaints, CustomerDirectory customers, CalendarService calendars,
               ComplaintProperties properties, RecordNumbers numbers, AuditTrail audit, Notifications notifications,
               CurrentUsers users, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, ComplaintCapas capa,
               javax.sql.DataSource dataSource, Texts texts) {
        this.texts = texts;
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.capa = capa;
        this.complaints = complaints;
        this.customers = customers;
        this.calendars = calendars;
        this.properties = properties;
        this.numbers = numbers;
        this.audit = audit;
        this.notifications = notifications;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- receipt -----------------------------------------------------------------------------

    /** Receives a complaint with its record number (TS2026-000123); a repeat is flagged and linked at once. */
    public Detail receive(Receive cmd) {
        CurrentUser me = users.require();
        return detail(receive(cmd, null, me.id(), me.displayName()).getId());
    }

    /**
     * The service-desk hand-over: a COMPLAINT request becomes a complaint once (unique source request id),
     * however often the event is delivered. It runs without a signed-in user, so the customer comes as the
     * desk's snapshot (name, code, key mark) instead of a directory read. Returns the complaint id.
     */
    public long receiveFromServiceDesk(long requestId, long customerId, String customerName, String customerCode,
                                       boolean keyCustomer, String content, long byId, String byName) {
        return receiveHandOver(new ComplaintCommands.HandOver(requestId, customerId, customerName, customerCode,
                keyCustomer, content, byId, byName)).id();
    }

    /** The desk's hand-over as a command; the complaint it became (the existing one on a redelivery). */
    public Link receiveHandOver(ComplaintCommands.HandOver h) {
        Complaint c = complaints.findBySourceRequestId(h.requestId()).orElseGet(() ->
                receive(new Complaint.Receipt(h.customerId(), h.customerName(), h.customerCode(), h.keyCustomer(), null,
                        ComplaintChannel.SERVICE_DESK, null, null,
                        h.content().length() > 4000 ? h.content().substring(0, 4000) : h.content(), null, h.requestId(),
                        null),
                        h.byId() == null ? 0L : h.byId(), h.byName() == null ? CurrentUsers.SYSTEM : h.byName()));
        return new Link(c.getId(), c.getCode(), odt(c.getReceivedAt()), c.getStatus());
    }

    private Complaint receive(Receive cmd, Long sourceRequestId, long byId, String byName) {
        CustomerCard customer = customers.card(cmd.customerId()).orElseThrow(() -> new InvalidInputException(
                "customerId", "exists", Text.of("error.servicedesk.no-customer-0", cmd.customerId())));
        return receive(new Complaint.Receipt(customer.id(), customer.name(), customer.code(), customer.keyCustomer(),
                cmd.receivedAt() == null ? null : cmd.receivedAt().toInstant(), cmd.channel(), cmd.orderNumber(),
                cmd.product(), cmd.content(), cmd.requestedRemedy(), sourceRequestId, cmd.batchNo()), byId, byName);
    }

    private Complaint receive(Complaint.Receipt receipt, long byId, String byName) {
        Complaint c = Complaint.receive(numbers.next(RECORD_TYPE), receipt, byId, byName,
                properties.targets(Severity.GENERAL), deadlineClock(), now());
        complaints.saveAndFlush(c);
        flagRepeat(c, byName);
        complaints.saveAndFlush(c);
        audit.created(c);
        events.publishEvent(new ComplaintReceived(c.getId(), c.getCode(), c.getCustomerId(), receipt.sourceRequestId()));
        return c;
    }

    // ---- steps -------------------------------------------------------------------------------

    public Detail acknowledge(long id, Acknowledge cmd) {
        return change(id, cmd.version(), "ACKNOWLEDGE", c -> c.acknowledge(instant(cmd.promisedReplyBy()), actor(), now()));
    }

    /** A MAJOR complaint notifies the quality manager(s) and the general manager at once. */
    public Detail assess(long id, Assess cmd) {
        return change(id, cmd.version(), "ASSESS", c -> {
            if (cmd.departmentId() != null) {
                requireDepartment("departmentId", cmd.departmentId());
            }
            if (cmd.concernedEmployeeId() != null || cmd.concernedEmployeeName() != null
                    && !cmd.concernedEmployeeName().isBlank()) {
                Owner employee = cmd.concernedEmployeeId() == null ? new Owner(null, cmd.concernedEmployeeName())
                        : activeUser("concernedEmployeeId", cmd.concernedEmployeeId(), null);
                c.nameConcernedEmployee(employee.id(), employee.name(), actor(), now());
            }
            c.assess(cmd.category(), cmd.severity(), cmd.departmentId(), properties.targets(cmd.severity()),
                    deadlineClock(), actor(), now());
            if (cmd.handlerId() != null) {
                assignHandler(c, cmd.handlerId());
            }
            flagRepeat(c, actor());
            if (cmd.severity() == Severity.MAJOR) {
                for (long recipient : withPositions("QUALITY_MANAGER", "GENERAL_MANAGER")) {
                    notifications.notify(recipient, Text.of("texts.notify.complaint-major", c.getCode()),
                            Text.of("texts.notify.complaint-major.body", c.getCustomerName(), c.getContent()), "/complaints/" + c.getId());
                }
            }
        });
    }

    /** 指定处理人: names (or changes) the handler; an active user of the responsible department, 422 otherwise. */
    public Detail assignHandler(long id, ComplaintCommands.AssignHandler cmd) {
        return change(id, cmd.version(), "ASSIGN_HANDLER", c -> assignHandler(c, cmd.handlerId()));
    }

    private void assignHandler(Complaint c, long handlerId) {
        if (c.getDepartmentId() == null) {
            throw new InvalidInputException("departmentId", "required",
                    Text.of("error.complaint.department-before-handler"));
        }
        Owner handler = activeUser("handlerId", handlerId, c.getDepartmentId());
        c.assignHandler(handler.id(), handler.name(), actor(), now());
    }

    /** An active user (of the department, when given) by id; 422 on the field otherwise. */
    private Owner activeUser(String field, long userId, Long departmentId) {
        return jdbc.sql("select id, display_name from org_user where active = true and id = :id"
                        + (departmentId == null ? "" : " and department_id = :dept"))
                .param("id", userId).params(departmentId == null ? Map.of() : Map.of("dept", departmentId))
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new InvalidInputException(field, departmentId == null ? "exists" : "department",
                        departmentId == null ? Text.of("error.complaint.no-active-user", String.valueOf(userId))
                                : Text.of("error.complaint.handler-not-in-department")));

    }

    public Detail investigate(long id, Investigate cmd) {
        return change(id, cmd.version(), "INVESTIGATE", c -> {
            requireDepartment("departmentId", cmd.departmentId());
            c.investigate(cmd.departmentId(), cmd.causeCategory(), cmd.causeAnalysis(), actor(), now());
        });
    }

    /** 纠正措施: opens a CAPA record (source COMPLAINT) with this first action and links it to the complaint. */
    public Detail addCorrectiveAction(long id, AddAction cmd) {
        return change(id, cmd.version(), "CORRECTIVE_ACTION", c -> {
            c.requireCorrectiveActionStep();
            Owner owner = owner("ownerUserId", cmd.ownerUserId(), "owner", cmd.owner());
            Complaint.Planned planned = Complaint.plan(cmd.description(), owner.name(), owner.id(), cmd.dueDate());
            capa.open(c, planned, false, actor(), now());
        });
    }

    public Detail markActionDone(long id, long actionId, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "ACTION_DONE", c -> {
            CorrectiveAction a = c.getActions().stream().filter(x -> x.getId() == actionId).findFirst()
                    .orElseThrow(() -> new NotFoundException("complaint-action", actionId));
            c.markActionDone(a, actor(), now());
        });
    }

    public Detail communicateDecision(long id, CommunicateDecision cmd) {
        return change(id, cmd.version(), "COMMUNICATE_DECISION",
                c -> c.communicateDecision(cmd.how(), instant(cmd.when()), cmd.what(), actor(), now()));
    }

    /**
     * 效果验证, after the corrective actions are done (or with the reason for verifying earlier); with
     * {@code careloop.complaint.forbid-self-verification} (default) a handler may not verify. Not
     * effective: the new countermeasure opens a new CAPA and the complaint goes back to corrective action.
     */
    public Detail verify(long id, Verify cmd) {
        return change(id, cmd.version(), "VERIFY", c -> {
            Owner owner = cmd.result() == Verification.NOT_EFFECTIVE
                    && (cmd.ownerUserId() != null || cmd.owner() != null && !cmd.owner().isBlank())
                    ? owner("ownerUserId", cmd.ownerUserId(), "owner", cmd.owner()) : me();
            var next = c.verify(cmd.result(), cmd.countermeasure(), owner.name(), owner.id(), cmd.dueDate(),
                    properties.forbidSelfVerification(), actor(), now());
            // who may verify is checked first, then when: a refusal rolls the whole step back
            c.requireActionsDoneOrReason(capa.states(c), cmd.earlyReason());
            next.ifPresent(planned -> capa.open(c, planned, true, actor(), now()));
        });
    }

    public Detail confirmQuality(long id, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "CONFIRM_QUALITY", c -> c.confirmByQuality(actor(), now()));
    }

    public Detail close(long id, Step cmd) {
        return change(id, cmd == null ? null : cmd.version(), "CLOSE", c -> {
            c.close(capa.states(c), actor(), now());
            events.publishEvent(new ComplaintClosed(c.getId(), c.getCode(), c.getCustomerId(), c.getCustomerName(),
                    c.getProduct(), c.getCategory(), c.getReceivedAt().atZone(texts.zone()).toLocalDate(),
                    c.getContent(), c.getCauseCategory(), c.getCauseAnalysis(), c.getDecisionWhat()));
        });
    }

    /** Whether the self-verification rule keeps the reader from verifying (the page says so instead of offering it). */
    public boolean selfVerificationRefused(Detail c) {
        return properties.forbidSelfVerification() && c.handlers().contains(actor());
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        Complaint c = load(id);
        Instant now = now();
        Link repeatOf = c.getRepeatOfId() == null ? null : links("c.id = :id", c.getRepeatOfId()).stream().findFirst().orElse(null);
        List<Link> repeatedBy = links("c.repeat_of_id = :id", c.getId());
        var deadlines = new Deadlines(odt(c.getAcknowledgeDueAt()), odt(c.getReplyDueAt()), odt(c.getResolveDueAt()),
                late(c.getAcknowledgedAt(), c.getAcknowledgeDueAt(), now), late(c.getFirstActionAt(), c.getReplyDueAt(), now),
                late(c.getClosedAt(), c.getResolveDueAt(), now));
        List<Action> actions = c.getActions().stream().map(a -> new Action(a.getId(), a.getDescription(), a.getOwner(),
                a.getDueDate(), a.isDone(), odt(a.getDoneAt()), a.getDoneBy())).toList();
        List<TimelineEntry> timeline = c.getEvents().stream().map(e -> new TimelineEntry(e.getKind(), odt(e.getOccurredAt()),
                e.getActor(), texts.stored(e.getNoteText(), e.getNote()))).toList();
        return new Detail(c.getId(), c.getCode(), c.getVersion(), c.getCustomerId(), c.getCustomerName(),
                c.getCustomerCode(), c.isKeyCustomer(), odt(c.getReceivedAt()), c.getChannel(), c.getOrderNumber(),
                c.getProduct(), c.getBatchNo(), c.getContent(), c.getRequestedRemedy(), c.getSourceRequestId(), c.getStatus(),
                c.getCategory(), c.getSeverity(), c.getDepartmentId(), departmentName(c.getDepartmentId()),
                odt(c.getPromisedReplyBy()),
                odt(c.getAcknowledgedAt()), c.getCauseCategory(), c.getCauseAnalysis(), odt(c.getInvestigatedAt()),
                c.getInvestigatedBy(), c.getDecisionHow(), odt(c.getDecisionAt()), c.getDecisionWhat(),
                c.getVerification(), odt(c.getVerifiedAt()), c.getVerifiedBy(), odt(c.getQualityConfirmedAt()),
                c.getQualityConfirmedBy(), odt(c.getClosedAt()), c.getReceivedByName(), deadlines, actions, timeline,
                repeatOf, repeatedBy, repeatedBy.size(), capa.links(c), odt(c.getCapaReopenedAt()), c.getCapaReopenNote(),
                c.getHandlerId(), userName(c.getHandlerId()), c.getConcernedEmployeeId(), c.getConcernedEmployeeName(),
                c.getVerifiedEarlyReason(), c.handlers());
    }

    /** The complaint a CAPA event is about, for the CAPA listener; runs without a signed-in user. */
    public void capaVerified(long complaintId, String eventKey, String capaCode, boolean effective) {
        onceFor(complaintId, eventKey, c -> c.capaVerified(capaCode, effective, now()), "CAPA_VERIFIED");
    }

    /** A failed effectiveness check re-opened a linked CAPA (the banner when the complaint is closed). */
    public void capaReopened(long complaintId, String eventKey, String capaCode, String reason) {
        onceFor(complaintId, eventKey, c -> c.capaReopened(capaCode, reason, now()), "CAPA_REOPENED");
    }

    /**
     * Applies a CAPA event once per key (complaint_inbox); a redelivery is a no-op. The complaint row is locked
     * first: a check's CapaVerified and CapaReopened arrive together and are applied one after the other.
     */
    private void onceFor(long complaintId, String eventKey, Consumer<Complaint> apply, String action) {
        if (jdbc.sql("select id from complaint where id = :id for update").param("id", complaintId).query(Long.class)
                .optional().isEmpty() || jdbc.sql("select count(*) from complaint_inbox where event_key = :k")
                .param("k", eventKey).query(Long.class).single() > 0) {
            return;
        }
        Complaint c = complaints.findById(complaintId).orElseThrow();
        jdbc.sql("insert into complaint_inbox (event_key, complaint_id, received_at) values (:k, :c, :at)")
                .param("k", eventKey).param("c", complaintId).param("at", Timestamp.from(now())).update();
        Map<String, Object> before = c.auditState();
        apply.accept(c);
        complaints.saveAndFlush(c);
        audit.changed(c, action, before);
    }

    /** A user who can own an action: display name and id. */
    record Owner(Long id, String name) {
    }

    private Owner me() {
        CurrentUser me = users.require();
        return new Owner(me.id(), me.displayName());
    }

    /** The owner of an action: the user by id, or by username or display name (active users); 422 otherwise. */
    private Owner owner(String idField, Long userId, String nameField, String name) {
        if (userId == null && (name == null || name.isBlank())) {
            throw new InvalidInputException(nameField, "required", Text.of("error.complaint.action-owner-required"));
        }
        var sql = userId != null ? jdbc.sql("select id, display_name from org_user where active = true and id = :v").param("v", userId)
                : jdbc.sql("select id, display_name from org_user where active = true and (username = :v or display_name = :v) order by id")
                .param("v", name.trim());
        return sql.query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2))).list().stream().findFirst()
                .orElseThrow(() -> userId != null
                        ? new InvalidInputException(idField, "exists", Text.of("error.customer.no-active-user-0-2", userId))
                        : new InvalidInputException(nameField, "exists", Text.of("error.complaint.owner-active-user-0", name)));
    }

    /** The list, newest first, keyset-paged by id, within the reader's data scope. */
    @Transactional(readOnly = true)
    public Page search(Filter f, String cursor, int limit) {
        return search(f, null, cursor, limit);
    }

    /** The list's sortable columns (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("c.code"),
            "receivedAt", ListSort.Column.time("c.received_at"),
            "customer", ListSort.Column.text("c.customer_name"),
            "category", ListSort.Column.text("coalesce(c.category, '')"),
            "severity", ListSort.Column.text("coalesce(c.severity, '')"),
            "status", ListSort.Column.text("c.status"),
            "resolveDueAt", ListSort.Column.time("c.resolve_due_at"),
            "department", ListSort.Column.text("coalesce(d.name, '')"),
            "handler", ListSort.Column.text("coalesce(h.display_name, '')"));

    /**
     * The list within the reader's data scope, sorted by {@code sort} (a key of {@link #SORTS}, '-' for descending;
     * default newest first) and keyset-paged under that sort.
     */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "c.id", "-id");
        var scope = users.require().scope().condition("c.department_id", "c.received_by", "c.handler_id");
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.customer_id, c.customer_name, c.key_customer, c.received_at, c.status,
                       c.category, c.severity, c.repeat_of_id, c.resolve_due_at,
                       case when""").append(' ').append(OVERDUE).append(" then 1 else 0 end overdue, d.name, h.display_name")
                .append(order.selectColumn()).append("""
                 from complaint c left join org_department d on d.id = c.department_id
                 left join org_user h on h.id = c.handler_id""").append(" where ").append(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        filter(f, sql, params);
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> new Row(rs.getLong(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5), odt(rs.getTimestamp(6).toInstant()),
                ComplaintStatus.valueOf(rs.getString(7)), enumOrNull(ComplaintCategory.class, rs.getString(8)),
                enumOrNull(Severity.class, rs.getString(9)), rs.getObject(10) != null,
                odt(rs.getTimestamp(11).toInstant()), rs.getInt(12) == 1, rs.getString(13), rs.getString(14)))).list(),
                limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /**
     * How many complaints the list shows for a filter (the reader's data scope), e.g. a "my work" line: the list's
     * own conditions, so the count is the list's length.
     */
    @Transactional(readOnly = true)
    public long count(Filter f) {
        var scope = users.require().scope().condition("c.department_id", "c.received_by", "c.handler_id");
        StringBuilder sql = new StringBuilder("select count(*) from complaint c where ").append(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        filter(f, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** The list's filter conditions on {@code c} (complaint), appended to {@code sql}. */
    private void filter(Filter f, StringBuilder sql, Map<String, Object> params) {
        params.put("now", Timestamp.from(now()));
        Filter filter = f == null ? new Filter(null, null, null, null, null, null, null) : f;
        if (filter.departmentId() != null) {
            sql.append(" and c.department_id = :department");
            params.put("department", filter.departmentId());
        }
        if (filter.handlerId() != null) {
            sql.append(" and c.handler_id = :handler");
            params.put("handler", filter.handlerId());
        }
        if (filter.concernedEmployeeId() != null) {
            sql.append(" and c.concerned_employee_id = :concerned");
            params.put("concerned", filter.concernedEmployeeId());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            if (filter.q().strip().length() > 100) {
                throw new InvalidInputException("q", "max-length", Text.of("error.complaint.keyword-most-100-characters"));
            }
            Long byNumber = TextMatches.byNumber(jdbc, "complaint", filter.q());
            if (byNumber != null) {
                // a whole complaint number: that complaint, one probe of the unique index of the number (a zero-padded
                // one, TC001000000, read 6,812 pages and rechecked 7,285 rows through the trigrams at two million)
                sql.append(" and c.id = :byNumber");
                params.put("byNumber", byNumber);
            } else {
                keyword(filter.q(), sql, params);
            }
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.category() != null) {
            sql.append(" and c.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.severity() != null) {
            sql.append(" and c.severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.batchNo() != null && !filter.batchNo().isBlank()) {
            // the batch traced: every complaint about it, by the exact number (V202's index)
            sql.append(" and c.batch_no = :batchNo");
            params.put("batchNo", filter.batchNo().strip());
        }
        if (filter.customerId() != null) {
            sql.append(" and c.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.repeat() != null) {
            sql.append(filter.repeat() ? " and c.repeat_of_id is not null" : " and c.repeat_of_id is null");
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " and " : " and not ").append('(').append(OVERDUE).append(')');
        }
        drillDownFilters(filter, sql, params);
    }

    /** The keyword as a partial match of the searched text (V54's trigram and bigram indexes on PostgreSQL). */
    private void keyword(String keyword, StringBuilder sql, Map<String, Object> params) {
        // one concatenated text per complaint, so any part of any field matches (Chinese text has no word breaks)
        String q = keyword.strip().toLowerCase(java.util.Locale.ROOT);
        sql.append(" and lower(").append(KEYWORD_TEXT).append(") like :q escape '\\'");
        params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (postgres) {
            // Trigram index of V54 for 3+ characters (the LIKE itself); 2 characters through the bigram index:
            // text containing the word contains its one bigram, so the rows are the LIKE's. Planned for the
            // keyword at hand (a frequent word walks the newest ids, a rare one reads the index), not a cached
            // generic plan; SET LOCAL: this transaction only.
            SearchPlanning.customPlans(jdbc, postgres);
            if (q.codePointCount(0, q.length()) == 2) {
                sql.append(" and careloop_bigrams(").append(KEYWORD_TEXT).append(") @> careloop_bigrams(:word)");
                params.put("word", q);
            }
        }
    }

    /** The filters the report figures link with (see {@link Filter}); the same conditions as the statistics. */
    private void drillDownFilters(Filter filter, StringBuilder sql, Map<String, Object> params) {
        if (filter.receivedFrom() != null) {
            sql.append(" and c.received_at >= :receivedFrom");
            params.put("receivedFrom", Timestamp.from(filter.receivedFrom().atStartOfDay(texts.zone()).toInstant()));
        }
        if (filter.receivedTo() != null) {
            sql.append(" and c.received_at < :receivedTo");
            params.put("receivedTo",
                    Timestamp.from(filter.receivedTo().plusDays(1).atStartOfDay(texts.zone()).toInstant()));
        }
        if (filter.cause() != null) {
            sql.append(" and c.cause_category = :cause");
            params.put("cause", filter.cause().name());
        }
        if (filter.late() != null) {
            String[] step = switch (filter.late()) {
                case ACKNOWLEDGE -> new String[] {"c.acknowledged_at", "c.acknowledge_due_at"};
                case REPLY -> new String[] {"c.first_action_at", "c.reply_due_at"};
                case RESOLVE -> new String[] {"c.closed_at", "c.resolve_due_at"};
            };
            sql.append(" and ((").append(step[0]).append(" is null and ").append(step[1]).append(" < :now) or ")
                    .append(step[0]).append(" > ").append(step[1]).append(')');
        }
        if (filter.open() != null) {
            sql.append(filter.open() ? " and c.closed_at is null" : " and c.closed_at is not null");
        }
        if (filter.acknowledgeDueOn() != null) {
            sql.append(" and c.acknowledged_at is null and c.acknowledge_due_at >= :ackDueFrom"
                    + " and c.acknowledge_due_at < :ackDueTo");
            params.put("ackDueFrom",
                    Timestamp.from(filter.acknowledgeDueOn().atStartOfDay(texts.zone()).toInstant()));
            params.put("ackDueTo",
                    Timestamp.from(filter.acknowledgeDueOn().plusDays(1).atStartOfDay(texts.zone()).toInstant()));
        }
    }

    /** The searched text of a complaint; the keyword indexes of V54 (PostgreSQL) are over this very expression. */
    static final String KEYWORD_TEXT = "c.code || ' ' || c.customer_name || ' ' || coalesce(c.customer_code, '') || ' '"
            + " || coalesce(c.order_number, '') || ' ' || coalesce(c.product, '') || ' ' || c.content";

    /** A clock is overdue when its step is not done and its deadline has passed (or was done late). */
    private static final String OVERDUE = """
            ((c.acknowledged_at is null and c.acknowledge_due_at < :now) or c.acknowledged_at > c.acknowledge_due_at
             or (c.first_action_at is null and c.reply_due_at < :now) or c.first_action_at > c.reply_due_at
             or (c.closed_at is null and c.resolve_due_at < :now) or c.closed_at > c.resolve_due_at)""";

    // ---- helpers -----------------------------------------------------------------------------

    /** Flags the complaint as a repeat of the newest earlier complaint of the customer the rule matches. */
    private void flagRepeat(Complaint c, String actor) {
        if (c.getRepeatOfId() != null) {
            return;
        }
        Duration window = Duration.ofDays(properties.repeatWindowDays());
        List<Long> candidates = jdbc.sql("""
                select id from complaint where customer_id = :customer and id <> :id and received_at >= :from
                  and received_at <= :to order by received_at desc, id desc""")
                .param("customer", c.getCustomerId()).param("id", c.getId())
                .param("from", Timestamp.from(c.getReceivedAt().minus(window)))
                .param("to", Timestamp.from(c.getReceivedAt())).query(Long.class).list();
        for (long candidate : candidates) {
            Complaint earlier = complaints.findById(candidate).orElseThrow();
            if (c.repeats(earlier, window)) {
                c.markRepeatOf(earlier, actor, now());
                return;
            }
        }
    }

    private List<Link> links(String where, long id) {
        return jdbc.sql("select c.id, c.code, c.received_at, c.status from complaint c where " + where + " order by c.id")
                .param("id", id).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2),
                        odt(rs.getTimestamp(3).toInstant()), ComplaintStatus.valueOf(rs.getString(4)))).list();
    }

    private String departmentName(Long id) {
        return id == null ? null : jdbc.sql("select name from org_department where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private String userName(Long id) {
        return id == null ? null : jdbc.sql("select display_name from org_user where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    private List<Long> withPositions(String... positions) {
        return jdbc.sql("select id from org_user where active = true and position in (:p) order by id")
                .param("p", List.of(positions)).query(Long.class).list();
    }

    private void requireDepartment(String field, long id) {
        if (jdbc.sql("select count(*) from org_department where id = :id and active = true").param("id", id)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException(field, "exists", Text.of("error.servicedesk.no-active-department-0", id));
        }
    }

    private Detail change(long id, Long version, String action, Consumer<Complaint> step) {
        Complaint c = load(id);
        audit.change(c, version, c.getVersion(), action, step, complaints::saveAndFlush);
        return detail(id);
    }

    /** The aggregate if the reader's scope reaches it (responsible department or receiver); otherwise not found. */
    private Complaint load(long id) {
        Complaint c = complaints.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        if (!users.require().scope().allows(c.getDepartmentId(), c.getReceivedBy(), c.getHandlerId())) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return c;
    }

    private DeadlineClock deadlineClock() {
        return new DeadlineClock(calendars.standard(), properties.warnAt());
    }

    private static boolean late(Instant doneAt, Instant dueAt, Instant now) {
        return (doneAt == null ? now : doneAt).isAfter(dueAt);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private String actor() {
        return users.actorName();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
    }
}
