package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.Text;
import com.careloop.property.CustomerDecision;
import com.careloop.property.ProblemKind;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer property problem report (顾客财产问题报告单): loss, damage, unsuitability or a quantity mismatch found at
 * an inspection or in use (stop, isolate, mark), reported to the customer; the customer's decision (repair, replace,
 * return, scrap, use as is) is recorded once; a CAPA may be opened from it once.
 */
@Entity
@Table(name = "customer_property_problem")
public class PropertyProblem implements Auditable {

    public static final String RECORD_TYPE = "customer-property-problem";
    public static final String REPORTED = "REPORTED";
    public static final String DECIDED = "DECIDED";
    /** The customer's decision was carried out (its task done). */
    public static final String CARRIED_OUT = "CARRIED_OUT";
    public static final String FOUND_AT_INSPECTION = "INSPECTION";
    public static final String FOUND_IN_USE = "IN_USE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long itemId;
    @Enumerated(EnumType.STRING)
    private ProblemKind kind;
    private String foundIn;
    private Long inspectionId;
    private String description;
    private String containment;
    private String status;
    private String reportedBy;
    private Instant reportedAt;
    @Enumerated(EnumType.STRING)
    private CustomerDecision decision;
    private String decisionNote;
    private LocalDate decidedOn;
    private String decisionRecordedBy;
    private LocalDate linkExpiresOn;
    private String decidedVia;
    private Long capaId;
    private String capaCode;
    private Long taskOwnerId;
    private String taskOwnerName;
    private LocalDate taskDueOn;
    private LocalDate taskDoneOn;
    private String taskDoneBy;
    private String taskDoneNote;
    private Instant taskDoneAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected PropertyProblem() {
    }

