package com.careloop.platform.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.careloop.platform.ApprovalCompleted;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalOutcome;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.ApprovalTaskDecided;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.platform.calendar.TimeUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval service: starts approvals on a chain's current version, resolves each opened task's approvers,
 * records decisions (the approval row locked while deciding: approvers of different tasks deciding at once both
 * succeed and one completes it; the same task decided twice → 409), audits every step,
 * publishes {@link ApprovalTaskDecided} for every decided task and {@link ApprovalCompleted} synchronously so the owning module commits its record with the outcome.
 */
@Service
@Transactional
class ApprovalService implements Approvals {

    static final String RECORD_TYPE = "approval";

    private final ApprovalRepository approvals;
    private final ApprovalTaskRepository tasks;
    private final ApprovalChains chains;
    private final Assignees assignees;
    private final CalendarService calendars;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TaskNotices notices;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    ApprovalService(ApprovalRepository approvals, ApprovalTaskRepository tasks, ApprovalChains chains,
                    Assignees assignees, CalendarService calendars, AuditTrail audit, CurrentUsers users,
                    ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, TaskNotices notices) {
        this.notices = notices;
        this.approvals = approvals;
        this.tasks = tasks;
        this.chains = chains;
        this.assignees = assignees;
        this.calendars = calendars;
        this.audit = audit;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deadlines in working days on the standard business calendar, reminder when 80 % of the time is used. */
    static Approval.Deadlines deadlines(BusinessCalendar calendar) {
        return (now, days) -> new Approval.Due(calendar.deadline(now, days, TimeUnit.WORKING_DAYS, List.of()),
                calendar.warnAt(now, days, TimeUnit.WORKING_DAYS, List.of(), now, 0.8));
    }

    @Override
    public long start(ApprovalSubject subject, String chainCode, Long requesterId) {
        return start(subject, chainCode, null, requesterId);
    }

    @Override
    public long start(ApprovalSubject subject, String chainCode, java.util.Set<String> aspects, Long requesterId) {
        if (approvals.findFirstBySubjectTypeAndSubjectIdAndStatus(subject.type(), subject.id(), Approval.Status.OPEN)
                .isPresent()) {
            throw DomainException.of("approvals.already-open", subject.number());
        }
        ApprovalChains.Chain chain = chains.find(chainCode).orElseThrow(() -> new InvalidInputException("chainCode",
                "unknown", Text.of("error.approvals.chain-unknown", chainCode)));
        List<ChainStages.Stage> stages = chain.stages();
        if (aspects != null) {
            stages = stages.stream().map(st -> new ChainStages.Stage(st.mode(), st.steps().stream()
                    .filter(step -> aspects.contains(step.aspect())).toList()))
                    .filter(st -> !st.steps().isEmpty()).toList();
            if (stages.isEmpty()) {
                throw new InvalidInputException("aspects", "not-in-chain", Text.of("error.approvals.no-step-for-aspects",
                        chainCode));
            }
        }
        String requesterName = requesterId == null ? CurrentUsers.SYSTEM : jdbc.sql(
                "select display_name from app_user where id = :id").param("id", requesterId).query(String.class)
                .optional().orElse(CurrentUsers.SYSTEM);
        Approval a = Approval.start(subject, chain.code(), chain.version(), stages, requesterId, requesterName,
                Instant.now(clock), deadlines(calendars.standard()));
        assignOpenTasks(a);
        approvals.saveAndFlush(a);
        audit.created(a);
        return a.getId();
    }

    @Override
    public void decide(long taskId, Long version, ApprovalDecision decision, String comment) {
        ApprovalTask found = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("approval-task", taskId));
        Approval a = locked(found.getApproval().getId(), found);
        ApprovalTask task = a.getTasks().stream().filter(t -> t.getId() == taskId).findFirst().orElseThrow();
        Versions.requireCurrentIfGiven(version, task.getVersion(), "approval-task", taskId);
        decide(a, task, decision, comment);
    }

    @Override
    public void decideOn(String subjectType, long subjectId, ApprovalDecision decision, String comment) {
        CurrentUser me = users.require();
        Approval a = locked(open(subjectType, subjectId).orElseThrow(() -> DomainException.of("approvals.none-open",
                subjectType + " " + subjectId)).getId());
        ApprovalTask task = a.openTasks().stream().filter(t -> t.isCandidate(me.id())).findFirst()
                .orElseThrow(() -> DomainException.of("approvals.not-assignee", a.getSubjectNumber()));
        decide(a, task, decision, comment);
    }

