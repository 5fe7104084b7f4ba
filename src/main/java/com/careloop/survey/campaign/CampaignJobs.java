package com.careloop.survey.campaign;

import java.time.Clock;
import java.time.LocalDate;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.Text;
import com.careloop.survey.SurveyCadence;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.SurveyPermissions;
import com.careloop.survey.invite.SurveyCampaignProperties;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaigns' jobs, once per cluster (ShedLock): when a campaign's deadline day is over and its response
 * rate is below the target, the supplementary round goes out (the same step as the page's button); and, when
 * {@code careloop.survey.reminder-days-before} is set, the reminder that many days before the deadline. Each
 * campaign is its own transaction; a campaign another node or a person already moved on is skipped (409). And the
 * procedure's survey frequency ({@link SurveyCadence}): near the end of a period with no questionnaire sent in it,
 * the people given {@code survey:run} (not the administrators) are told, once per period.
 */
@Component
public class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);

    private final SurveyCampaigns campaigns;
    private final SurveyCampaignProperties settings;
    private final CareLoopProperties platform;
    private final Clock clock;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OrgDirectory org;

    CampaignJobs(SurveyCampaigns campaigns, SurveyCampaignProperties settings, CareLoopProperties platform, Clock clock,
                 Notifications notifications, JdbcClient jdbc, TransactionTemplate transactions, OrgDirectory org) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.org = org;
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
        remindOfCadence(today, settings.surveyCadence());
        return rounds;
    }

    /**
     * When {@code today} is in the reminder days of a period of {@code cadence} and no invitation has been sent in
     * that period, tells the people given {@code survey:run} (once per period, whichever node comes first). Returns
     * whether they were told now.
     */
    public boolean remindOfCadence(LocalDate today, SurveyCadence cadence) {
        var due = cadence.reminderDue(today);
        if (due.isEmpty()) {
            return false;
        }
        SurveyCadence.Period period = due.get();
        long sent = jdbc.sql("select count(*) from survey_invitation where sent_at >= :from and sent_at < :to")
                .param("from", java.sql.Timestamp.from(period.first().atStartOfDay(platform.zone()).toInstant()))
                .param("to", java.sql.Timestamp.from(period.last().plusDays(1).atStartOfDay(platform.zone()).toInstant()))
                .query(Long.class).single();
        if (sent > 0) {
            return false;
        }
        try {
            Integer told = transactions.execute(s -> {
                jdbc.sql("insert into survey_cadence_alert (period_first, alerted_at) values (:first, :at)")
                        .param("first", java.sql.Date.valueOf(period.first()))
                        .param("at", java.sql.Timestamp.from(clock.instant())).update();
                // the people given survey:run, not the administrators (who hold every permission)
                var people = org.activeUsersGivenPermission(SurveyPermissions.RUN);
                people.forEach(u -> notifications.notify(u.id(),
                        Text.of("surveycampaign.cadence.title", period.first(), period.last()),
                        Text.of("surveycampaign.cadence.body", period.first(), period.last(), cadence.rule()),
                        "/surveys/campaigns/new"));
                return people.size();
            });
            log.info("Survey cadence: nothing sent from {} to {}; {} survey managers told", period.first(),
                    period.last(), told);
            return true;
        } catch (DuplicateKeyException alreadyTold) {
            return false;
        }
    }
}
