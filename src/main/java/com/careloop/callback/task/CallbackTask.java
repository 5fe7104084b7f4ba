package com.careloop.callback.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Text;
import com.careloop.callback.CallbackMethod;
import com.careloop.callback.FollowUp;
import com.careloop.callback.PlanKind;
import com.careloop.callback.TaskStatus;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Satisfaction;

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

/**
 * A callback task (回访记录 HF2026-000123): due date, assignee, method, the plan's script questions, the
 * attempts, the outcome and satisfaction, and the follow-ups it led to. Each step checks the state and refuses
 * an out-of-order one (409 naming the state); every step is a timeline row.
 */
@Entity
@Table(name = "callback_task")
public class CallbackTask implements Auditable {

    /** Where the task comes from and for whom; the customer's name, code and key mark are a snapshot. */
    public record Origin(long planId, PlanKind planKind, int planRevision, String sourceKey, String sourceType,
                         Long sourceId, String sourceCode, String reason, Long customerId, String customerName,
                         String customerCode, boolean keyCustomer) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long planId;
    @Enumerated(EnumType.STRING)
    private PlanKind planKind;
    private int planRevision;
    private String sourceKey;
    private String sourceType;
    private Long sourceId;
    private String sourceCode;
    private String reason;
    /** Null for a request without a customer archive called back on its page. */
    private Long customerId;
    private String customerName;
    private String customerCode;
    private boolean keyCustomer;
    private LocalDate plannedDue;
    private LocalDate dueDate;
    private Long assigneeId;
    private String assigneeName;
    @Enumerated(EnumType.STRING)
    private CallbackMethod method;
    private String questions;
    private String answers;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    private int attempts;
    private int maxAttempts;
    private Instant lastAttemptAt;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private String notes;
    @Enumerated(EnumType.STRING)
    private FollowUp followUp;
    private Long reopenedRequestId;
    private String reopenedRequestCode;
    private Long complaintId;
    private String complaintCode;
    private Long capaId;
    private String capaCode;
    private Long newRequestId;
    private String newRequestCode;
    private String cancelReason;
    /** For a callback of a service request: the round of its work (1, +1 per re-open) this callback covers. */
    private Integer coversRound;
    private Instant completedAt;
    private String completedBy;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;
    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CallbackTaskEvent> events = new ArrayList<>();

    protected CallbackTask() {
    }

