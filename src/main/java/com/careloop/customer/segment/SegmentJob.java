package com.careloop.customer.segment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly segment recompute (recency changes every day even when revenue does not); one node runs it. */
@Component
class SegmentJob {

    private static final Logger log = LoggerFactory.getLogger(SegmentJob.class);

    private final SegmentService segments;

    SegmentJob(SegmentService segments) {
        this.segments = segments;
    }

    @Scheduled(cron = "${careloop.segments.recompute-cron:0 30 2 * * *}", zone = "${careloop.zone:Asia/Shanghai}")
    @SchedulerLock(name = "customer-segment-recompute", lockAtMostFor = "PT30M")
    void recompute() {
        var result = segments.recompute();
        log.info("Customer segments recomputed as of {}: {} customers, {} changed", result.asOf(), result.evaluated(),
                result.changed());
    }
}