    public static PropertyProblem report(String code, long itemId, ProblemKind kind, Long inspectionId,
                                         String description, String containment, String actor, Instant now) {
        Check.required("kind", kind);
        PropertyProblem p = new PropertyProblem();
        p.code = code;
        p.itemId = itemId;
        p.kind = kind;
        p.inspectionId = inspectionId;
        p.foundIn = inspectionId == null ? FOUND_IN_USE : FOUND_AT_INSPECTION;
        p.description = Check.text("description", description, 2000);
        p.containment = Check.optional("containment", containment, 2000);
        p.status = REPORTED;
        p.reportedBy = actor;
        p.reportedAt = now;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** How a decision came: recorded by staff, or given by the customer through the personal link. */
    public static final String BY_STAFF = "STAFF";
    public static final String BY_LINK = "LINK";

    /** A personal link for the customer (a new one replaces the old); only while no decision is recorded. */
    public void issueLink(LocalDate expiresOn, Instant now) {
        requireReported();
        this.linkExpiresOn = expiresOn;
        this.updatedAt = now;
    }

    /** The customer's decision through the link (the platform's CustomerLinks has checked it is valid and unused). */
    public void decideByLink(CustomerDecision decision, String note, LocalDate today, String actor, Instant now) {
        decide(decision, note, null, today, actor, now);
        this.decidedVia = BY_LINK;
    }

    private void requireReported() {
        if (!REPORTED.equals(status)) {
            throw new DomainException("property.problem-decided", Text.of("error.property.problem-decided", code,
                    Text.label("property.enum.CustomerDecision", this.decision)));
        }
    }

    /** The customer's decision, recorded once (on a company day not in the future). */
    public void decide(CustomerDecision decision, String note, LocalDate on, LocalDate today, String actor,
                       Instant now) {
        requireReported();
        Check.required("decision", decision);
        this.decisionNote = Check.optional("note", note, 2000);
        this.decidedOn = on == null ? today : Check.notFuture("decidedOn", on, today);
        this.decision = decision;
        this.decidedVia = BY_STAFF;
        this.decisionRecordedBy = actor;
        this.status = DECIDED;
        this.updatedAt = now;
    }

    /**
     * Who carries out the customer's decision (repair, replace, return, scrap, use as is) and by when: set when the
     * decision is recorded and changed later while the task is open. Only a decided problem has a task (409), a due
     * day in the past is refused (422).
     */
    public void assignTask(Long ownerId, String ownerName, LocalDate dueOn, LocalDate today, Instant now) {
        requireTaskOpen();
        Check.required("dueOn", dueOn);
        if (dueOn.isBefore(today)) {
            throw new com.careloop.platform.InvalidInputException("dueOn", "not-in-past", Text.of(
                    "error.property.task-due-past", dueOn.toString(), today.toString()));
        }
        this.taskOwnerId = ownerId;
        this.taskOwnerName = ownerName;
        this.taskDueOn = dueOn;
        this.updatedAt = now;
    }

    /** The decision carried out: when (not in the future) and what was done (required), by whom; once. */
    public void completeTask(LocalDate doneOn, String note, String by, LocalDate today, Instant now) {
        requireTaskOpen();
        this.taskDoneNote = Check.text("note", note, 2000);
        this.taskDoneOn = doneOn == null ? today : Check.notFuture("doneOn", doneOn, today);
        this.taskDoneBy = by;
        this.taskDoneAt = now;
        this.status = CARRIED_OUT;
        this.updatedAt = now;
    }

    /** Open and past its due day. */
    public boolean taskOverdue(LocalDate today) {
        return DECIDED.equals(status) && taskDueOn != null && today.isAfter(taskDueOn);
    }

    private void requireTaskOpen() {
        if (!DECIDED.equals(status)) {
            throw new DomainException("property.task-state", Text.of("error.property.task-state", code,
                    Text.label("property.enum.problem", status)));
        }
    }

    public void capaOpened(long capaId, String capaCode, Instant now) {
        if (this.capaId != null) {
            throw new DomainException("property.problem-has-capa", Text.of("error.property.problem-has-capa", code,
                    this.capaCode));
        }
        this.capaId = capaId;
        this.capaCode = capaCode;
        this.updatedAt = now;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("itemId", itemId);
        m.put("kind", kind);
        m.put("foundIn", foundIn);
        m.put("description", description);
        m.put("containment", containment);
        m.put("status", status);
        m.put("decision", decision);
        m.put("decisionNote", decisionNote);
        m.put("decidedOn", decidedOn);
        m.put("capaCode", capaCode);
        m.put("decidedVia", decidedVia);
        m.put("linkExpiresOn", linkExpiresOn);
        m.put("taskOwner", taskOwnerName);
        m.put("taskDueOn", taskDueOn);
        m.put("taskDoneOn", taskDoneOn);
        m.put("taskDoneBy", taskDoneBy);
        m.put("taskDoneNote", taskDoneNote);
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getItemId() { return itemId; }
    public ProblemKind getKind() { return kind; }
    public String getFoundIn() { return foundIn; }
    public Long getInspectionId() { return inspectionId; }
    public String getDescription() { return description; }
    public String getContainment() { return containment; }
    public String getStatus() { return status; }
    public String getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public CustomerDecision getDecision() { return decision; }
    public String getDecisionNote() { return decisionNote; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public String getDecisionRecordedBy() { return decisionRecordedBy; }
    public LocalDate getLinkExpiresOn() { return linkExpiresOn; }
    public String getDecidedVia() { return decidedVia; }
    public Long getCapaId() { return capaId; }
    public Long getTaskOwnerId() { return taskOwnerId; }
    public String getTaskOwnerName() { return taskOwnerName; }
    public LocalDate getTaskDueOn() { return taskDueOn; }
    public LocalDate getTaskDoneOn() { return taskDoneOn; }
    public String getTaskDoneBy() { return taskDoneBy; }
    public String getTaskDoneNote() { return taskDoneNote; }
    public Instant getTaskDoneAt() { return taskDoneAt; }
    public String getCapaCode() { return capaCode; }
    public long getVersion() { return version; }
}
