package com.careloop.callback.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.careloop.platform.Texts;
import com.careloop.callback.AssigneeRule;
import com.careloop.callback.CallbackCommands.Assign;
import com.careloop.callback.CallbackCommands.Cancel;
import com.careloop.callback.CallbackCommands.Complete;
import com.careloop.callback.CallbackCommands.CreateTask;
import com.careloop.callback.CallbackCommands.NotReached;
import com.careloop.callback.CallbackCommands.SavePlan;
import com.careloop.callback.CallbackCompleted;
import com.careloop.callback.CallbackMethod;
import com.careloop.callback.CallbackViews.Answer;
import com.careloop.callback.CallbackViews.Counters;
import com.careloop.callback.CallbackViews.Detail;
import com.careloop.callback.CallbackViews.Filter;
import com.careloop.callback.CallbackViews.Link;
import com.careloop.callback.CallbackViews.Page;
import com.careloop.callback.CallbackViews.Plan;
import com.careloop.callback.CallbackViews.Row;
import com.careloop.callback.CallbackViews.Tab;
import com.careloop.callback.CallbackViews.TimelineEntry;
import com.careloop.callback.FollowUp;
import com.careloop.callback.PlanKind;
import com.careloop.callback.ScheduleCallback;
import com.careloop.callback.TaskStatus;
import com.careloop.complaint.ComplaintChannel;
import com.careloop.complaint.ComplaintCommands;
import com.careloop.complaint.Complaints;
import com.careloop.customer.CustomerDirectory;
import com.careloop.customer.CustomerFacts;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.Versions;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceRequestCalledBack;
import com.careloop.servicedesk.UnsatisfiedFollowUp;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callback tasks' management service: generation (idempotent on the source key), the desk's steps each
 * in one transaction (task, timeline, audit entry and the follow-ups in other modules commit together), the
 * plans, and the reads of the desk and the task page.
 */
@Service
@Transactional
public class CallbackService {

    public static final String RECORD_TYPE = "callback-task";
    static final String SERVICE_REQUEST = "SERVICE_REQUEST";

    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() { };

    private final CallbackTaskRepository tasks;
    private final CallbackPlanRepository plans;
    private final CustomerFacts customerFacts;
    private final CustomerDirectory customers;
    private final ServiceDesk desk;
    private final Complaints complaints;
    private final CapaFollowUp capa;
    private final CalendarService calendars;
    private final CallbackProperties properties;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Texts texts;
    private final ZoneId zone;

