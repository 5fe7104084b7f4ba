package com.careloop.platform.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.Notifications;
import com.careloop.platform.PageLocale;
import com.careloop.platform.org.PlatformPermissions;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * From 1 November, while next year's holiday schedule is missing, tells everyone who may maintain the calendar
 * (calendar:manage) once per year: a row per year in {@code holiday_schedule_reminder} (its primary key keeps it to
 * one even if two nodes raced past the cluster lock). Each notification in its reader's language.
 */
@Component
class HolidayScheduleReminder {

    private static final Logger log = LoggerFactory.getLogger(HolidayScheduleReminder.class);

    private final HolidaySchedules schedules;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    HolidayScheduleReminder(HolidaySchedules schedules, Notifications notifications, JdbcClient jdbc,
                            MessageSource messages, Clock clock) {
        this.schedules = schedules;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(cron = "${careloop.calendar.reminder-cron:0 0 9 * * *}", zone = "${careloop.zone:Asia/Shanghai}")
    @SchedulerLock(name = "holiday-schedule-reminder", lockAtMostFor = "PT10M")
    void scheduled() {
        int sent = remindIfMissing();
        if (sent > 0) {
            log.info("Next year's holiday schedule is missing: {} calendar maintainers notified", sent);
        }
    }

    /** Notifies the calendar maintainers if next year's schedule is missing and they were not told this year. */
    @Transactional
    int remindIfMissing() {
        Integer year = schedules.missingNextYear();
        if (year == null) {
            return 0;
        }
        int claimed = jdbc.sql("""
                insert into holiday_schedule_reminder (cal_year, sent_at)
                select :y, :now where not exists (select 1 from holiday_schedule_reminder where cal_year = :y)""")
                .param("y", year).param("now", Timestamp.from(Instant.now(clock))).update();
        if (claimed == 0) {
            return 0;
        }
        record Maintainer(long id, String locale) {
        }
        List<Maintainer> maintainers = jdbc.sql("""
                select distinct u.id, u.locale from app_user u
                join user_role ur on ur.user_id = u.id
                join role_permission rp on rp.role_id = ur.role_id
                where u.active = true and rp.permission = :p""")
                .param("p", PlatformPermissions.CALENDAR_MANAGE)
                .query((rs, n) -> new Maintainer(rs.getLong(1), rs.getString(2))).list();
        for (Maintainer m : maintainers) {
            Locale locale = PageLocale.of(m.locale());
            // stored as codes: the bell and the e-mail render them in each reader's language
            notifications.notify(m.id(), com.careloop.platform.Text.of("calendar.schedule.missing.title", String.valueOf(year)),
                    com.careloop.platform.Text.of("calendar.schedule.missing.body", String.valueOf(year)), "/admin/calendar?year=" + year);
        }
        return maintainers.size();
    }
}
