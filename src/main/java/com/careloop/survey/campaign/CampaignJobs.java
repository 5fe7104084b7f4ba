package com.careloop.survey.campaign;

import java.time.Clock;
import java.time.LocalDate;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.invite.SurveyCampaignProperties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The campaigns' jobs, once per cluster (ShedLock): when a campaign's deadline day is over and its response
 * rate is below the target, the supplementary round goes out (the same step as the page's button); and, when
 * {@code careloop.survey.reminder-days-before} is set, the reminder that many days before the deadline. Each
 * campaign is its own transaction; a campaign another node or a person already moved on is skipped (409).
 */
@Component
public class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);

    private final SurveyCampaigns campaigns;
    private final SurveyCampaignProperties settings;
    private final CareLoopProperties platform;
    private final Clock clock;

    CampaignJobs(SurveyCampaigns campaigns, SurveyCampaignProperties settings, CareLoopProperties platform, Clock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${careloop.survey.scan-interval:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "survey-campaign-deadline-scan", lockAtMostFor = "PT30M")
    public void scheduled() {
        run(LocalDate.now(clock.withZone(platform.zone())));
    }

    /** Runs the jobs for {@code today}; returns how many supplementary rounds went out. */
    public int run(LocalDate today) {
        int rounds = 0;
        for (long id : campaigns.dueForSupplementary(today)) {
            try {
                if (campaigns.belowTarget(id)) {
                    campaigns.supplementaryRound(id, null);
                    rounds++;
                    log.info("Survey campaign {}: deadline passed below target, supplementary round sent", id);
                }
            } catch (DomainException e) {
                log.info("Survey campaign {}: supplementary round skipped: {}", id, e.getMessage());
            }
        }
        if (settings.reminderDaysBefore() > 0) {
            for (long id : campaigns.dueForReminder(today, settings.reminderDaysBefore())) {
                try {
                    campaigns.remind(id, null);
                } catch (DomainException e) {
                    log.info("Survey campaign {}: reminder skipped: {}", id, e.getMessage());
                }
            }
        }
        return rounds;
    }
}