    CallbackService(CallbackTaskRepository tasks, CallbackPlanRepository plans, CustomerFacts customerFacts,
                    CustomerDirectory customers, ServiceDesk desk, Complaints complaints, CapaFollowUp capa,
                    CalendarService calendars, CallbackProperties properties, RecordNumbers numbers, AuditTrail audit,
                    CurrentUsers users, ApplicationEventPublisher events, JdbcClient jdbc, JsonMapper json,
                    Clock clock, CareLoopProperties platform, Texts texts) {
        this.texts = texts;
        this.tasks = tasks;
        this.plans = plans;
        this.customerFacts = customerFacts;
        this.customers = customers;
        this.desk = desk;
        this.complaints = complaints;
        this.capa = capa;
        this.calendars = calendars;
        this.properties = properties;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- generation --------------------------------------------------------------------------

    /** What a generator asks for: one task per source key. */
    public record Generate(PlanKind kind, String sourceType, long sourceId, String sourceCode, long customerId,
                           LocalDate due, String reason, String halfYear, boolean onlyIfEnabled) {
    }

    /**
     * The task of a source, created once: an existing task with the same key (plan kind, source type, source id
     * [, half-year]) is returned as it is. Empty when the plan is disabled (for generated tasks) or the customer
     * is unknown.
     */
    public Optional<Long> generate(Generate g) {
        String key = CallbackRules.sourceKey(g.kind().name(), g.sourceType(), g.sourceId(), g.halfYear());
        Optional<Long> existing = tasks.findBySourceKey(key).map(CallbackTask::getId);
        if (existing.isPresent()) {
            return existing;
        }
        CallbackPlan plan = plan(g.kind());
        if (g.onlyIfEnabled() && !plan.isEnabled()) {
            return Optional.empty();
        }
        var facts = customerFacts.facts(g.customerId());
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        var f = facts.get();
        var origin = new CallbackTask.Origin(plan.getId(), plan.getKind(), plan.getRevision(), key, g.sourceType(),
                g.sourceId(), g.sourceCode(), g.reason(), f.id(), f.name(), f.code(), f.keyCustomer());
        Long assignee = assignee(plan, f.representativeId());
        CallbackTask t = CallbackTask.create(numbers.next(RECORD_TYPE), origin, g.due(), assignee, userName(assignee),
                plan.getMethod(), plan.getQuestions(), maxAttempts(plan), users.actorName(), now());
        tasks.saveAndFlush(t);
        audit.created(t);
        return Optional.of(t.getId());
    }

    /**
     * The one record of a callback made on the service request's page (回访 before close), in the desk's
     * transaction: the task of the request's round if the plan made one, else a task still open for the request
     * (generated after an earlier close, or due later), else a new task of the SERVICE_COMPLETED plan with the
     * round's source key — so the plan's generation at the close finds the round's callback done and creates
     * nothing. A repeat (the round's task already done) changes nothing. The desk is told the record.
     */
    public long recordRequestCallback(ServiceRequestCalledBack e) {
        String key = CallbackRules.sourceKey(PlanKind.SERVICE_COMPLETED.name(), SERVICE_REQUEST, e.requestId(),
                CallbackRules.round(e.round()));
        CallbackTask t = tasks.findBySourceKey(key).or(() -> openTaskOf(e.requestId())).orElse(null);
        if (t != null && !t.getStatus().isOpen()) {
            desk.linkCallbackRecord(e.requestId(), e.at(), t.getId(), t.getCode());
            return t.getId();
        }
        Map<String, Object> before = t == null ? null : t.auditState();
        if (t == null) {
            CallbackPlan plan = plan(PlanKind.SERVICE_COMPLETED);
            var facts = e.customerId() == null ? Optional.<CustomerFacts.Facts>empty() : customerFacts.facts(e.customerId());
            String name = facts.map(CustomerFacts.Facts::name).orElse(e.customerName() == null ? e.code() : e.customerName());
            var origin = new CallbackTask.Origin(plan.getId(), plan.getKind(), plan.getRevision(), key, SERVICE_REQUEST,
                    e.requestId(), e.code(), null, e.customerId(), name, // where it was made: a timeline kind, rendered
                    facts.map(CustomerFacts.Facts::code).orElse(null),
                    facts.map(CustomerFacts.Facts::keyCustomer).orElse(false));
            t = CallbackTask.create(numbers.next(RECORD_TYPE), origin, LocalDate.ofInstant(e.at(), zone), e.byId(),
                    e.byName(), CallbackMethod.PHONE, null, maxAttempts(plan), actor(), e.at());
        }
        t.recordFromRequestPage(e.satisfaction(), e.notes(), followUp(e.followUp()), e.round(), e.byId(), e.byName(),
                actor(), e.at());
        if (e.followUp() == UnsatisfiedFollowUp.REOPEN) {
            t.linkReopenedRequest(e.requestId(), e.code(), actor(), e.at());
        }
        tasks.saveAndFlush(t);
        if (before == null) {
            audit.created(t);
        } else {
            audit.changed(t, "RECORD_ON_REQUEST", before);
        }
        events.publishEvent(new CallbackCompleted(t.getId(), t.getCustomerId(), t.getSatisfaction(),
                t.getSourceType(), t.getSourceId(), t.getCode()));
        desk.linkCallbackRecord(e.requestId(), e.at(), t.getId(), t.getCode());
        return t.getId();
    }

    /** Whether the callback of this round of a request's work (or a later one) is already recorded. */
    @Transactional(readOnly = true)
    public boolean requestCallbackDone(long requestId, int round) {
        return jdbc.sql("""
                select count(*) from callback_task where source_type = :type and source_id = :id
                  and covers_round >= :round and status = 'DONE'""")
                .param("type", SERVICE_REQUEST).param("id", requestId).param("round", round)
                .query(Long.class).single() > 0;
    }

    private Optional<CallbackTask> openTaskOf(long requestId) {
        return jdbc.sql("""
                select id from callback_task where source_type = :type and source_id = :id and status = 'OPEN'
                order by due_date, id""").param("type", SERVICE_REQUEST).param("id", requestId)
                .query(Long.class).list().stream().findFirst().flatMap(tasks::findById);
    }

    private static FollowUp followUp(UnsatisfiedFollowUp f) {
        return f == null ? null : switch (f) {
            case REOPEN -> FollowUp.REOPEN_REQUEST;
            case COMPLAINT -> FollowUp.COMPLAINT;
        };
    }

    /** {@link com.careloop.callback.Callbacks#schedule}: a SCHEDULED task, once per source type and id. */
    public long schedule(ScheduleCallback cmd) {
        if (cmd.sourceType() == null || cmd.sourceType().isBlank()) {
            throw new InvalidInputException("sourceType", "required", Text.of("error.callback.sourcetype-required"));
        }
        if (cmd.due() == null) {
            throw new InvalidInputException("due", "required", Text.of("error.callback.due-date-required"));
        }
        return generate(new Generate(PlanKind.SCHEDULED, cmd.sourceType().trim(), cmd.sourceId(), cmd.sourceCode(),
                cmd.customerId(), cmd.due(), cmd.reason(), null, false))
                .orElseThrow(() -> new InvalidInputException("customerId", "exists", Text.of("error.servicedesk.no-customer-0", cmd.customerId())));
    }

    /** A task an agent creates for a customer they can see; assignee and method default to the MANUAL plan's. */
    public Detail createManual(CreateTask cmd) {
        var card = customers.card(cmd.customerId()).orElseThrow(() -> new InvalidInputException("customerId", "exists",
                Text.of("error.servicedesk.no-customer-0", cmd.customerId())));
        if (cmd.due().isBefore(today())) {
            throw new InvalidInputException("due", "future", Text.of("error.callback.due-date-cannot-past"));
        }
        CallbackPlan plan = plan(PlanKind.MANUAL);
        Long assignee = cmd.assigneeId() != null ? requireUser("assigneeId", cmd.assigneeId())
                : assignee(plan, card.representativeId());
        var origin = new CallbackTask.Origin(plan.getId(), plan.getKind(), plan.getRevision(), null, null, null, null,
                cmd.reason(), card.id(), card.name(), card.code(), card.keyCustomer());
        String questions = cmd.questions() == null || cmd.questions().isBlank() ? plan.getQuestions()
                : CallbackPlan.questionsText(cmd.questions());
        CallbackTask t = CallbackTask.create(numbers.next(RECORD_TYPE), origin, cmd.due(), assignee, userName(assignee),
                cmd.method() == null ? plan.getMethod() : cmd.method(), questions, maxAttempts(plan), actor(), now());
        tasks.saveAndFlush(t);
        audit.created(t);
        return detail(t.getId());
    }

    // ---- steps -------------------------------------------------------------------------------

    /** A try that did not reach the customer; the next try the next working day, or UNREACHABLE after the last. */
    public Detail notReached(long id, NotReached cmd) {
        return change(id, cmd == null ? null : cmd.version(), "NOT_REACHED", t -> t.notReached(
                cmd == null ? null : cmd.note(), CallbackRules.nextTry(today(), calendar()), actor(), now()));
    }

    /**
     * Reached: the outcome, then the follow-ups in the same transaction — the source request re-opened, a
     * complaint (channel CALLBACK) or a CAPA for an unsatisfied customer, a new request for a new issue.
     */
    public Detail complete(long id, Complete cmd) {
        return change(id, cmd.version(), "COMPLETE", t -> {
            t.complete(cmd.satisfaction(), answersJson(t, cmd.answers()), cmd.notes(), cmd.followUp(), actor(), now());
            String note = followUpText(t, cmd);
            if (cmd.followUp() == FollowUp.REOPEN_REQUEST) {
                var reopened = desk.reopen(t.getSourceId(), new ServiceDeskCommands.WithReason(note, null));
                t.linkReopenedRequest(reopened.id(), reopened.code(), actor(), now());
            } else if (cmd.followUp() == FollowUp.COMPLAINT) {
                var c = complaints.receive(new ComplaintCommands.Receive(t.getCustomerId(), null, ComplaintChannel.CALLBACK,
                        null, null, note, null, null));
                t.linkComplaint(c.id(), c.code(), actor(), now());
            } else if (cmd.followUp() == FollowUp.CAPA) {
                var opened = capa.open(t, note);
                t.linkCapa(opened.id(), opened.code(), actor(), now());
            }
            if (cmd.newIssue() != null && !cmd.newIssue().isBlank()) {
                var r = desk.register(new ServiceDeskCommands.Register(t.getCustomerId(), null, null, null, null, null,
                        cmd.newIssueType() == null ? RequestType.CONSULTATION : cmd.newIssueType(), null, null,
                        cmd.newIssue().trim(), "回访 / callback " + t.getCode()
                        + (cmd.newIssueDetail() == null || cmd.newIssueDetail().isBlank() ? "" : "\n" + cmd.newIssueDetail().trim()),
                        channel(t.getMethod()), null, null, null));
                t.linkNewRequest(r.id(), r.code(), actor(), now());
            }
            events.publishEvent(new CallbackCompleted(t.getId(), t.getCustomerId(), t.getSatisfaction(),
                    t.getSourceType(), t.getSourceId(), t.getCode()));
        });
    }

    public Detail cancel(long id, Cancel cmd) {
        return change(id, cmd.version(), "CANCEL", t -> t.cancel(cmd.reason(), actor(), now()));
    }

    public Detail assign(long id, Assign cmd) {
        long user = requireUser("assigneeId", cmd.assigneeId());
        return change(id, cmd.version(), "ASSIGN", t -> t.assign(user, userName(user), actor(), now()));
    }

    // ---- plans -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return plans.findAll().stream().sorted(java.util.Comparator.comparing(CallbackPlan::getKind))
                .map(this::planView).toList();
    }