    public static CallbackTask create(String code, Origin origin, LocalDate due, Long assigneeId, String assigneeName,
                                      CallbackMethod method, String questions, int maxAttempts, String actor,
                                      Instant now) {
        if (due == null) {
            throw new InvalidInputException("due", "required", Text.of("error.callback.due-date-required"));
        }
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts", "min", Text.of("error.callback.max-attempts-least-1"));
        }
        CallbackTask t = new CallbackTask();
        t.code = code;
        t.planId = origin.planId();
        t.planKind = origin.planKind();
        t.planRevision = origin.planRevision();
        t.sourceKey = origin.sourceKey();
        t.sourceType = origin.sourceType();
        t.sourceId = origin.sourceId();
        t.sourceCode = origin.sourceCode();
        t.reason = blank(origin.reason());
        t.customerId = origin.customerId();
        t.customerName = origin.customerName();
        t.customerCode = origin.customerCode();
        t.keyCustomer = origin.keyCustomer();
        t.plannedDue = due;
        t.dueDate = due;
        t.assigneeId = assigneeId;
        t.assigneeName = assigneeName;
        t.method = method == null ? CallbackMethod.PHONE : method;
        t.questions = blank(questions);
        t.status = TaskStatus.OPEN;
        t.maxAttempts = maxAttempts;
        t.createdAt = now;
        t.createdBy = actor;
        // generated tasks keep their reason as a stored Text (JSON), a typed one as it is
        t.event("CREATED", actor, now, Text.fromJson(origin.reason()));
        return t;
    }

    // ---- steps -------------------------------------------------------------------------------

    /**
     * A try that did not reach the customer: one more attempt; the next try is {@code nextTry} (the next working
     * day), or after the last allowed attempt the task is UNREACHABLE.
     */
    public void notReached(String note, LocalDate nextTry, String actor, Instant now) {
        requireOpen("record an attempt on");
        attempts++;
        lastAttemptAt = now;
        if (attempts >= maxAttempts) {
            status = TaskStatus.UNREACHABLE;
            completedAt = now;
            completedBy = actor;
            event("UNREACHABLE", actor, now, Text.of(blank(note) == null ? "texts.callback.attempt" : "texts.callback.attempt-note",
                    attempts, maxAttempts, blank(note)));
            return;
        }
        dueDate = nextTry;
        event("NOT_REACHED", actor, now, Text.of(blank(note) == null ? "texts.callback.next-try" : "texts.callback.next-try-note",
                attempts, maxAttempts, nextTry, blank(note)));
    }

    /** Reached: satisfaction, answers (JSON), notes; DISSATISFIED or worse needs a follow-up choice. */
    public void complete(Satisfaction satisfaction, String answersJson, String notes, FollowUp followUp, String actor,
                         Instant now) {
        requireOpen("complete");
        if (satisfaction == null) {
            throw new InvalidInputException("satisfaction", "required", Text.of("error.callback.satisfaction-required"));
        }
        if (satisfaction.unsatisfied() && followUp == null) {
            throw new InvalidInputException("followUp", "required",
                    Text.of("error.callback.follow-up-required"));
        }
        if (followUp == FollowUp.REOPEN_REQUEST && !"SERVICE_REQUEST".equals(sourceType)) {
            throw new InvalidInputException("followUp", "source",
                    Text.of("error.callback.only-callback-service-request"));
        }
        attempts++;
        lastAttemptAt = now;
        this.satisfaction = satisfaction;
        this.answers = answersJson;
        this.notes = blank(notes);
        this.followUp = followUp;
        status = TaskStatus.DONE;
        completedAt = now;
        completedBy = actor;
        event("DONE", actor, now, this.notes == null ? Text.label("cb.satisfaction", satisfaction)
                : Text.of("texts.labelled", Text.label("cb.satisfaction", satisfaction), this.notes));
    }

    /**
     * The callback was made on the service request's page (回访 before close): this task becomes the one record of
     * it — the customer reached by {@code byName} at {@code at}, the satisfaction, notes and what a dissatisfied
     * answer did there (the desk already did it: nothing is followed up again). The caller becomes the assignee,
     * so the statistics count the callback for the agent who made it; {@code round} is the round of the request's
     * work it covers. Refused unless open, like every step.
     */
    public void recordFromRequestPage(Satisfaction satisfaction, String notes, FollowUp followUp, int round,
                                      Long byId, String byName, String actor, Instant at) {
        requireOpen("record a callback on");
        if (satisfaction == null) {
            throw new InvalidInputException("satisfaction", "required", Text.of("error.callback.satisfaction-required"));
        }
        if (!"SERVICE_REQUEST".equals(sourceType)) {
            throw new IllegalStateException("a request page's callback on task " + code + " of source " + sourceType);
        }
        attempts++;
        lastAttemptAt = at;
        this.satisfaction = satisfaction;
        this.notes = blank(notes);
        this.followUp = satisfaction.unsatisfied() ? followUp : null;
        this.coversRound = round;
        assigneeId = byId;
        assigneeName = byName;
        status = TaskStatus.DONE;
        completedAt = at;
        completedBy = actor;
        event("RECORDED_ON_REQUEST", actor, at, this.notes == null ? null : Text.literal(this.notes)); // the satisfaction is a field of its own
    }

    public void linkReopenedRequest(long id, String code, String actor, Instant now) {
        reopenedRequestId = id;
        reopenedRequestCode = code;
        event("REQUEST_REOPENED", actor, now, Text.literal(code));
    }

    public void linkComplaint(long id, String code, String actor, Instant now) {
        complaintId = id;
        complaintCode = code;
        event("COMPLAINT_OPENED", actor, now, Text.literal(code));
    }

    public void linkCapa(long id, String code, String actor, Instant now) {
        capaId = id;
        capaCode = code;
        event("CAPA_OPENED", actor, now, Text.literal(code));
    }

    public void linkNewRequest(long id, String code, String actor, Instant now) {
        newRequestId = id;
        newRequestCode = code;
        event("NEW_REQUEST", actor, now, Text.literal(code));
    }

    public void cancel(String reason, String actor, Instant now) {
        requireOpen("cancel");
        if (blank(reason) == null) {
            throw new InvalidInputException("reason", "required", Text.of("error.callback.reason-required"));
        }
        cancelReason = reason.trim();
        status = TaskStatus.CANCELLED;
        completedAt = now;
        completedBy = actor;
        event("CANCELLED", actor, now, cancelReason == null ? null : Text.literal(cancelReason));
    }

    public void assign(long userId, String userName, String actor, Instant now) {
        requireOpen("re-assign");
        assigneeId = userId;
        assigneeName = userName;
        event("ASSIGNED", actor, now, Text.literal(userName));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void requireOpen(String step) {
        if (status != TaskStatus.OPEN) {
            throw new DomainException("callback.state", Text.of("error.callback.task-state",
                    String.valueOf(status), step));

        }
    }

    private void event(String kind, String actor, Instant now, Text note) {
        events.add(new CallbackTaskEvent(this, kind, now, actor, note));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String auditType() {
        return "callback-task";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("plan", planKind);
        s.put("source", sourceCode);
        s.put("customerId", customerId);
        s.put("due", dueDate);
        s.put("assignee", assigneeName);
        s.put("method", method);
        s.put("status", status);
        s.put("attempts", attempts);
        s.put("satisfaction", satisfaction);
        s.put("notes", notes);
        s.put("followUp", followUp);
        s.put("reopenedRequest", reopenedRequestCode);
        s.put("complaint", complaintCode);
        s.put("capa", capaCode);
        s.put("newRequest", newRequestCode);
        s.put("cancelReason", cancelReason);
        s.put("coversRound", coversRound);
        return s;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getPlanId() { return planId; }
    public PlanKind getPlanKind() { return planKind; }
    public int getPlanRevision() { return planRevision; }
    public String getSourceKey() { return sourceKey; }
    public String getSourceType() { return sourceType; }
    public Long getSourceId() { return sourceId; }
    public String getSourceCode() { return sourceCode; }
    public String getReason() { return reason; }
    public Long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerCode() { return customerCode; }
    public boolean isKeyCustomer() { return keyCustomer; }
    public LocalDate getPlannedDue() { return plannedDue; }
    public LocalDate getDueDate() { return dueDate; }
    public Long getAssigneeId() { return assigneeId; }
    public String getAssigneeName() { return assigneeName; }
    public CallbackMethod getMethod() { return method; }
    public String getQuestions() { return questions; }
    public String getAnswers() { return answers; }
    public TaskStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public int getMaxAttempts() { return maxAttempts; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public String getNotes() { return notes; }
    public FollowUp getFollowUp() { return followUp; }
    public Long getReopenedRequestId() { return reopenedRequestId; }
    public String getReopenedRequestCode() { return reopenedRequestCode; }
    public Long getComplaintId() { return complaintId; }
    public String getComplaintCode() { return complaintCode; }
    public Long getCapaId() { return capaId; }
    public String getCapaCode() { return capaCode; }
    public Long getNewRequestId() { return newRequestId; }
    public String getNewRequestCode() { return newRequestCode; }
    public String getCancelReason() { return cancelReason; }
    public Integer getCoversRound() { return coversRound; }
    public Instant getCompletedAt() { return completedAt; }
    public String getCompletedBy() { return completedBy; }
    public long getVersion() { return version; }
    public List<CallbackTaskEvent> getEvents() { return events; }
}
