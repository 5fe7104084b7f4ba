package com.careloop.servicedesk.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Text;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.Pause;
import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.PauseReason;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.request.RequestEvent.Kind;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import static com.careloop.servicedesk.RequestStatus.CALLED_BACK;
import static com.careloop.servicedesk.RequestStatus.CLOSED;
import static com.careloop.servicedesk.RequestStatus.COMPLETED;
import static com.careloop.servicedesk.RequestStatus.DISPATCHED;
import static com.careloop.servicedesk.RequestStatus.IN_PROGRESS;
import static com.careloop.servicedesk.RequestStatus.PAUSED;
import static com.careloop.servicedesk.RequestStatus.REGISTERED;
import static com.careloop.servicedesk.RequestStatus.SIGNED_OFF;

/**
 * A service request (报事/工单): the procedure of the CS center readable as named steps. Each step
 * checks the current state and refuses what the procedure forbids; every hop and step is a timeline
 * row, every stop of the SLA clock a pause row, so the record and its clock can be audited.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest implements Auditable {

    /** What the intake captured; the customer's name, code and key mark are a snapshot at intake. */
    public record Intake(Long customerId, String customerName, String customerCode, boolean keyCustomer,
                         String contactName, String contactPhone, String location, String unitRoom, RequestType type,
                         FieldServiceKind fieldKind, Long categoryId, boolean callbackRequired, String title,
                         String description, Channel channel, Priority priority, Instant appointmentStart,
                         Instant appointmentEnd) {
    }

    /** The SLA targets resolved from the policies at intake; a null completion amount means no completion target. */
    public record Targets(int responseAmount, TimeUnit responseUnit, Integer completionAmount, TimeUnit completionUnit) {
    }

    /** The handler a hop goes to, with what the rules need to know of them. */
    public record Handler(long id, boolean senior) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private Long customerId;
    private String customerName;
    private String customerCode;
    private boolean keyCustomer;
    private String contactName;
    private String contactPhone;
    /** The phone's digits and their last four (indexed, V60): the queue and the global search find a caller by them. */
    private String contactPhoneDigits;
    private String contactPhoneTail;
    private String location;
    private String unitRoom;
    @Enumerated(EnumType.STRING)
    private RequestType requestType;
    @Enumerated(EnumType.STRING)
    private FieldServiceKind fieldKind;
    private Long categoryId;
    private boolean callbackRequired;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    private Instant appointmentStart;
    private Instant appointmentEnd;
    private Long departmentId;
    private Long assigneeId;
    private Instant internalDueAt;
    private Long registeredBy;
    private String registeredByName;
    private Instant registeredAt;
    private Instant respondedAt;
    private Instant completedAt;
    private String result;
    private String signOffName;
    private Instant signOffAt;
    private Boolean signOffSatisfied;
    @Enumerated(EnumType.STRING)
    private Satisfaction callbackSatisfaction;
    private String callbackNotes;
    private Long callbackBy;
    private boolean callbackBySupervisor;
    private Instant callbackAt;
    /** The callback record (回访记录, owned by the callback module) of the latest callback, told by that module. */
    private Long callbackRecordId;
    private String callbackRecordCode;
    private Instant closedAt;
    private Long closedBy;
    private int reopenCount;
    /** Hand-backs and re-assignments: a request handed on is not resolved at first contact. */
    private int handoverCount;
    private Instant turnedIntoComplaintAt;
    private Long complaintId;
    private String complaintCode;
    private int responseAmount;
    @Enumerated(EnumType.STRING)
    private TimeUnit responseUnit;
    private Integer completionAmount;
    @Enumerated(EnumType.STRING)
    private TimeUnit completionUnit;
    private Instant responseDueAt;
    private Instant responseWarnAt;
    private Instant completionDueAt;
    private Instant completionWarnAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<RequestEvent> events = new ArrayList<>();
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<RequestPause> pauses = new ArrayList<>();

    protected ServiceRequest() {
    }

    /** The intake's own rules (appointment slot, field-service kind), checked before anything is numbered. */
    public static void check(Intake in) {
        if (in.type() == RequestType.BOOKED_REPAIR && (in.appointmentStart() == null || in.appointmentEnd() == null)) {
            throw new InvalidInputException("appointmentStart", "required",
                    Text.of("error.servicedesk.booked-repair-needs-appointment"));
        }
        if (in.appointmentStart() != null && in.appointmentEnd() != null && !in.appointmentEnd().isAfter(in.appointmentStart())) {
            throw new InvalidInputException("appointmentEnd", "after-start", Text.of("error.servicedesk.slot-end-after-starts"));
        }
        if (in.type() == RequestType.FIELD_SERVICE && in.fieldKind() == null) {
            throw new InvalidInputException("fieldKind", "required",
                    Text.of("error.servicedesk.field-service-needs-kind"));
        }
    }

    /** Intake at the center: the SLA clock starts now. */
    public static ServiceRequest register(String code, Intake in, Targets targets, Long registeredBy,
                                          String registeredByName, SlaClock clock, Instant now) {
        check(in);
        ServiceRequest r = new ServiceRequest();
        r.code = code;
        r.customerId = in.customerId();
        r.customerName = in.customerName();
        r.customerCode = in.customerCode();
        r.keyCustomer = in.keyCustomer();
        r.contactName = in.contactName();
        r.contactPhone = in.contactPhone();
        r.contactPhoneDigits = in.contactPhone() == null ? null : in.contactPhone().replaceAll("[\\s\\-+()]", "");
        r.contactPhoneTail = r.contactPhoneDigits == null || r.contactPhoneDigits.length() < 4 ? null
                : r.contactPhoneDigits.substring(r.contactPhoneDigits.length() - 4);
        r.location = in.location();
        r.unitRoom = in.unitRoom();
        r.requestType = in.type();
        r.fieldKind = in.type() == RequestType.FIELD_SERVICE ? in.fieldKind() : null;
        r.categoryId = in.categoryId();
        r.callbackRequired = in.callbackRequired();
        r.title = in.title();
        r.description = in.description();
        r.channel = in.channel();
        r.priority = in.priority() == null ? Priority.NORMAL : in.priority();
        r.appointmentStart = in.appointmentStart();
        r.appointmentEnd = in.appointmentEnd();
        r.status = REGISTERED;
        r.registeredBy = registeredBy;
        r.registeredByName = registeredByName;
        r.registeredAt = now;
        r.responseAmount = targets.responseAmount();
        r.responseUnit = targets.responseUnit();
        r.completionAmount = targets.completionAmount();
        r.completionUnit = targets.completionAmount() == null ? null : targets.completionUnit();
        r.createdAt = now;
        r.updatedAt = now;
        r.recomputeDeadlines(clock, now);
        r.event(Kind.REGISTERED, registeredByName, now, null);
        return r;
    }

    // ---- dispatch (派工) ----------------------------------------------------------------------

    /** The center dispatches to a department and optionally a person; a key customer's request needs a senior handler. */
    public void dispatch(long department, Handler handler, Instant internalDue, String actor, Instant now) {
        requireState("dispatch", REGISTERED);
        requireHandlerForKeyCustomer(handler);
        this.departmentId = department;
        this.assigneeId = handler == null ? null : handler.id();
        this.internalDueAt = internalDue;
        this.status = DISPATCHED;
        event(Kind.DISPATCHED, actor, now, null);
    }

    /** The department re-assigns inside itself. */
    public void reassign(Handler handler, Instant internalDue, String reason, String actor, Instant now) {
        requireState("reassign", DISPATCHED, IN_PROGRESS, PAUSED);
        if (handler == null) {
            throw new InvalidInputException("assigneeId", "required", Text.of("error.servicedesk.name-new-handler"));
        }
        requireHandlerForKeyCustomer(handler);
        this.assigneeId = handler.id();
        if (internalDue != null) {
            this.internalDueAt = internalDue;
        }
        handoverCount++;
        event(Kind.REASSIGNED, actor, now, literal(reason));
    }

    /** The department hands the request back to the center with a reason; the center dispatches again. */
    public void handBack(String reason, String actor, Instant now) {
        requireState("hand back", DISPATCHED, IN_PROGRESS);
        requireText("reason", reason, Text.of("error.servicedesk.hand-back-needs-reason"));
        handoverCount++;
        event(Kind.HANDED_BACK, actor, now, literal(reason));
        this.departmentId = null;
        this.assigneeId = null;
        this.internalDueAt = null;
        this.status = REGISTERED;
    }

    // ---- work --------------------------------------------------------------------------------

    /** The handler starts work: the first start is the response of the SLA. */
    public void start(long actorId, String actor, Instant now) {
        requireState("start work", DISPATCHED);
        if (assigneeId == null) {
            assigneeId = actorId;
        }
        if (respondedAt == null) {
            respondedAt = now;
        }
        status = IN_PROGRESS;
        event(Kind.STARTED, actor, now, null);
    }

    /** Stops the clock while waiting for the customer or a third party; reason and text are mandatory. */
    public void pause(PauseReason reason, String note, String actor, Instant now) {
        requireState("pause", IN_PROGRESS);
        if (reason == null) {
            throw new InvalidInputException("reason", "required", Text.of("error.servicedesk.pause-needs-reason"));
        }
        requireText("note", note, Text.of("error.servicedesk.pause-needs-explanation"));
        pauses.add(new RequestPause(this, reason, note, now, actor));
        status = PAUSED;
        event(Kind.PAUSED, actor, now, Text.of("texts.labelled", Text.label("sr.pauseReason", reason), note));
    }

    /** Restarts the clock; the deadlines move by the paused counted time. */
    public void resume(String actor, SlaClock clock, Instant now) {
        requireState("resume", PAUSED);
        pauses.stream().filter(RequestPause::isOpen).forEach(p -> p.end(now, actor));
        status = IN_PROGRESS;
        recomputeDeadlines(clock, now);
        event(Kind.RESUMED, actor, now, null);
    }

    public void complete(String result, String actor, Instant now) {
        requireState("complete", IN_PROGRESS);
        requireText("result", result, Text.of("error.servicedesk.completion-needs-result"));
        this.result = result;
        this.completedAt = now;
        status = COMPLETED;
        event(Kind.COMPLETED, actor, now, literal(result));
    }

    /** The customer signs off the completed work. */
    public void signOff(String name, Instant signedAt, boolean satisfied, String actor, Instant now) {
        requireState("sign off", COMPLETED);
        requireText("name", name, Text.of("error.servicedesk.sign-off-needs-customer"));
        this.signOffName = name;
        this.signOffAt = signedAt == null ? now : signedAt;
        this.signOffSatisfied = satisfied;
        status = SIGNED_OFF;
        event(Kind.SIGNED_OFF, actor, now, Text.of("texts.sr.signed-off", name,
                Text.label("satisfaction", satisfied ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED)));
    }

    // ---- callback and close (回访、销单) ---------------------------------------------------------

    /**
     * The center calls the customer back (one scale: {@link Satisfaction}). Dissatisfied or worse re-opens the
     * request; otherwise it is called back and may be closed (a close that waits for a satisfied callback needs
     * SATISFIED or better, see {@link #close}).
     */
    public void callback(Satisfaction satisfaction, String notes, long byUserId, boolean bySupervisor, String actor,
                         Instant now) {
        requireState("call back", COMPLETED, SIGNED_OFF);
        if (satisfaction == null) {
            throw new InvalidInputException("satisfaction", "required", Text.of("error.servicedesk.satisfaction-required"));
        }
        recordCallback(satisfaction, notes, byUserId, bySupervisor, actor, now);
        if (satisfaction.unsatisfied()) {
            reopen(labelled(Text.of("texts.sr.unsatisfied-callback"), notes), actor, now);
        } else {
            status = CALLED_BACK;
        }
    }

    private void recordCallback(Satisfaction satisfaction, String notes, long byUserId, boolean bySupervisor,
                                String actor, Instant now) {
        this.callbackSatisfaction = satisfaction;
        this.callbackNotes = notes;
        this.callbackBy = byUserId;
        this.callbackBySupervisor = bySupervisor;
        this.callbackAt = now;
        this.callbackRecordId = null;
        this.callbackRecordCode = null;
        event(Kind.CALLED_BACK, actor, now, labelled(Text.label("satisfaction", satisfaction), notes));
    }

    /**
     * The callback record the callback module keeps of the latest callback ({@code calledBackAt} names which one);
     * a repeat or a record of an earlier callback is a no-op.
     */
    public boolean linkCallbackRecord(Instant calledBackAt, long recordId, String recordCode) {
        if (callbackAt == null || !callbackAt.equals(calledBackAt) || Long.valueOf(recordId).equals(callbackRecordId)) {
            return false;
        }
        this.callbackRecordId = recordId;
        this.callbackRecordCode = recordCode;
        return true;
    }

    /** The round of the work a callback now is about: 1, and one more after each re-open. */
    public int round() {
        return reopenCount + 1;
    }

    /**
     * The other answer to an unsatisfied callback before close: the request becomes a complaint. The callback is
     * recorded, the request is counted as re-opened (re-open rate, no first-contact resolution) and closed as
     * handed to the complaint procedure (转投诉), which follows the customer from here. Refused for requests that
     * are themselves complaints (they already went to the complaint module at intake).
     */
    public void turnIntoComplaint(Satisfaction satisfaction, String notes, long byUserId, boolean bySupervisor,
                                  String actor, Instant now) {
        requireState("turn into a complaint", COMPLETED, SIGNED_OFF);
        if (requestType == com.careloop.servicedesk.RequestType.COMPLAINT) {
            throw new DomainException("service-request.already-complaint",
                    Text.of("error.servicedesk.complaint-request-was-handed"));
        }
        if (customerId == null) {
            throw new InvalidInputException("customerId", "required",
                    Text.of("error.servicedesk.request-without-customer-cannot"));
        }
        if (satisfaction == null || !satisfaction.unsatisfied()) {
            throw new InvalidInputException("satisfaction", "unsatisfied",
                    Text.of("error.servicedesk.only-dissatisfied-turns"));
        }
        recordCallback(satisfaction, notes, byUserId, bySupervisor, actor, now);
        reopenCount++;
        turnedIntoComplaintAt = now;
        closedAt = now;
        closedBy = byUserId;
        status = CLOSED;
        event(Kind.TURNED_INTO_COMPLAINT, actor, now, labelled(Text.of("texts.sr.turned-into-complaint"), notes));
    }

    /** The complaint this request became (told by the complaint module); once only, a repeat is a no-op. */
    public boolean linkComplaint(long complaintId, String complaintCode, String actor, Instant now) {
        if (this.complaintId != null) {
            return false;
        }
        this.complaintId = complaintId;
        this.complaintCode = complaintCode;
        event(Kind.COMPLAINT_LINKED, actor, now, literal(complaintCode));
        return true;
    }

    /** 销单: refused without the satisfied callback a key customer (by a supervisor) or the category requires. */
    public void close(long byUserId, String actor, Instant now) {
        requireState("close", COMPLETED, SIGNED_OFF, CALLED_BACK);
        boolean satisfied = callbackSatisfaction != null && callbackSatisfaction.satisfied();
        if (keyCustomer && !(satisfied && callbackBySupervisor)) {
            throw new DomainException("service-request.callback-required",
                    Text.of("error.servicedesk.key-callback-required"));
        }
        if (callbackRequired && !satisfied) {
            throw new DomainException("service-request.callback-required",
                    Text.of("error.servicedesk.callback-required"));
        }
        this.closedAt = now;
        this.closedBy = byUserId;
        status = CLOSED;
        event(Kind.CLOSED, actor, now, null);
    }

    /** Re-opens completed or closed work (unsatisfied customer); the history stays on the timeline and is counted. */
    public void reopen(String reason, String actor, Instant now) {
        requireText("reason", reason, Text.of("error.servicedesk.re-open-needs-reason"));
        reopen(Text.literal(reason), actor, now);
    }

    private void reopen(Text reason, String actor, Instant now) {
        requireState("re-open", COMPLETED, SIGNED_OFF, CALLED_BACK, CLOSED);
        reopenCount++;
        completedAt = null;
        signOffName = null;
        signOffAt = null;
        signOffSatisfied = null;
        if (callbackSatisfaction != null && !callbackSatisfaction.unsatisfied()) {
            callbackSatisfaction = null; // the next round needs its own callback
            callbackBySupervisor = false;
            callbackRecordId = null;
            callbackRecordCode = null;
        }
        closedAt = null;
        closedBy = null;
        status = departmentId != null ? DISPATCHED : REGISTERED;
        event(Kind.REOPENED, actor, now, reason);
    }

    /** Notes and materials may be added until the request is closed. */
    public void requireOpen(String step) {
        requireState(step, REGISTERED, DISPATCHED, IN_PROGRESS, PAUSED, COMPLETED, SIGNED_OFF, CALLED_BACK);
    }

    // ---- SLA ---------------------------------------------------------------------------------

    /** Deadlines and warning instants from intake, paused time excluded (an open pause counts until now). */
    void recomputeDeadlines(SlaClock clock, Instant now) {
        List<Pause> stops = pauses.stream().map(RequestPause::toPause).toList();
        // Pauses after the response (the first start) do not move the response deadline.
        List<Pause> beforeResponse = respondedAt == null ? stops
                : stops.stream().filter(p -> p.start().isBefore(respondedAt)).toList();
        responseDueAt = clock.deadline(registeredAt, responseAmount, responseUnit, beforeResponse, now);
        responseWarnAt = clock.warnAt(registeredAt, responseAmount, responseUnit, beforeResponse, now);
        if (completionAmount != null) {
            completionDueAt = clock.deadline(registeredAt, completionAmount, completionUnit, stops, now);
            completionWarnAt = clock.warnAt(registeredAt, completionAmount, completionUnit, stops, now);
        }
    }

    /** What the request page shows of this aggregate (the answer to an intake, built without reading it back). */
    public RequestFacts facts() {
        return new RequestFacts(id, code, customerId, customerName, customerCode, keyCustomer, contactName, contactPhone,
                location, unitRoom, requestType, fieldKind, categoryId, callbackRequired, title, description, channel,
                priority, status, appointmentStart, appointmentEnd, departmentId, assigneeId, internalDueAt,
                registeredBy, registeredByName, registeredAt, respondedAt, completedAt, result, signOffName, signOffAt,
                signOffSatisfied, callbackSatisfaction, callbackNotes, callbackBy, callbackBySupervisor, callbackAt,
                callbackRecordId, callbackRecordCode, closedAt, reopenCount, turnedIntoComplaintAt, complaintId,
                complaintCode, responseAmount, responseUnit, completionAmount, completionUnit, responseDueAt,
                responseWarnAt, completionDueAt, completionWarnAt, version);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void requireHandlerForKeyCustomer(Handler handler) {
        if (!keyCustomer) {
            return;
        }
        if (handler == null) {
            throw new DomainException("service-request.key-customer-handler",
                    Text.of("error.servicedesk.key-customer-s-request"));
        }
        if (!handler.senior()) {
            throw new DomainException("service-request.senior-required",
                    Text.of("error.servicedesk.senior-required", Text.Arg.user(handler.id())));
        }
    }

    private void requireState(String step, RequestStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("service-request.state", Text.of("error.servicedesk.state",
                    Text.label("sr.status", status), Text.label("texts.sr.step", step.replace(' ', '-'))), Map.of("status", status.name(), "step", step));
        }
    }

    private static void requireText(String field, String value, Text message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", message);
        }
    }

    private static Text literal(String typed) {
        return typed == null ? null : Text.literal(typed);
    }

    private static Text labelled(Text label, String notes) {
        return notes == null ? label : Text.of("texts.labelled", label, notes);
    }

    private void event(Kind kind, String actor, Instant at, Text reason) {
        events.add(new RequestEvent(this, kind, at, actor, departmentId, assigneeId, internalDueAt, reason));
        updatedAt = at;
    }

    static String label(RequestStatus s) {
        return switch (s) {
            case REGISTERED -> "已登记";
            case DISPATCHED -> "已派工";
            case IN_PROGRESS -> "处理中";
            case PAUSED -> "已暂停";
            case COMPLETED -> "已完工";
            case SIGNED_OFF -> "已签收";
            case CALLED_BACK -> "已回访";
            case CLOSED -> "已销单";
        };
    }

    @Override
    public String auditType() {
        return "service-request";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("customerId", customerId);
        s.put("type", requestType);
        s.put("categoryId", categoryId);
        s.put("title", title);
        s.put("channel", channel);
        s.put("priority", priority);
        s.put("status", status);
        s.put("departmentId", departmentId);
        s.put("assigneeId", assigneeId);
        s.put("internalDueAt", internalDueAt);
        s.put("respondedAt", respondedAt);
        s.put("completedAt", completedAt);
        s.put("result", result);
        s.put("signOffName", signOffName);
        s.put("callbackSatisfaction", callbackSatisfaction);
        s.put("callbackRecord", callbackRecordCode);
        s.put("closedAt", closedAt);
        s.put("reopenCount", reopenCount);
        s.put("complaintId", complaintId);
        s.put("responseDueAt", responseDueAt);
        s.put("completionDueAt", completionDueAt);
        return s;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public Long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public boolean isKeyCustomer() { return keyCustomer; }
    public RequestType getRequestType() { return requestType; }
    public Long getCategoryId() { return categoryId; }
    public String getTitle() { return title; }
    public RequestStatus getStatus() { return status; }
    public Long getDepartmentId() { return departmentId; }
    public Long getAssigneeId() { return assigneeId; }
    public Long getRegisteredBy() { return registeredBy; }
    public Instant getInternalDueAt() { return internalDueAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public Instant getResponseWarnAt() { return responseWarnAt; }
    public Instant getCompletionDueAt() { return completionDueAt; }
    public Instant getCompletionWarnAt() { return completionWarnAt; }
    public int getReopenCount() { return reopenCount; }
    public Instant getTurnedIntoComplaintAt() { return turnedIntoComplaintAt; }
    public Long getComplaintId() { return complaintId; }
    public String getComplaintCode() { return complaintCode; }
    public String getDescription() { return description; }
    public String getCustomerCode() { return customerCode; }
    public String getRegisteredByName() { return registeredByName; }
    public String getCallbackNotes() { return callbackNotes; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }
    public String getLocation() { return location; }
    public String getUnitRoom() { return unitRoom; }
    public FieldServiceKind getFieldKind() { return fieldKind; }
    public boolean isCallbackRequired() { return callbackRequired; }
    public Channel getChannel() { return channel; }
    public Priority getPriority() { return priority; }
    public Instant getAppointmentStart() { return appointmentStart; }
    public Instant getAppointmentEnd() { return appointmentEnd; }
    public String getResult() { return result; }
    public String getSignOffName() { return signOffName; }
    public Instant getSignOffAt() { return signOffAt; }
    public Boolean getSignOffSatisfied() { return signOffSatisfied; }
    public Long getCallbackBy() { return callbackBy; }
    public boolean isCallbackBySupervisor() { return callbackBySupervisor; }
    public Instant getCallbackAt() { return callbackAt; }
    public Instant getClosedAt() { return closedAt; }
    public int getResponseAmount() { return responseAmount; }
    public TimeUnit getResponseUnit() { return responseUnit; }
    public Integer getCompletionAmount() { return completionAmount; }
    public TimeUnit getCompletionUnit() { return completionUnit; }
    public long getVersion() { return version; }
    public List<RequestEvent> getEvents() { return events; }
    public List<RequestPause> getPauses() { return pauses; }
    public Satisfaction getCallbackSatisfaction() { return callbackSatisfaction; }
    public Long getCallbackRecordId() { return callbackRecordId; }
    public String getCallbackRecordCode() { return callbackRecordCode; }
}
