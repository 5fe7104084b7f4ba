package com.careloop.platform.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.FieldChange;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once per cluster (ShedLock) every few minutes: an open task past 80 % of its time reminds its approvers, an open
 * task past its deadline escalates to the heads of the approvers' departments (they become approvers too). In-app and
 * by mail ({@link Notifications}); each at most once per task — {@code reminded_at} / {@code escalated_at} are set in
 * the same transaction, and the task's version makes a racing second run fail instead of sending twice.
 */
@Component
class ApprovalDeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDeadlineJob.class);

    private final ApprovalTaskRepository tasks;
    private final Assignees assignees;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalDeadlineJob(ApprovalTaskRepository tasks, Assignees assignees, Notifications notifications,
                        AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.assignees = assignees;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${careloop.approvals.deadline-scan:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "approval-deadlines", lockAtMostFor = "PT10M")
    void scheduled() {
        int[] done = run();
        if (done[0] + done[1] > 0) {
            log.info("Approval deadlines: {} reminders, {} escalations", done[0], done[1]);
        }
    }

    /** Sends the due reminders and escalations; returns how many of each. */
    @Transactional
    int[] run() {
        Instant now = Instant.now(clock);
        int reminded = 0;
        int escalated = 0;
        for (ApprovalTask t : tasks.dueForReminder(now)) {
            t.reminded(now);
            Approval a = t.getApproval();
            for (long user : t.getCandidates()) {
                notifications.notify(user, Text.of("approvals.reminder.title", a.getSubjectNumber()),
                        Text.of("approvals.reminder.body", a.getSubjectTitle(), t.getDueAt()), "/approvals");
            }
            audit.record(ApprovalService.RECORD_TYPE, String.valueOf(a.getId()), "REMIND",
                    java.util.List.of(new FieldChange("task." + t.getId() + ".remindedAt", null, now.toString())));
            reminded++;
        }
        for (ApprovalTask t : tasks.dueForEscalation(now)) {
            Set<Long> heads = new HashSet<>(assignees.headsOf(t.getCandidates()));
            t.escalated(heads, now);
            Approval a = t.getApproval();
            for (long head : heads) {
                notifications.notify(head, Text.of("approvals.escalation.title", a.getSubjectNumber()),
                        Text.of("approvals.escalation.body", a.getSubjectTitle(), t.getDueAt()), "/approvals");
            }
            audit.record(ApprovalService.RECORD_TYPE, String.valueOf(a.getId()), "ESCALATE",
                    java.util.List.of(new FieldChange("task." + t.getId() + ".escalatedTo", null, heads.toString())));
            escalated++;
        }
        tasks.flush();
        return new int[] {reminded, escalated};
    }
}