    private void decide(Approval a, ApprovalTask task, ApprovalDecision decision, String comment) {
        CurrentUser me = users.require();
        var before = a.auditState();
        Instant now = Instant.now(clock);
        Optional<ApprovalOutcome> outcome = a.decide(task, decision, comment, me.id(), me.displayName(), now,
                deadlines(calendars.standard()));
        assignOpenTasks(a);
        approvals.saveAndFlush(a);
        audit.changed(a, "DECIDE", before);
        events.publishEvent(new ApprovalTaskDecided(a.getId(), a.getSubjectType(), a.getSubjectId(), task.getId(),
                task.getStageNo(), task.getStepNo(), task.getAspectCode(), decision, task.getDecisionComment(),
                me.id(), me.displayName(), now));
        outcome.ifPresent(o -> events.publishEvent(new ApprovalCompleted(a.getId(), a.getSubjectType(),
                a.getSubjectId(), o, me.id(), me.displayName(), task.getDecisionComment(), now)));
    }

    @Override
    public void withdraw(String subjectType, long subjectId) {
        CurrentUser me = users.require();
        Approval a = locked(open(subjectType, subjectId).orElseThrow(() -> DomainException.of("approvals.none-open",
                subjectType + " " + subjectId)).getId());
        var before = a.auditState();
        Instant now = Instant.now(clock);
        ApprovalOutcome outcome = a.withdraw(me.id(), now);
        approvals.saveAndFlush(a);
        audit.changed(a, "WITHDRAW", before);
        events.publishEvent(new ApprovalCompleted(a.getId(), subjectType, subjectId, outcome, me.id(),
                me.displayName(), null, now));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOpen(String subjectType, long subjectId) {
        return open(subjectType, subjectId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> departmentsSigning(String chainCode, java.util.Set<String> aspects) {
        List<String> out = new ArrayList<>();
        chains.find(chainCode).ifPresent(chain -> chain.stages().forEach(stage -> stage.steps().forEach(step -> {
            if (aspects.contains(step.aspect()) && step.ref() != null && !step.ref().isBlank()
                    && (step.kind() == ChainStages.Kind.DEPARTMENT || step.kind() == ChainStages.Kind.DEPARTMENT_HEAD)
                    && !out.contains(step.ref())) {
                out.add(step.ref());
            }
        })));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApprovalTrailEntry> trail(String subjectType, long subjectId) {
        List<ApprovalTrailEntry> trail = new ArrayList<>();
        for (Approval a : approvals.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId)) {
            for (ApprovalTask t : a.getTasks()) {
                trail.add(new ApprovalTrailEntry(t.getId(), t.getStageNo() + 1,
                        assignees.label(t.getAssigneeKind(), t.getAssigneeRef(), a.getSubjectDepartmentId()), t.getAspectCode(),
                        t.getStatus().name(), t.getDecision(), t.getDecidedByName(), t.getDecidedAt(),
                        t.getDecisionComment(), t.getDueAt(), t.getDecidedBy()));
            }
        }
        return trail;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayDecide(long taskId, long userId) {
        return jdbc.sql("""
                select count(*) from approval_task t
                join approval a on a.id = t.approval_id
                join approval_task_candidate c on c.task_id = t.id
                where t.id = :task and c.user_id = :user and t.status = 'OPEN' and a.status = 'OPEN'
                and t.stage_no = a.current_stage""").param("task", taskId).param("user", userId)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean involves(String subjectType, long subjectId, long userId) {
        return jdbc.sql("""
                select count(*) from approval a
                join approval_task t on t.approval_id = a.id
                join approval_task_candidate c on c.task_id = t.id
                where a.subject_type = :type and a.subject_id = :id and c.user_id = :user""")
                .param("type", subjectType).param("id", subjectId).param("user", userId).query(Long.class).single() > 0;
    }

    /**
     * The approval re-read under a row lock (SELECT … FOR UPDATE, its tasks with it): decisions on one approval run one
     * after the other, each seeing the others' committed decisions. So two approvers deciding different tasks at the
     * same moment both succeed and exactly one of them completes the stage or the approval (one
     * {@link ApprovalCompleted}); the second decision of the same task finds it closed (409).
     */
    private Approval locked(long approvalId, Object... loaded) {
        jdbc.sql("select id from approval where id = :id for update").param("id", approvalId).query(Long.class).list();
        // what this transaction read before the lock may be stale: read the approval and its tasks again
        Approval cached = entityManager.find(Approval.class, approvalId);
        if (cached != null) {
            entityManager.detach(cached);
        }
        for (Object o : loaded) {
            if (entityManager.contains(o)) {
                entityManager.detach(o);
            }
        }
        return approvals.findById(approvalId).orElseThrow(() -> new NotFoundException(RECORD_TYPE, approvalId));
    }

    private Optional<Approval> open(String subjectType, long subjectId) {
        return approvals.findFirstBySubjectTypeAndSubjectIdAndStatus(subjectType, subjectId, Approval.Status.OPEN);
    }

    /** Resolves the approvers of the tasks that just opened (those without any yet) and tells them, once per task. */
    private void assignOpenTasks(Approval a) {
        for (ApprovalTask t : a.openTasks()) {
            if (t.getCandidates().isEmpty()) {
                t.assign(assignees.resolve(t.getAssigneeKind(), t.getAssigneeRef(), a.getSubjectDepartmentId()));
                notices.opened(a, t);
            }
        }
    }
}
