package com.careloop.fieldservice.visit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning, once per cluster: the owners of visit actions due today (or overdue, not yet reminded) are told. */
@Component
class VisitReminderJob {

    private static final Logger log = LoggerFactory.getLogger(VisitReminderJob.class);

    private final VisitReports reports;

    VisitReminderJob(VisitReports reports) {
        this.reports = reports;
    }

    @Scheduled(cron = "${careloop.visit-reports.reminder-cron:0 30 8 * * *}", zone = "${careloop.zone:Asia/Shanghai}")
    @SchedulerLock(name = "visit-action-reminder", lockAtMostFor = "PT10M")
    void remind() {
        int sent = reports.remindDue();
        if (sent > 0) {
            log.info("Visit action reminders sent: {}", sent);
        }
    }
}
