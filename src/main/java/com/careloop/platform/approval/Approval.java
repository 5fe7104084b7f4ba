package com.careloop.platform.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalOutcome;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.TextColumn;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * One approval of one subject on a snapshot of its chain: stage by stage, the steps of the current stage open as
 * tasks; a decision closes a task, completes its stage (ALL_OF: when no task of the stage is left open; ANY_OF: at the
 * first approval, the others are cancelled) and opens the next, until the last stage approves (APPROVED). Any
 * rejection ends it (REJECTED), and the requester may withdraw it (WITHDRAWN). Once ended, nothing more is decided.
 */
@Entity
@Table(name = "approval")
public class Approval implements Auditable {

    public enum Status { OPEN, APPROVED, REJECTED, WITHDRAWN }

    /** When a task opened now with a deadline of {@code days} working days is due, and when its 80 % reminder is. */
    public interface Deadlines {
        Due due(Instant now, int days);
    }

    public record Due(Instant dueAt, Instant remindAt) {
    }

    static final int MAX_COMMENT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String subjectType;
    private long subjectId;
    private String subjectNumber;
    @Convert(converter = TextColumn.class)
    private Text subjectTitle;
    private String subjectLink;
    private Long subjectDepartmentId;
    private String chainCode;
    private long chainVersion;
    private String stages;
    private int currentStage;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long requesterId;
    private String requesterName;
    private Instant startedAt;
    private Instant lastActionAt;
    private Instant completedAt;
    @OneToMany(mappedBy = "approval", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ApprovalTask> tasks = new ArrayList<>();
    @Version
    private long version;
    @Transient
    private List<ChainStages.Stage> parsed;

    protected Approval() {
    }

    /** A new approval of the subject on the chain's stages (snapshot), its first stage open. */
    static Approval start(ApprovalSubject subject, String chainCode, long chainVersion, List<ChainStages.Stage> stages,
                          Long requesterId, String requesterName, Instant now, Deadlines deadlines) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a chain without stages");
        }
        Approval a = new Approval();
        a.subjectType = subject.type();
        a.subjectId = subject.id();
        a.subjectNumber = subject.number();
        a.subjectTitle = subject.title() == null ? Text.literal(subject.number()) : subject.title();
        a.subjectLink = subject.link();
        a.subjectDepartmentId = subject.departmentId();
        a.chainCode = chainCode;
        a.chainVersion = chainVersion;
        a.stages = ChainStages.write(stages);
        a.parsed = List.copyOf(stages);
        a.status = Status.OPEN;
        a.requesterId = requesterId;
        a.requesterName = requesterName;
        a.startedAt = now;
        a.lastActionAt = now;
        a.openStage(0, now, deadlines);
        return a;
    }

    private void openStage(int stageNo, Instant now, Deadlines deadlines) {
        currentStage = stageNo;
        List<ChainStages.Step> steps = stages().get(stageNo).steps();
        for (int i = 0; i < steps.size(); i++) {
            Due due = deadlines.due(now, steps.get(i).deadlineDays());
            tasks.add(ApprovalTask.open(this, stageNo, i, steps.get(i), now, due.dueAt(), due.remindAt()));
        }
    }

    /**
     * A candidate of an open task of the current stage decides it. Returns the outcome when this decision ended the
     * approval. New tasks of a next stage are in {@link #openTasks()} without candidates: the service assigns them.
     */
    Optional<ApprovalOutcome> decide(ApprovalTask task, ApprovalDecision decision, String comment, long actorId,
                                     String actorName, Instant now, Deadlines deadlines) {
        requireOpen();
        if (!tasks.contains(task) || !task.isOpen() || task.getStageNo() != currentStage) {
            throw DomainException.of("approvals.task-closed", subjectNumber,
                    Text.label("approvals.task.status", task.getStatus()));
        }
        if (!task.isCandidate(actorId)) {
            throw DomainException.of("approvals.not-assignee", subjectNumber);
        }
        if (decision == null) {
            throw new InvalidInputException("decision", "required", Text.of("error.approvals.decision-required"));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision != ApprovalDecision.APPROVE && text == null) {
            throw new InvalidInputException("comment", "required", Text.of("error.approvals.comment-required",
                    Text.label("approvals.decision", decision)));
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "max-length", Text.of("error.approvals.comment-too-long",
                    String.valueOf(MAX_COMMENT)));
        }
        task.decided(decision, text, actorId, actorName, now);
        lastActionAt = now;
        if (decision == ApprovalDecision.REJECT) {
            return Optional.of(end(Status.REJECTED, now));
        }
        List<ApprovalTask> stageTasks = tasks.stream().filter(t -> t.getStageNo() == currentStage).toList();
        boolean stageDone = stages().get(currentStage).mode() == ChainStages.Mode.ANY_OF
                || stageTasks.stream().noneMatch(ApprovalTask::isOpen);
        if (!stageDone) {
            return Optional.empty();
        }
        stageTasks.forEach(ApprovalTask::cancel);
        if (currentStage + 1 < stages().size()) {
            openStage(currentStage + 1, now, deadlines);
            return Optional.empty();
        }
        return Optional.of(end(Status.APPROVED, now));
    }

    /** The requester takes the approval back. */
    ApprovalOutcome withdraw(Long actorId, Instant now) {
        requireOpen();
        if (actorId == null || !actorId.equals(requesterId)) {
            throw DomainException.of("approvals.not-requester", subjectNumber);
        }
        lastActionAt = now;
        return end(Status.WITHDRAWN, now);
    }

    private ApprovalOutcome end(Status outcome, Instant now) {
        tasks.forEach(ApprovalTask::cancel);
        status = outcome;
        completedAt = now;
        return ApprovalOutcome.valueOf(outcome.name());
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw DomainException.of("approvals.completed", subjectNumber, Text.label("approvals.status", status));
        }
    }

    List<ChainStages.Stage> stages() {
        if (parsed == null) {
            parsed = ChainStages.parse(stages);
        }
        return parsed;
    }

    public List<ApprovalTask> openTasks() {
        return tasks.stream().filter(ApprovalTask::isOpen).toList();
    }

    public List<ApprovalTask> getTasks() {
        return List.copyOf(tasks);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    @Override
    public String auditType() {
        return "approval";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subject", subjectType + ":" + subjectId);
        s.put("subjectNumber", subjectNumber);
        s.put("chain", chainCode + " v" + chainVersion);
        s.put("stage", currentStage);
        s.put("status", status);
        for (ApprovalTask t : tasks) {
            String k = "task." + t.getStageNo() + "." + t.getStepNo();
            s.put(k + ".status", t.getStatus());
            s.put(k + ".decision", t.getDecision());
            s.put(k + ".decidedBy", t.getDecidedByName());
            s.put(k + ".comment", t.getDecisionComment());
        }
        return s;
    }

    public Long getId() { return id; }
    public String getSubjectType() { return subjectType; }
    public long getSubjectId() { return subjectId; }
    public String getSubjectNumber() { return subjectNumber; }
    public Text getSubjectTitle() { return subjectTitle; }
    public String getSubjectLink() { return subjectLink; }
    public Long getSubjectDepartmentId() { return subjectDepartmentId; }
    public String getChainCode() { return chainCode; }
    public long getChainVersion() { return chainVersion; }
    public int getCurrentStage() { return currentStage; }
    public Status getStatus() { return status; }
    public Long getRequesterId() { return requesterId; }
    public String getRequesterName() { return requesterName; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public long getVersion() { return version; }
}
