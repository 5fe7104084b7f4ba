package com.careloop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14 §7: the shipped schedule, the import on the calendar page, the November warning and reminder. */
class HolidayScheduleApiTest extends ApiTestBase {

    @Autowired
    CalendarService calendars;
    @Autowired
    HolidaySchedules schedules;
    @Autowired
    CareLoopProperties properties;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    private long standard() {
        return calendars.calendars().stream().filter(c -> c.code().equals(CalendarService.STANDARD)).findFirst()
                .orElseThrow().id();
    }

    private Clock at(String localDateTime) {
        return Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), properties.zone()).toInstant(),
                properties.zone());
    }

    @Test
    void theShippedScheduleIsLoadedOnceAndRecorded() {
        long id = standard();
        assertThat(calendars.scheduleRecorded(id, 2026)).isTrue();
        long before = calendars.view(id).specialDays().stream().filter(d -> d.day().getYear() == 2026).count();
        schedules.loadShipped(id);
        assertThat(calendars.view(id).specialDays().stream().filter(d -> d.day().getYear() == 2026).count())
                .isEqualTo(before).isGreaterThanOrEqualTo(39);
    }

    @Test
    void fromTheFirstOfNovemberMaintainersAreToldOnceThatNextYearIsMissing() {
        jdbc.sql("delete from holiday_schedule_reminder where cal_year = 2027").update();
        var october = new HolidaySchedules(calendars, properties, at("2026-10-31T23:30:00"));
        var november = new HolidaySchedules(calendars, properties, at("2026-11-01T00:30:00"));
        assertThat(october.missingNextYear()).isNull();
        assertThat(november.missingNextYear()).isEqualTo(2027);
        assertThat(new HolidayScheduleReminder(october, notifications, jdbc, messages, at("2026-10-31T23:30:00"))
                .remindIfMissing()).isZero();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        long manager = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        var reminder = new HolidayScheduleReminder(november, notifications, jdbc, messages, at("2026-11-01T09:00:00"));
        assertThat(reminder.remindIfMissing()).isGreaterThanOrEqualTo(2);
        assertThat(reminder.remindIfMissing()).as("once per year").isZero();
        assertThat(titles(admin)).contains("2027 年节假日安排尚未导入");
        assertThat(titles(manager)).contains("2027 年节假日安排尚未导入");
        assertThat(titles(staff)).doesNotContain("2027 年节假日安排尚未导入");
    }

    private java.util.List<String> titles(long userId) {
        return jdbc.sql("select title from notification where recipient_id = :u").param("u", userId).query(String.class).list();
    }

    @Test
    void theBannerShowsToCalendarMaintainersOnlyWhileNextYearIsMissing() {
        PageSession manager = new PageSession(port);
        manager.login("manager", DEMO_PASSWORD);
        boolean missing = schedules.missingNextYear() != null;
        assertThat(manager.get("/?lang=en").body().contains("holiday-schedule-missing")).isEqualTo(missing);
        assertThat(manager.get("/admin/calendar").body().contains("holiday-schedule-missing")).isEqualTo(missing);
        PageSession staff = new PageSession(port);
        staff.login("staff", DEMO_PASSWORD);
        assertThat(staff.get("/").body()).doesNotContain("holiday-schedule-missing");
    }

    @Test
    void aYearIsImportedOnTheCalendarPageAllRowsOrNoneAndTheDeadlinesFollowIt() {
        long id = standard();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/admin/calendar?year=2031&lang=en");
        String bad = "date,kind,name\n2031-01-01,HOLIDAY,元旦\n2031-01-08,MAKEUP_WORKDAY,调休\n";
        var refused = s.postMultipart("/admin/calendar/" + id + "/import",
                new Multipart().field("year", "2031").file("file", "cn-2031.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).isEqualTo(302);
        String page = s.get("/admin/calendar?year=2031").body();
        assertThat(page).contains("import-errors", "Row 3, kind: a make-up working day falls on a Saturday or Sunday");
        assertThat(calendars.hasSchedule(id, 2031)).isFalse();

        String good = "date,kind,name\n2031-01-01,HOLIDAY,元旦\n2031-01-02,HOLIDAY,元旦\n2031-01-03,HOLIDAY,元旦\n"
                + "2031-01-04,MAKEUP_WORKDAY,元旦调休上班\n";
        var done = s.postMultipart("/admin/calendar/" + id + "/import",
                new Multipart().field("year", "2031").file("file", "cn-2031.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)));
        assertThat(done.location()).endsWith("/admin/calendar?year=2031");
        assertThat(s.get("/admin/calendar?year=2031").body()).contains("4 days imported", "元旦调休上班");
        assertThat(calendars.hasSchedule(id, 2031)).isTrue();
        assertThat(get("/api/v1/audit-events/calendar/" + id, tokenFor("admin")).json().valueStream()
                .map(e -> e.get("action").asString())).contains("IMPORT_SPECIAL_DAYS");
        // Tuesday 31 Dec 2030 17:00 + 1 working hour: 1–3 Jan are holidays, Saturday the 4th is worked
        var deadline = post("/api/v1/calendars/" + id + "/deadline", tokenFor("manager"),
                j("{'start':'2030-12-31T17:00:00+08:00','amount':1,'unit':'WORKING_HOURS'}"));
        assertThat(deadline.status()).as(deadline.body()).isEqualTo(200);
        assertThat(deadline.body()).contains("2031-01-04");
        // a second import replaces the year
        var again = s.postMultipart("/admin/calendar/" + id + "/import", new Multipart().field("year", "2031")
                .file("file", "cn-2031.csv", "text/csv", "2031-10-01,休,国庆节\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(again.status()).isEqualTo(302);
        assertThat(calendars.view(id).specialDays().stream().filter(d -> d.day().getYear() == 2031)).hasSize(1);
    }

    @Test
    void staffCannotImport() {
        PageSession s = new PageSession(port);
        s.login("staff", DEMO_PASSWORD);
        s.get("/");
        var r = s.postMultipart("/admin/calendar/" + standard() + "/import", new Multipart().field("year", "2032")
                .file("file", "x.csv", "text/csv", "2032-01-01,休,元旦\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(403);
        assertThat(calendars.hasSchedule(standard(), 2032)).isFalse();
    }
}
