package com.careloop.contract.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.careloop.platform.CareLoopProperties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly month-end distribution (seed 002-A12): every morning it checks whether the previous month's
 * distribution is due (the first working day after the month on the business calendar has come, company time) and
 * makes it when the month has none yet; so it is made on that day, or on the next run after a missed one, and never
 * twice (the month is unique: a node racing another one finds it made).
 */
@Component
public class ContractDistributionJob {

    private static final Logger LOG = LoggerFactory.getLogger(ContractDistributionJob.class);

    private final ContractDistributions distributions;
    private final Clock clock;
    private final ZoneId zone;

    ContractDistributionJob(ContractDistributions distributions, Clock clock, CareLoopProperties platform) {
        this.distributions = distributions;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Scheduled(cron = "${careloop.contract.month-end.cron:0 10 8 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "contract-month-end-distribution", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** Makes the due month's distribution if it has none; its id when one was made now. */
    public Optional<Long> run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            Optional<Long> made = distributions.makeDue(today);
            made.ifPresent(id -> LOG.info("month-end contract distribution {} made on {}", id, today));
            return made;
        } catch (DuplicateKeyException racing) {
            return Optional.empty();
        }
    }
}
