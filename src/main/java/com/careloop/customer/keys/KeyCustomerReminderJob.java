package com.careloop.customer.keys;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning: if the current quarter's key-customer review is due and incomplete, tell the
 * approvers (once per quarter; see {@link KeyCustomerReviews#remindIfDue()}). One node runs it.
 */
@Component
class KeyCustomerReminderJob {

    private static final Logger log = LoggerFactory.getLogger(KeyCustomerReminderJob.class);

    private final KeyCustomerReviews reviews;

    KeyCustomerReminderJob(KeyCustomerReviews reviews) {
        this.reviews = reviews;
    }

    @Scheduled(cron = "${careloop.key-customers.reminder-cron:0 0 8 * * *}", zone = "${careloop.zone:Asia/Shanghai}")
    @SchedulerLock(name = "key-customer-review-reminder", lockAtMostFor = "PT10M")
    void remind() {
        int sent = reviews.remindIfDue();
        if (sent > 0) {
            log.info("Quarterly key-customer review reminder sent to {} approvers", sent);
        }
    }
}