    @Transactional(readOnly = true)
    public Plan planView(long id) {
        return planView(plans.findById(id).orElseThrow(() -> new NotFoundException("callback-plan", id)));
    }

    public Plan savePlan(long id, SavePlan cmd) {
        CallbackPlan p = plans.findById(id).orElseThrow(() -> new NotFoundException("callback-plan", id));
        Versions.requireCurrent(cmd.version(), p.getVersion(), "callback-plan", p.getKind());
        if (cmd.assigneeUserId() != null) {
            requireUser("assigneeUserId", cmd.assigneeUserId());
        }
        if (cmd.requestType() != null && !cmd.requestType().isBlank()) {
            try {
                RequestType.valueOf(cmd.requestType().trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("requestType", "enum", Text.of("error.callback.no-request-type-0", cmd.requestType()));
            }
        }
        var before = p.auditState();
        p.update(cmd, actor(), now());
        plans.saveAndFlush(p);
        audit.changed(p, "UPDATE", before);
        return planView(p);
    }

    Plan planView(CallbackPlan p) {
        return new Plan(p.getId(), p.getKind(), p.getName(), p.isEnabled(), p.getDays(), p.getRequestType(),
                p.getCategoryId(), p.getAssigneeRule(), p.getAssigneeUserId(), p.getAssigneePosition(), p.getMethod(),
                CallbackPlan.questionList(p.getQuestions()), maxAttempts(p), p.getRevision(), p.getVersion());
    }

    CallbackPlan plan(PlanKind kind) {
        return plans.findByKind(kind).orElseThrow(() -> new IllegalStateException("no callback plan " + kind));
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        CallbackTask t = load(id);
        List<String> questions = CallbackPlan.questionList(t.getQuestions());
        List<Answer> answers = t.getAnswers() == null ? List.of() : json.readValue(t.getAnswers(), ANSWERS);
        List<Link> links = new ArrayList<>();
        if (t.getSourceType() != null) {
            links.add(new Link("SOURCE", t.getSourceId(), t.getSourceCode(), sourceHref(t)));
        }
        if (t.getReopenedRequestId() != null) {
            links.add(new Link("REOPENED_REQUEST", t.getReopenedRequestId(), t.getReopenedRequestCode(),
                    "/service-requests/" + t.getReopenedRequestId()));
        }
        if (t.getComplaintId() != null) {
            links.add(new Link("COMPLAINT", t.getComplaintId(), t.getComplaintCode(), "/complaints/" + t.getComplaintId()));
        }
        if (t.getCapaId() != null) {
            links.add(new Link("CAPA", t.getCapaId(), t.getCapaCode(), "/capa/" + t.getCapaId()));
        }
        if (t.getNewRequestId() != null) {
            links.add(new Link("NEW_REQUEST", t.getNewRequestId(), t.getNewRequestCode(),
                    "/service-requests/" + t.getNewRequestId()));
        }
        List<TimelineEntry> timeline = t.getEvents().stream().map(e -> new TimelineEntry(e.getKind(),
                odt(e.getOccurredAt()), e.getActor(), texts.stored(e.getNoteText(), e.getNote()))).toList();
        return new Detail(t.getId(), t.getCode(), t.getVersion(), t.getPlanKind(), t.getPlanRevision(), t.getSourceType(),
                t.getSourceId(), t.getSourceCode(), texts.stored(t.getReason()), t.getCustomerId(), t.getCustomerName(),
                t.getCustomerCode(), t.isKeyCustomer(), t.getPlannedDue(), t.getDueDate(), t.getAssigneeId(),
                t.getAssigneeName(), t.getMethod(), questions, answers, t.getStatus(), t.getAttempts(),
                t.getMaxAttempts(), t.getSatisfaction(), t.getNotes(), t.getFollowUp(), t.getCancelReason(),
                odt(t.getCompletedAt()), t.getCompletedBy(),
                t.getStatus().isOpen() && t.getDueDate().isBefore(today()), links, timeline);
    }

    /** The desk's sortable columns (request key → SQL); ties broken by id. */
    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("t.code"),
            "customer", ListSort.Column.text("t.customer_name"),
            "dueDate", ListSort.Column.date("t.due_date"),
            "assignee", ListSort.Column.text("coalesce(t.assignee_name, '')"),
            "status", ListSort.Column.text("t.status"),
            "plan", ListSort.Column.text("t.plan_kind"));

