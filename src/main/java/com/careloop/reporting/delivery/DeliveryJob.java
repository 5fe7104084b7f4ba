package com.careloop.reporting.delivery;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, on one node at a time (ShedLock): plan the report deliveries that are due and send them. The
 * lock saves the other nodes the work; correctness does not depend on it (see {@link ReportDeliveries} and
 * docs/adr/0013-report-delivery-on-shedlock-with-leased-rows.md). {@code careloop.report-delivery.cron=-} turns it off.
 */
@Component
class DeliveryJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final ReportDeliveries deliveries;
    private final Clock clock;

    DeliveryJob(ReportDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(cron = "${careloop.report-delivery.cron:0 * * * * *}", zone = "${careloop.zone:Asia/Shanghai}")
    @SchedulerLock(name = "report-delivery", lockAtMostFor = "PT15M", lockAtLeastFor = "PT15S")
    void run() {
        try {
            int sent = deliveries.runDue(clock.instant());
            if (sent > 0) {
                log.info("Report delivery: {} sent", sent);
            }
        } catch (RuntimeException e) {
            log.error("Report delivery run failed", e);
        }
    }
}
