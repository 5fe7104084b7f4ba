package com.careloop.platform.approval;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells each approver of a task that just opened (first stage or a later one) about it: one notification per person
 * per task (in-app, and by mail after commit in the recipient's language), linking to the subject's page. Not to the
 * person whose own action opened it (they are looking at it), and nothing while the application is still starting:
 * start-up seeding — the demo company's year of reports, submitted and approved one after the other by
 * {@code ReportDemoData} before the application is ready — would otherwise send hundreds of notices for tasks that
 * are closed a moment later.
 */
@Component
class TaskNotices {

    private final Notifications notifications;
    private final CurrentUsers users;
    private volatile boolean ready;

    TaskNotices(Notifications notifications, CurrentUsers users) {
        this.notifications = notifications;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        ready = true;
    }

    /** Notifies the candidates of a task that has just been assigned; returns how many were notified. */
    int opened(Approval approval, ApprovalTask task) {
        if (!ready) {
            return 0;
        }
        Long actor = users.current().map(CurrentUser::id).orElse(null);
        Text title = Text.of("approvals.opened.title", approval.getSubjectNumber());
        Text body = Text.of("approvals.opened.body", approval.getSubjectTitle(),
                task.getAspectCode() == null ? Text.of("approvals.opened.no-aspect") : Text.of(task.getAspectCode()),
                task.getDueAt());
        String link = approval.getSubjectLink() == null ? "/approvals" : approval.getSubjectLink();
        int sent = 0;
        for (long user : task.getCandidates().stream().sorted().toList()) {
            if (actor == null || user != actor) {
                notifications.notify(user, title, body, link);
                sent++;
            }
        }
        return sent;
    }
}