    public Page search(Filter filter, String cursor, int limit) {
        return search(filter, null, cursor, limit);
    }

    /**
     * The desk: a tab (due today, overdue, mine, all open, all) and filters, sorted by a column (default: the due date,
     * the newest first on "all"), keyset-paged under that sort.
     */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String sort, String cursor, int limit) {
        Filter f = filter == null ? Filter.of(Tab.OPEN) : filter;
        Tab tab = f.tab() == null ? Tab.OPEN : f.tab();
        ListSort order = ListSort.parse(sort, SORTS, "t.id", tab == Tab.ALL ? "-id" : "dueDate");
        StringBuilder sql = new StringBuilder("""
                select id, code, plan_kind, customer_id, customer_name, key_customer, due_date, assignee_id,
                       assignee_name, method, status, attempts, max_attempts, satisfaction, source_code""")
                .append(order.selectColumn()).append(" from callback_task t where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        LocalDate today = today();
        if (tab != Tab.ALL) {
            sql.append(" and t.status = 'OPEN'");
        }
        if (tab == Tab.TODAY) {
            sql.append(" and t.due_date = :today");
            params.put("today", today);
        } else if (tab == Tab.OVERDUE) {
            sql.append(" and t.due_date < :today");
            params.put("today", today);
        } else if (tab == Tab.MINE) {
            sql.append(" and t.assignee_id = :me");
            params.put("me", users.require().id());
        }
        if (f.plan() != null) {
            sql.append(" and t.plan_kind = :plan");
            params.put("plan", f.plan().name());
        }
        if (f.assigneeId() != null) {
            sql.append(" and t.assignee_id = :assignee");
            params.put("assignee", f.assigneeId());
        }
        if (f.method() != null) {
            sql.append(" and t.method = :method");
            params.put("method", f.method().name());
        }
        if (f.status() != null) {
            sql.append(" and t.status = :status");
            params.put("status", f.status().name());
        }
        if (f.customerId() != null) {
            sql.append(" and t.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.plannedFrom() != null || f.plannedTo() != null) {
            sql.append(" and t.status <> 'CANCELLED'");
        }
        if (f.plannedFrom() != null) {
            sql.append(" and t.planned_due >= :plannedFrom");
            params.put("plannedFrom", f.plannedFrom());
        }
        if (f.plannedTo() != null) {
            sql.append(" and t.planned_due <= :plannedTo");
            params.put("plannedTo", f.plannedTo());
        }
        if (f.satisfaction() != null) {
            sql.append(" and t.satisfaction = :satisfaction");
            params.put("satisfaction", f.satisfaction().name());
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> {
            TaskStatus status = TaskStatus.valueOf(rs.getString(11));
            LocalDate due = rs.getObject(7, LocalDate.class);
            return new Row(rs.getLong(1), rs.getString(2), PlanKind.valueOf(rs.getString(3)), rs.getObject(4, Long.class),
                    rs.getString(5), rs.getBoolean(6), due, rs.getObject(8, Long.class), rs.getString(9),
                    CallbackMethod.valueOf(rs.getString(10)), status, rs.getInt(12), rs.getInt(13),
                    rs.getString(14) == null ? null : Satisfaction.valueOf(rs.getString(14)),
                    status.isOpen() && due.isBefore(today), rs.getString(15));
        })).list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    @Transactional(readOnly = true)
    public Counters counters() {
        LocalDate today = today();
        long me = users.require().id();
        return jdbc.sql("""
                select coalesce(sum(case when due_date = :today then 1 else 0 end), 0),
                       coalesce(sum(case when due_date < :today then 1 else 0 end), 0),
                       coalesce(sum(case when assignee_id = :me then 1 else 0 end), 0), count(*)
                from callback_task where status = 'OPEN'""").param("today", today).param("me", me)
                .query((rs, n) -> new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** Active users to assign tasks to: id and name. */
    @Transactional(readOnly = true)
    public Map<Long, String> assignableUsers() {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select id, display_name from org_user where active = true and username <> 'admin' order by id")
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Detail change(long id, Long version, String action, Consumer<CallbackTask> step) {
        CallbackTask t = load(id);
        audit.change(t, version, t.getVersion(), action, step, tasks::saveAndFlush);
        return detail(id);
    }

    private CallbackTask load(long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    /** The answers in the order of the task's questions; more answers than questions is refused. */
    private String answersJson(CallbackTask t, List<String> answers) {
        List<String> questions = CallbackPlan.questionList(t.getQuestions());
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() > questions.size()) {
            throw new InvalidInputException("answers", "size", "答案多于问题 / " + given.size() + " answers for "
                    + questions.size() + " questions");
        }
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String a = i < given.size() && given.get(i) != null && !given.get(i).isBlank() ? given.get(i).trim() : null;
            out.add(new Answer(questions.get(i), a));
        }
        return out.isEmpty() ? null : json.writeValueAsString(out);
    }

    private static String followUpText(CallbackTask t, Complete cmd) {
        StringBuilder s = new StringBuilder("回访不满意 / unsatisfied callback ").append(t.getCode()).append(" (")
                .append(cmd.satisfaction()).append(')');
        if (cmd.followUpNote() != null && !cmd.followUpNote().isBlank()) {
            s.append(": ").append(cmd.followUpNote().trim());
        } else if (cmd.notes() != null && !cmd.notes().isBlank()) {
            s.append(": ").append(cmd.notes().trim());
        }
        return s.length() > 2000 ? s.substring(0, 2000) : s.toString();
    }

    private static Channel channel(CallbackMethod method) {
        return switch (method) {
            case PHONE -> Channel.PHONE;
            case EMAIL -> Channel.EMAIL;
            default -> Channel.STAFF_REPORT;
        };
    }

    private static String sourceHref(CallbackTask t) {
        if (t.getSourceId() == null) {
            return null;
        }
        return switch (t.getSourceType()) {
            case "SERVICE_REQUEST" -> "/service-requests/" + t.getSourceId();
            case "COMPLAINT" -> "/complaints/" + t.getSourceId();
            case "CUSTOMER" -> "/customers/" + t.getSourceId();
            case "PURCHASE" -> "/customers/" + t.getCustomerId();
            default -> null;
        };
    }

    /** Representative (for that rule), then the plan's user, then the first active user of the plan's position. */
    Long assignee(CallbackPlan plan, Long representativeId) {
        List<Long> candidates = new ArrayList<>();
        if (plan.getAssigneeRule() == AssigneeRule.REPRESENTATIVE && representativeId != null) {
            candidates.add(representativeId);
        }
        if (plan.getAssigneeRule() != AssigneeRule.POSITION && plan.getAssigneeUserId() != null) {
            candidates.add(plan.getAssigneeUserId());
        }
        for (Long c : candidates) {
            if (activeUser(c)) {
                return c;
            }
        }
        if (plan.getAssigneePosition() != null) {
            Optional<Long> byPosition = jdbc.sql("select id from org_user where active = true and position = :p order by id")
                    .param("p", plan.getAssigneePosition()).query(Long.class).list().stream().findFirst();
            if (byPosition.isPresent()) {
                return byPosition.get();
            }
        }
        return plan.getAssigneeUserId() != null && activeUser(plan.getAssigneeUserId()) ? plan.getAssigneeUserId() : null;
    }

    private boolean activeUser(long id) {
        return jdbc.sql("select count(*) from org_user where id = :id and active = true").param("id", id)
                .query(Long.class).single() > 0;
    }

    private long requireUser(String field, long id) {
        if (!activeUser(id)) {
            throw new InvalidInputException(field, "exists", Text.of("error.callback.no-active-user-0", id));
        }
        return id;
    }

    String userName(Long id) {
        return id == null ? null : jdbc.sql("select display_name from org_user where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    int maxAttempts(CallbackPlan p) {
        return p.getMaxAttempts() == null ? properties.maxAttempts() : p.getMaxAttempts();
    }

    BusinessCalendar calendar() {
        return calendars.standard();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private String actor() {
        return users.actorName();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
    }
}
