package com.careloop.servicedesk;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.Text;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.GroupCommits;
import com.careloop.platform.IdempotentCreates;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.servicedesk.ServiceDeskCatalogViews.Category;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SlaPolicy;
import com.careloop.servicedesk.ServiceDeskCommands.AddMaterial;
import com.careloop.servicedesk.ServiceDeskCommands.AddNote;
import com.careloop.servicedesk.ServiceDeskCommands.Callback;
import com.careloop.servicedesk.ServiceDeskCommands.Complete;
import com.careloop.servicedesk.ServiceDeskCommands.Dispatch;
import com.careloop.servicedesk.ServiceDeskCommands.Pause;
import com.careloop.servicedesk.ServiceDeskCommands.Reassign;
import com.careloop.servicedesk.ServiceDeskCommands.Register;
import com.careloop.servicedesk.ServiceDeskCommands.SignOff;
import com.careloop.servicedesk.ServiceDeskCommands.Step;
import com.careloop.servicedesk.ServiceDeskCommands.WithReason;
import com.careloop.servicedesk.ServiceDeskViews.Detail;
import com.careloop.servicedesk.ServiceDeskViews.Filter;
import com.careloop.servicedesk.ServiceDeskViews.Page;
import com.careloop.servicedesk.catalog.ServiceCatalog;
import com.careloop.servicedesk.request.ServiceDeskProperties;
import com.careloop.servicedesk.request.ServiceRequest;
import com.careloop.servicedesk.request.ServiceRequest.Handler;
import com.careloop.servicedesk.request.RequestFacts;
import com.careloop.servicedesk.request.RequestPage;
import com.careloop.servicedesk.request.ServiceRequestQueries;
import com.careloop.servicedesk.request.ServiceRequestRepository;
import com.careloop.servicedesk.request.ServiceRequestStatistics;
import com.careloop.servicedesk.request.SlaClock;
import com.careloop.servicedesk.request.Staff;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service desk's management service: every step of the procedure as one command in one
 * transaction (the request, its timeline and its audit-trail entry commit together), and the reads
 * of the queue and the request page within the reader's data scope. Pages and the API both use it.
 */
@Service
@Transactional
public class ServiceDesk {

    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final GroupCommits commits;
    private final IdempotentCreates idempotency;
    private final RequestPage page;

    public static final String RECORD_TYPE = "service-request";
    /** Where the API registers requests (and where a registered one lives, with its id). */
    static final String INTAKE_PATH = "/api/v1/service-requests";
    private static final int MAX_SIGNATURE_BYTES = 256 * 1024;

    private final ServiceRequestRepository requests;
    private final ServiceRequestQueries queries;
    private final ServiceRequestStatistics statistics;
    private final ServiceCatalog catalog;
    private final CustomerDirectory customers;
    private final Staff staff;
    private final CalendarService calendars;
    private final ServiceDeskProperties properties;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceDesk(ServiceRequestRepository requests, ServiceRequestQueries queries, ServiceRequestStatistics statistics,
                ServiceCatalog catalog,
                CustomerDirectory customers, Staff staff, CalendarService calendars, ServiceDeskProperties properties,
                RecordNumbers numbers, AuditTrail audit, Notifications notifications, CurrentUsers users,
                ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
                org.springframework.transaction.PlatformTransactionManager transactions, GroupCommits commits,
                IdempotentCreates idempotency, RequestPage page) {
        this.page = page;
        this.commits = commits;
        this.idempotency = idempotency;
        idempotency.marksCreatesOf(INTAKE_PATH);
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.requests = requests;
        this.queries = queries;
        this.statistics = statistics;
        this.catalog = catalog;
        this.customers = customers;
        this.staff = staff;
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

    // ---- intake ------------------------------------------------------------------------------

    /**
     * Registers a request from any channel with its record number (BS2026-000123) and SLA deadlines.
     * A key customer's request notifies the CS supervisors at once.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Detail register(Register cmd) {
        CurrentUser me = users.require();
        // The record-number counter row stays locked until the commit, so concurrent intakes are written by one
        // group commit (one lock and one commit for many). A new customer on the spot is written with its request
        // in one transaction of its own; so is an intake inside a caller's transaction (it joins it). The answer
        // is built from the aggregate just written and what the checks looked up: nothing is read back.
        Prepared p = cmd.newCustomer() == null ? transactions.execute(s -> prepare(cmd)) : null;
        var written = p != null ? Map.entry(p, commits.commit(RECORD_TYPE, () -> write(p, me.id(), me.displayName())))
                : transactions.execute(s -> {
                    Prepared q = prepare(cmd);
                    return Map.entry(q, write(q, me.id(), me.displayName()));
                });
        return page.registered(written.getValue(), written.getKey().categoryName(), me, now());
    }

    /**
     * Intake without a signed-in user: the public web form and the mailbox (channel WEB_FORM or EMAIL),
     * registered by {@code system}. An e-mail needs no phone: the sender is the contact.
     */
    public ServiceDeskViews.Registered registerUnattended(Register cmd) {
        if (cmd.channel() != Channel.WEB_FORM && cmd.channel() != Channel.EMAIL) {
            throw new IllegalArgumentException("unattended intake is for the web form and the mailbox, not " + cmd.channel());
        }
        if (cmd.customerId() != null) {
            throw new IllegalArgumentException("unattended intake cannot name a customer");
        }
        // the web form's caller is linked to the archive when exactly one customer has that phone (never a guess)
        CustomerCard matched = cmd.channel() == Channel.WEB_FORM
                ? customers.soleCustomerWithPhone(cmd.contactPhone()).orElse(null) : null;
        ServiceRequest r = write(prepare(cmd, matched), null, CurrentUsers.SYSTEM);
        return new ServiceDeskViews.Registered(r.getId(), r.getCode());
    }

    /**
     * A follow-up request of an earlier one, registered by the signed-in user on behalf of the CS department: the
     * customer, contact, location, type and field-service kind are the origin's (snapshot as the origin has them),
     * so the caller needs no reach into the customer archive; the request lands undispatched in the CS queue
     * (channel STAFF_REPORT) with its own SLA. For modules that already checked the user may act on a record made
     * from the origin request (field service: the team leader's open point becomes the customer's next request).
     * The origin is read without the caller's data scope; a missing origin is 404.
     */
    @Transactional
    public ServiceDeskViews.Registered registerFollowUp(long originRequestId, ServiceDeskCommands.FollowUpRequest cmd) {
        CurrentUser me = users.require();
        ServiceRequest origin = requests.findById(originRequestId)
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, originRequestId));
        if (cmd == null || blank(cmd.title()) == null) {
            throw new IllegalArgumentException("a follow-up request needs a title");
        }
        Priority priority = cmd.priority() == null ? Priority.NORMAL : cmd.priority();
        SlaPolicy policy = catalog.policyFor(origin.getRequestType(), origin.getCategoryId(), priority);
        var intake = new ServiceRequest.Intake(origin.getCustomerId(), origin.getCustomerName(), origin.getCustomerCode(),
                origin.isKeyCustomer(), firstGiven(cmd.contactName(), origin.getContactName()),
                firstGiven(cmd.contactPhone(), origin.getContactPhone()), firstGiven(cmd.location(), origin.getLocation()),
                origin.getUnitRoom(), origin.getRequestType(), origin.getFieldKind(), origin.getCategoryId(), false,
                cmd.title().trim(), blank(cmd.description()), Channel.STAFF_REPORT, priority, null, null);
        var targets = new ServiceRequest.Targets(policy.responseAmount(), policy.responseUnit(), policy.completionAmount(),
                policy.completionUnit());
        ServiceRequest.check(intake);
        ServiceRequest r = write(new Prepared(intake, targets, null), me.id(), me.displayName());
        return new ServiceDeskViews.Registered(r.getId(), r.getCode());
    }

    private static String firstGiven(String given, String fallback) {
        String g = blank(given);
        return g != null ? g : fallback;
    }

    /** What the intake looked up and checked before anything is written. */
    private record Prepared(ServiceRequest.Intake intake, ServiceRequest.Targets targets, String categoryName) {
    }

    /** The look-ups and checks of an intake; writes only a new customer registered on the spot. */
    private Prepared prepare(Register cmd) {
        return prepare(cmd, null);
    }

    /** {@code known}: the customer an unattended intake matched (the caller never names one). */
    private Prepared prepare(Register cmd, CustomerCard known) {
        CustomerCard customer = known;
        if (cmd.customerId() != null && cmd.newCustomer() != null) {
            throw new InvalidInputException("newCustomer", "either", Text.of("error.servicedesk.give-customerid-newcustomer-both"));
        }
        if (cmd.newCustomer() != null) {
            var n = cmd.newCustomer();
            customer = customers.registerOnTheSpot(n.name().trim(), n.kind(), blank(n.phone()), blank(n.project()),
                    blank(n.room()), Boolean.TRUE.equals(n.confirmDuplicate()));
        } else if (cmd.customerId() != null) {
            customer = customers.card(cmd.customerId()).orElseThrow(() -> new InvalidInputException("customerId", "exists",
                    Text.of("error.servicedesk.no-customer-0", cmd.customerId())));
            if (!customer.active()) {
                throw new InvalidInputException("customerId", "active", Text.of("error.servicedesk.customer-inactive", String.valueOf(cmd.customerId())));
            }
        } else if (customer == null && blank(cmd.contactName()) == null
                || (blank(cmd.contactPhone()) == null && cmd.channel() != Channel.EMAIL)) {
            throw new InvalidInputException("customerId", "required",
                    Text.of("error.servicedesk.choose-customer-give-contact"));
        }
        Category category = null;
        if (cmd.categoryId() != null) {
            category = catalog.category(cmd.categoryId()).filter(Category::active).orElseThrow(() ->
                    new InvalidInputException("categoryId", "exists", Text.of("error.servicedesk.no-active-category-0", cmd.categoryId())));
        }
        Priority priority = cmd.priority() == null ? Priority.NORMAL : cmd.priority();
        SlaPolicy policy = catalog.policyFor(cmd.type(), cmd.categoryId(), priority);
        var intake = new ServiceRequest.Intake(customer == null ? null : customer.id(), customer == null ? blank(cmd.contactName()) : customer.name(),
                customer == null ? null : customer.code(), customer != null && customer.keyCustomer(),
                blank(cmd.contactName()), blank(cmd.contactPhone()), blank(cmd.location()),
                blank(cmd.unitRoom()) != null ? blank(cmd.unitRoom()) : customer == null ? null : customer.room(),
                cmd.type(), cmd.fieldKind(), cmd.categoryId(), category != null && category.callbackRequired(),
                cmd.title().trim(), blank(cmd.description()), cmd.channel(), priority, instant(cmd.appointmentStart()),
                instant(cmd.appointmentEnd()));
        var targets = new ServiceRequest.Targets(policy.responseAmount(), policy.responseUnit(), policy.completionAmount(),
                policy.completionUnit());
        ServiceRequest.check(intake);
        return new Prepared(intake, targets, category == null ? null : category.name());
    }

    /** The number, the request, its audit entry, the key-customer notice and the event: one transaction. */
    private ServiceRequest write(Prepared p, Long byId, String byName) {
        ServiceRequest r = ServiceRequest.register(numbers.next(RECORD_TYPE), p.intake(), p.targets(), byId, byName,
                sla(), now());
        // persist inserts the row at once (identity id for the audit entry and the event); its timeline rows go with
        // the commit's flush, so a group commit does not dirty-check the batch's earlier requests once per request
        requests.save(r);
        idempotency.created(INTAKE_PATH + "/" + r.getId());
        audit.created(r);
        if (r.isKeyCustomer()) {
            notifySupervisors(r, "texts.notify.sr-key-registered");
        }
        events.publishEvent(new ServiceRequestRegistered(r.getId(), r.getCode(), r.getRequestType(), r.getCustomerId(),
                r.isKeyCustomer(), r.getCustomerName(), r.getCustomerCode(), r.getTitle(), r.getDescription(),
                r.getRegisteredBy(), r.getRegisteredByName()));
        return r;
    }

    // ---- dispatch ----------------------------------------------------------------------------

    /** 派工. A key customer's request goes straight to the department's team leader when no one is named. */
    public Detail dispatch(long id, Dispatch cmd) {
        return change(id, cmd.version(), "DISPATCH", r -> {
            if (!staff.activeDepartment(cmd.departmentId())) {
                throw new InvalidInputException("departmentId", "exists", Text.of("error.servicedesk.no-active-department-0", cmd.departmentId()));
            }
            Long assignee = cmd.assigneeId();
            if (assignee == null && r.isKeyCustomer()) {
                assignee = staff.teamLeader(cmd.departmentId()).orElse(null);
            }
            Handler handler = assignee == null ? null : handlerIn(cmd.departmentId(), assignee);
            r.dispatch(cmd.departmentId(), handler, instant(cmd.internalDeadline()), actor(), now());
            if (handler != null) {
                notifyHandler(r, handler.id(), "texts.notify.sr-dispatched");
            }
            events.publishEvent(new ServiceRequestDispatched(r.getId(), r.getCode(), r.getRequestType(), r.getCustomerId(),
                    cmd.departmentId(), handler == null ? null : handler.id()));
        });
    }

    /**
     * 派工建议 for a request: {@code departmentId} if given (the dispatcher changed it), else the default department of
     * the request's category, with the handlers of that department.
     */
    @Transactional(readOnly = true)
    public ServiceDeskViews.DispatchSuggestion dispatchSuggestion(long id, Long departmentId) {
        ServiceRequest r = load(id);
        Long fromCategory = r.getCategoryId() == null ? null
                : catalog.category(r.getCategoryId()).map(Category::defaultDepartmentId).orElse(null);
        Long department = departmentId != null ? departmentId : fromCategory;
        String name = department == null ? null : staff.departmentName(department).orElseThrow(() ->
                new InvalidInputException("departmentId", "exists", Text.of("error.servicedesk.no-active-department", String.valueOf(departmentId))));
        return new ServiceDeskViews.DispatchSuggestion(department, name, departmentId == null && department != null,
                department == null ? List.of() : staff.handlers(department).stream()
                        .map(h -> new ServiceDeskViews.HandlerOption(h.id(), h.displayName(), h.senior())).toList());
    }

    public Detail reassign(long id, Reassign cmd) {
        return change(id, cmd.version(), "REASSIGN", r -> {
            if (r.getDepartmentId() == null) {
                r.reassign(null, null, null, actor(), now()); // refused by the state rule
            }
            Handler handler = handlerIn(r.getDepartmentId(), cmd.assigneeId());
            r.reassign(handler, instant(cmd.internalDeadline()), blank(cmd.reason()), actor(), now());
            notifyHandler(r, handler.id(), "texts.notify.sr-reassigned");
        });
    }

    public Detail handBack(long id, WithReason cmd) {
        return change(id, cmd.version(), "HAND_BACK", r -> r.handBack(blank(cmd.reason()), actor(), now()));
    }

    // ---- work --------------------------------------------------------------------------------

    public Detail start(long id, Step cmd) {
        return change(id, version(cmd), "START", r -> r.start(users.require().id(), actor(), now()));
    }

    public Detail pause(long id, Pause cmd) {
        return change(id, cmd.version(), "PAUSE", r -> r.pause(cmd.reason(), blank(cmd.note()), actor(), now()));
    }

    public Detail resume(long id, Step cmd) {
        return change(id, version(cmd), "RESUME", r -> r.resume(actor(), sla(), now()));
    }

    /** Completion; for a key customer the supervisors are asked for the callback that close waits for. */
    public Detail complete(long id, Complete cmd) {
        return change(id, cmd.version(), "COMPLETE", r -> {
            r.complete(blank(cmd.result()), actor(), now());
            if (r.isKeyCustomer()) {
                notifySupervisors(r, "texts.notify.sr-key-completed");
            }
        });
    }

    public Detail signOff(long id, SignOff cmd) {
        Signature signature = cmd.signatureImage() == null || cmd.signatureImage().isBlank() ? null
                : Signature.parse(cmd.signatureImage());
        return change(id, cmd.version(), "SIGN_OFF", r -> {
            r.signOff(cmd.name().trim(), instant(cmd.signedAt()), cmd.satisfied(), actor(), now());
            if (signature != null) {
                jdbc.sql("delete from service_request_signature where request_id = :id").param("id", id).update();
                jdbc.sql("""
                        insert into service_request_signature (request_id, content_type, image, signed_at)
                        values (:id, :type, :image, :at)""")
                        .param("id", id).param("type", signature.contentType()).param("image", signature.bytes())
                        .param("at", java.sql.Timestamp.from(now())).update();
            }
        });
    }

    // ---- callback and close ------------------------------------------------------------------

    /**
     * 回访: a supervisor's or manager's callback is what a key customer's request needs before close. Dissatisfied
     * or worse re-opens the request, or, with follow-up COMPLAINT, turns it into a complaint: the request is closed
     * as handed over and {@link ServiceRequestTurnedIntoComplaint} tells the complaint module. Either way
     * {@link ServiceRequestCalledBack} gives the callback module what it needs to keep the one record of this
     * callback; it does so in this transaction and links it back ({@link #linkCallbackRecord}).
     */
    public Detail callback(long id, Callback cmd) {
        CurrentUser me = users.require();
        boolean supervisor = "CS_SUPERVISOR".equals(me.position()) || "CS_MANAGER".equals(me.position());
        Satisfaction satisfaction = cmd.satisfaction();
        boolean complaint = satisfaction != null && satisfaction.unsatisfied()
                && cmd.followUp() == UnsatisfiedFollowUp.COMPLAINT;
        if (complaint && load(id).getCustomerId() == null) {
            // a complaint belongs to a customer archive (ISO 10002 record); the page explains and links there
            throw new InvalidInputException("followUp", "customer-required",
                    Text.of("error.servicedesk.customer-archive-required"));
        }
        int[] round = new int[1];
        change(id, cmd.version(), complaint ? "TURN_INTO_COMPLAINT" : "CALLBACK", r -> {
            round[0] = r.round(); // before an unsatisfied answer re-opens the work
            if (complaint) {
                r.turnIntoComplaint(satisfaction, blank(cmd.notes()), me.id(), supervisor, actor(), now());
                events.publishEvent(new ServiceRequestTurnedIntoComplaint(r.getId(), r.getCode(), r.getCustomerId(),
                        r.getCustomerName(), r.getCustomerCode(), r.isKeyCustomer(), r.getTitle(), r.getDescription(),
                        r.getCallbackNotes(), me.id(), actor()));
            } else {
                r.callback(satisfaction, blank(cmd.notes()), me.id(), supervisor, actor(), now());
            }
        });
        ServiceRequest r = load(id);
        events.publishEvent(new ServiceRequestCalledBack(r.getId(), r.getCode(), r.getRequestType(), r.getCustomerId(),
                r.getCustomerName(), round[0], r.getCallbackSatisfaction(), r.getCallbackNotes(),
                satisfaction != null && satisfaction.unsatisfied()
                        ? (complaint ? UnsatisfiedFollowUp.COMPLAINT : UnsatisfiedFollowUp.REOPEN) : null,
                me.id(), me.displayName(), r.getCallbackAt()));
        return detail(id);
    }

    /**
     * The callback module tells the desk the record it keeps of the request's latest callback (the one made at
     * {@code calledBackAt}); runs in the callback's transaction, idempotent.
     */
    public void linkCallbackRecord(long requestId, Instant calledBackAt, long recordId, String recordCode) {
        ServiceRequest r = requests.findById(requestId).orElseThrow(() -> new NotFoundException(RECORD_TYPE, requestId));
        Map<String, Object> before = r.auditState();
        if (r.linkCallbackRecord(calledBackAt, recordId, recordCode)) {
            requests.saveAndFlush(r);
            audit.changed(r, "CALLBACK_RECORD_LINKED", before);
        }
    }

    /**
     * The complaint module tells the desk which complaint a request became (hand-over of a COMPLAINT request or an
     * unsatisfied callback turned into a complaint); runs without a signed-in user, idempotent.
     */
    public void linkComplaint(long requestId, long complaintId, String complaintCode) {
        ServiceRequest r = requests.findById(requestId).orElseThrow(() -> new NotFoundException(RECORD_TYPE, requestId));
        Map<String, Object> before = r.auditState();
        if (r.linkComplaint(complaintId, complaintCode, CurrentUsers.SYSTEM, now())) {
            requests.saveAndFlush(r);
            audit.changed(r, "COMPLAINT_LINKED", before);
        }
    }

    /** 销单. */
    public Detail close(long id, Step cmd) {
        Detail closed = change(id, version(cmd), "CLOSE", r -> r.close(users.require().id(), actor(), now()));
        events.publishEvent(new ServiceRequestClosed(id, closed.code(), closed.type(), closed.customerId(),
                closed.reopenCount()));
        return closed;
    }

    public Detail reopen(long id, WithReason cmd) {
        return change(id, cmd.version(), "REOPEN", r -> r.reopen(blank(cmd.reason()), actor(), now()));
    }

    public Detail addNote(long id, AddNote cmd) {
        ServiceRequest r = load(id);
        r.requireOpen("add a note to");
        jdbc.sql("""
                insert into service_request_note (request_id, body, visible_to_customer, author, created_at)
                values (:id, :body, :visible, :author, :at)""")
                .param("id", id).param("body", cmd.body().trim()).param("visible", Boolean.TRUE.equals(cmd.visibleToCustomer()))
                .param("author", actor()).param("at", java.sql.Timestamp.from(now())).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "NOTE", List.of(new com.careloop.platform.FieldChange(
                Boolean.TRUE.equals(cmd.visibleToCustomer()) ? "note.visible" : "note.internal", null, cmd.body().trim())));
        return detail(id);
    }

    /** 领料. */
    public Detail addMaterial(long id, AddMaterial cmd) {
        ServiceRequest r = load(id);
        r.requireOpen("requisition material for");
        jdbc.sql("""
                insert into service_request_material (request_id, item, quantity, unit, requested_by, created_at)
                values (:id, :item, :qty, :unit, :by, :at)""")
                .param("id", id).param("item", cmd.item().trim()).param("qty", cmd.quantity())
                .param("unit", cmd.unit().trim()).param("by", actor()).param("at", java.sql.Timestamp.from(now())).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "MATERIAL", List.of(new com.careloop.platform.FieldChange("material",
                null, cmd.item().trim() + " × " + cmd.quantity().stripTrailingZeros().toPlainString() + " " + cmd.unit().trim())));
        return detail(id);
    }

    // ---- reads -------------------------------------------------------------------------------

    /**
     * The request page, read without the entity and outside a transaction (one round trip, issue 21 §2). The
     * handler it is dispatched to sees the caller's full phone even without {@code customer:view-sensitive} (they
     * must call back); that view is a sensitive one, so it is audited.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Detail detail(long id) {
        RequestPage.Content content = page.read(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        RequestFacts r = content.request();
        if (!users.require().scope().allows(r.departmentId(), r.assigneeId(), r.registeredBy())) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return answer(content);
    }

    /** The request page of a request the reader has reached (read within their scope, or just changed by them). */
    private Detail answer(RequestPage.Content content) {
        RequestFacts r = content.request();
        CurrentUser me = users.require();
        if (RequestPage.revealsPhoneToHandler(r, me)) {
            transactions.executeWithoutResult(s -> audit.record(RECORD_TYPE, String.valueOf(r.id()), "VIEW_SENSITIVE",
                    List.of(new com.careloop.platform.FieldChange("contactPhone", null, null))));
        }
        return page.answer(content, me, now());
    }

    /** The queue, newest first, keyset-paged, within the reader's data scope. */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String cursor, int limit) {
        return search(filter, null, cursor, limit);
    }

    /** The queue sorted by a column ({@code registeredAt}, {@code -dueAt}, …; default newest first), keyset-paged. */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String sort, String cursor, int limit) {
        return queries.search(filter, sort, cursor, limit, users.require(), now());
    }

    /** The live counters of the queue (mine, my department, unassigned, due soon, overdue, paused, key customers). */
    @Transactional(readOnly = true)
    public ServiceDeskViews.QueueCounts counts() {
        return queries.counts(users.require(), now());
    }

    /** Counts, on-time rates (维修及时率), handling times, re-open and first-contact rates, within the reader's scope. */
    @Transactional(readOnly = true)
    public List<ServiceDeskViews.StatisticsRow> statistics(ServiceDeskViews.GroupBy groupBy, Instant from, Instant to) {
        return statistics.statistics(groupBy, from, to, users.require());
    }

    /**
     * The public progress page's look-up, without a signed-in user: the request with number {@code code} if
     * {@code phone} is its contact phone or the phone of its (sole) customer, separators ignored; else empty,
     * the same for a wrong number and a wrong phone.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ServiceDeskViews.PublicProgress> publicProgress(String code, String phone) {
        String digits = digits(phone);
        if (code == null || digits.length() < 5) {
            return java.util.Optional.empty();
        }
        record Found(long id, RequestStatus status, String contactPhone, Long customerId) {
        }
        return jdbc.sql("select id, status, contact_phone, customer_id from service_request where code = :code")
                .param("code", code.trim().toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new Found(rs.getLong(1), RequestStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, Long.class)))
                .optional()
                .filter(f -> java.security.MessageDigest.isEqual(digits(f.contactPhone()).getBytes(), digits.getBytes())
                        || f.customerId() != null && customers.soleCustomerWithPhone(phone)
                                .filter(c -> c.id() == f.customerId()).isPresent())
                .map(f -> progress(f.id(), code.trim().toUpperCase(java.util.Locale.ROOT), f.status()));
    }

    /**
     * The public progress of one request, for its personal progress link (sent by SMS at intake); empty if the
     * request is gone.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ServiceDeskViews.PublicProgress> publicProgress(long requestId) {
        return jdbc.sql("select code, status from service_request where id = :id").param("id", requestId)
                .query((rs, n) -> progress(requestId, rs.getString(1), RequestStatus.valueOf(rs.getString(2))))
                .optional();
    }

    /** The contact phone given at intake (for the progress link by SMS), null when none. */
    @Transactional(readOnly = true)
    public String contactPhone(long requestId) {
        return jdbc.sql("select contact_phone from service_request where id = :id").param("id", requestId)
                .query(String.class).optional().orElse(null);
    }

    private ServiceDeskViews.PublicProgress progress(long id, String code, RequestStatus status) {
        return new ServiceDeskViews.PublicProgress(code, status,
                jdbc.sql("select kind, occurred_at from service_request_event where request_id = :id order by id")
                        .param("id", id)
                        .query((rs, n) -> new ServiceDeskViews.PublicStep(rs.getString(1), rs.getTimestamp(2).toInstant()))
                        .list());
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[\\s()+\\-]", "");
    }

    /** The request's number if the reader's scope reaches it (else 404); for sub-resources such as attachments. */
    @Transactional(readOnly = true)
    public String requireVisible(long id) {
        return load(id).getCode();
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return catalog.categories(false);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** One step: scope and version checked, the domain method applied, saved and audited in this transaction. */
    private Detail change(long id, Long version, String action, Consumer<ServiceRequest> step) {
        ServiceRequest r = load(id);
        audit.change(r, version, r.getVersion(), action, step, requests::saveAndFlush);
        // the actor's answer, even when the change took the request out of their scope (a department handing it back);
        // read from the rows just flushed, in this transaction
        return answer(page.read(id).orElseThrow());
    }

    /** The aggregate, if the reader's scope reaches it (department, handler or registrant); otherwise not found. */
    private ServiceRequest load(long id) {
        ServiceRequest r = requests.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        if (!users.require().scope().allows(r.getDepartmentId(), r.getAssigneeId(), r.getRegisteredBy())) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return r;
    }

    /** A handler must be an active member of the department (or one of its sub-departments). */
    private Handler handlerIn(long departmentId, long userId) {
        Staff.Member m = staff.member(userId).filter(Staff.Member::active).orElseThrow(() ->
                new InvalidInputException("assigneeId", "exists", Text.of("error.customer.no-active-user-0-2", userId)));
        if (m.departmentId() == null || !staff.tree(departmentId).contains(m.departmentId())) {
            throw new InvalidInputException("assigneeId", "in-department",
                    Text.of("error.servicedesk.assignee-not-in-department", String.valueOf(userId), String.valueOf(departmentId)));

        }
        return new Handler(m.id(), m.senior());
    }

    private void notifyHandler(ServiceRequest r, long handler, String titleCode) {
        notifications.notify(handler, Text.of(titleCode, r.getCode()),
                Text.of(r.isKeyCustomer() ? "texts.notify.sr-title-key" : "texts.notify.sr-title", r.getTitle()), link(r));
    }

    /** The key-customer path: the CS supervisors hear of the request at once and again when it is done. */
    private void notifySupervisors(ServiceRequest r, String titleCode) {
        for (long supervisor : staff.withPosition("CS_SUPERVISOR")) {
            notifications.notify(supervisor, Text.of(titleCode, r.getCode()),
                    Text.of(titleCode + ".body", r.getCustomerName(), r.getTitle()), link(r));
        }
    }

    static String link(ServiceRequest r) {
        return "/service-requests/" + r.getId();
    }

    private SlaClock sla() {
        return new SlaClock(calendars.standard(), properties.warnAt());
    }

    private String actor() {
        return users.actorName();
    }

    /** Millisecond precision, so what is computed in memory equals what the database gives back. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Long version(Step step) {
        return step == null ? null : step.version();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A signature image from a data URL, checked for type (PNG or JPEG, by its bytes) and size. */
    record Signature(String contentType, byte[] bytes) {

        static Signature parse(String dataUrl) {
            var m = java.util.regex.Pattern.compile("^data:(image/(?:png|jpeg));base64,(.+)$", java.util.regex.Pattern.DOTALL)
                    .matcher(dataUrl.trim());
            if (!m.matches()) {
                throw new InvalidInputException("signatureImage", "content-type",
                        Text.of("error.servicedesk.signature-png-jpeg-data"));
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("signatureImage", "base64", Text.of("error.servicedesk.invalid-base64-signature"));
            }
            if (bytes.length > MAX_SIGNATURE_BYTES) {
                throw new InvalidInputException("signatureImage", "size",
                        Text.of("error.servicedesk.signature-image-exceed-256"));
            }
            boolean png = bytes.length > 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
            boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
            if (m.group(1).equals("image/png") ? !png : !jpeg) {
                throw new InvalidInputException("signatureImage", "content-type",
                        Text.of("error.servicedesk.signature-s-bytes-are", m.group(1)));
            }
            return new Signature(m.group(1), bytes);
        }
    }
}
