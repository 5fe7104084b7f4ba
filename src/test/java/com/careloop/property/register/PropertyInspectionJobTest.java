package com.careloop.property.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The six-monthly inspection job with an injected clock, on the real database (H2 and PostgreSQL): one task per item
 * per period for the owning department, a second run opens none, two runs at the same time (two nodes) open none
 * twice, the next period opens new ones, returned items get none, and an overdue task tells the head once.
 */
class PropertyInspectionJobTest extends ApiTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditTrail audit;
    @Autowired
    Notifications notifications;
    @Autowired
    CalendarService calendars;
    @Autowired
    CareLoopProperties platform;
    @Autowired
    com.careloop.platform.OrgDirectory directory;
    @Autowired
    PropertyItemRepository items;

    PropertyInspectionJob jobAt(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), SHANGHAI);
        return new PropertyInspectionJob(jdbc, tx, audit, notifications, calendars, new PropertyProperties(6, 20,
                "0 15 6 * * *", 2), clock, platform, directory);
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    List<Long> items(int n, long owner, LocalDate receivedOn) {
        List<Long> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                PropertyItem item = PropertyItem.register("JOB-" + System.nanoTime(), new PropertyItem.Receipt(
                        jdbc.sql("select min(id) from customer").query(Long.class).single(), "客户",
                        com.careloop.property.PropertyKind.TOOLING, "模具" + i, null, BigDecimal.ONE, "套", receivedOn,
                        "x", "钢印-" + i, null, owner, owner, owner, false, java.util.Set.of(), null), null, "test", receivedOn,
                        Instant.now());
                ids.add(items.saveAndFlush(item).getId());
            }
        });
        return ids;
    }

    long tasks(List<Long> ids, LocalDate period) {
        return jdbc.sql("select count(*) from customer_property_inspection where item_id in (:ids) and period_start = :p")
                .param("ids", ids).param("p", period).query(Long.class).single();
    }

    @Test
    void oneTaskPerItemPerPeriodForTheOwningDepartmentAndASecondRunOpensNone() {
        long eng = department("ENG");
        List<Long> ids = items(5, eng, LocalDate.of(2026, 12, 1));
        // 2027-01-04 09:00 in Shanghai: the period 2027-01-01
        PropertyInspectionJob.Run run = jobAt("2027-01-04T01:00:00Z").run();
        LocalDate period = LocalDate.of(2027, 1, 1);
        assertThat(run.periodStart()).isEqualTo(period);
        assertThat(tasks(ids, period)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from customer_property_inspection where item_id in (:ids)"
                + " and department_id = :d and status = 'OPEN'").param("ids", ids).param("d", eng)
                .query(Long.class).single()).isEqualTo(5);
        // 20 working days after 2027-01-04 on the business calendar, never a weekend
        assertThat(run.dueOn()).isAfter(LocalDate.of(2027, 1, 29));
        assertThat(run.dueOn().getDayOfWeek().getValue()).isLessThan(6);
        PropertyInspectionJob.Run again = jobAt("2027-01-20T01:00:00Z").run();
        assertThat(tasks(ids, period)).isEqualTo(5);
        assertThat(again.opened()).isZero();
        // the next period opens the next tasks
        jobAt("2027-07-02T01:00:00Z").run();
        assertThat(tasks(ids, LocalDate.of(2027, 7, 1))).isEqualTo(5);
    }

    @Test
    void twoRunsAtTheSameTimeOpenNoTaskTwice() throws Exception {
        List<Long> ids = items(7, department("QA"), LocalDate.of(2026, 11, 1));
        LocalDate period = LocalDate.of(2028, 1, 1);
        PropertyInspectionJob a = jobAt("2028-01-05T01:00:00Z");
        PropertyInspectionJob b = jobAt("2028-01-05T01:00:01Z");
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<PropertyInspectionJob.Run> ra = CompletableFuture.supplyAsync(() -> await(start, a));
        CompletableFuture<PropertyInspectionJob.Run> rb = CompletableFuture.supplyAsync(() -> await(start, b));
        int opened = ra.get().opened() + rb.get().opened();
        assertThat(tasks(ids, period)).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from customer_property_inspection where period_start = :p")
                .param("p", period).query(Long.class).single()).as("all held items, each once").isEqualTo(opened);
        assertThat(jdbc.sql("""
                select count(*) from (select item_id from customer_property_inspection where period_start = :p
                group by item_id having count(*) > 1) x""").param("p", period).query(Long.class).single()).isZero();
    }

    private static PropertyInspectionJob.Run await(CyclicBarrier start, PropertyInspectionJob job) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return job.run();
    }

    @Test
    void returnedItemsAndItemsNotYetReceivedGetNoTask() {
        long qa = department("QA");
        List<Long> ids = items(2, qa, LocalDate.of(2026, 12, 1));
        jdbc.sql("update customer_property set status = 'RETURNED' where id = :id").param("id", ids.get(0)).update();
        jdbc.sql("update customer_property set received_on = :d where id = :id").param("d", LocalDate.of(2029, 3, 1))
                .param("id", ids.get(1)).update();
        jobAt("2029-01-10T01:00:00Z").run();
        assertThat(tasks(ids, LocalDate.of(2029, 1, 1))).isZero();
    }

    @Test
    void anOverdueTaskTellsTheDepartmentHeadOnce() {
        long eng = department("ENG");
        long head = jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single();
        List<Long> ids = items(1, eng, LocalDate.of(2026, 12, 1));
        jobAt("2030-01-03T01:00:00Z").run();
        String link = "/customer-properties?inspectionDue=true&departmentId=" + eng;
        long before = jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", head).param("l", link).query(Long.class).single();
        PropertyInspectionJob.Run late = jobAt("2030-03-20T01:00:00Z").run();
        assertThat(late.escalated()).isPositive();
        assertThat(jdbc.sql("select escalated_at from customer_property_inspection where item_id = :i and period_start = :p")
                .param("i", ids.get(0)).param("p", LocalDate.of(2030, 1, 1)).query(Instant.class).single()).isNotNull();
        jobAt("2030-03-21T01:00:00Z").run();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", head).param("l", link).query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void theDepartmentIsRemindedOnceBeforeTheDueDay() {
        long qa = department("QA");
        long head = jdbc.sql("select id from app_user where department_id = :d and active = true order by id")
                .param("d", qa).query(Long.class).list().get(0);
        List<Long> ids = items(2, qa, LocalDate.of(2030, 12, 1));
        PropertyInspectionJob.Run opened = jobAt("2031-01-06T01:00:00Z").run();
        LocalDate due = opened.dueOn();
        String link = "/customer-properties/inspections?departmentId=" + qa;
        assertThat(reminded(ids)).as("not yet: the due day is weeks away").isZero();
        long before = jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", head).param("l", link).query(Long.class).single();
        // three days before the due day (within the 5 reminder days)
        PropertyInspectionJob.Run soon = jobAt(due.minusDays(3) + "T01:00:00Z").run();
        assertThat(soon.reminded()).isGreaterThanOrEqualTo(2);
        assertThat(reminded(ids)).isEqualTo(2);
        jobAt(due.minusDays(1) + "T01:00:00Z").run();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", head).param("l", link).query(Long.class).single()).as("reminded once").isEqualTo(before + 1);
    }

    long reminded(List<Long> ids) {
        return jdbc.sql("select count(*) from customer_property_inspection where item_id in (:ids)"
                + " and reminded_at is not null").param("ids", ids).query(Long.class).single();
    }

    @Autowired
    com.careloop.platform.Texts texts;

    PropertyInspectionJob jobAt(String instant, int confirmationReminderDays) {
        Clock clock = Clock.fixed(Instant.parse(instant), SHANGHAI);
        return new PropertyInspectionJob(jdbc, tx, audit, notifications, calendars, new PropertyProperties(6, 20,
                "0 15 6 * * *", 2).withConfirmationReminderDays(confirmationReminderDays), clock, platform, directory);
    }

    /** A copy acknowledgement of {@code kind} for {@code department}, asked for at {@code requestedAt} (V172). */
    long ack(long item, long department, String kind, Instant requestedAt) {
        long revision = jdbc.sql("""
                insert into customer_property_revision (item_id, revision, issued_on, received_on, recorded_by, recorded_at)
                values (:i, :r, date '2032-01-01', date '2032-01-01', 'test', :at)""").param("i", item)
                .param("r", "R" + System.nanoTime()).param("at", java.sql.Timestamp.from(requestedAt)).update() > 0
                ? jdbc.sql("select max(id) from customer_property_revision where item_id = :i").param("i", item)
                        .query(Long.class).single() : 0;
        jdbc.sql("""
                insert into customer_property_copy_ack (revision_id, item_id, kind, department_id, requested_at)
                values (:rev, :i, :k, :d, :at)""").param("rev", revision).param("i", item).param("k", kind)
                .param("d", department).param("at", java.sql.Timestamp.from(requestedAt)).update();
        return jdbc.sql("select max(id) from customer_property_copy_ack where revision_id = :rev").param("rev", revision)
                .query(Long.class).single();
    }

    long notified(long user, String link) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", user).param("l", link).query(Long.class).single();
    }

    @Test
    void anOpenCopyConfirmationIsRemindedOnceAfterTheDaysAndAConfirmedOneNever() {
        long dept = jdbc.sql("select id from department where code = 'SALES'").query(Long.class).optional()
                .orElseGet(() -> department("QA"));
        long member = jdbc.sql("select id from app_user where department_id = :d and active = true order by id")
                .param("d", dept).query(Long.class).list().get(0);
        long item = items(1, dept, LocalDate.of(2032, 1, 1)).get(0);
        Instant asked = Instant.parse("2032-02-01T02:00:00Z");
        long open = ack(item, dept, "RECEIPT", asked);
        long confirmed = ack(item, dept, "RETURN", asked);
        jdbc.sql("update customer_property_copy_ack set confirmed_at = :t, confirmed_by = 'x' where id = :id")
                .param("t", java.sql.Timestamp.from(asked.plusSeconds(3600))).param("id", confirmed).update();
        String link = "/customer-properties/confirmations?departmentId=" + dept;
        // acknowledgements other tests left open (asked for today, years before 2032) are reminded first
        jobAt("2032-02-01T01:00:00Z", 7).run();
        long before = notified(member, link);

        // six days later: not yet (7 days by default)
        assertThat(jobAt("2032-02-07T02:00:00Z", 7).run().confirmationsReminded()).isZero();
        assertThat(notified(member, link)).isEqualTo(before);
        // with 0 days configured: never
        assertThat(jobAt("2032-03-01T02:00:00Z", 0).run().confirmationsReminded()).isZero();
        // seven days later: the department's members are reminded, of the open one only
        PropertyInspectionJob.Run due = jobAt("2032-02-08T02:00:00Z", 7).run();
        assertThat(due.confirmationsReminded()).isEqualTo(1);
        assertThat(notified(member, link)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select reminded_at from customer_property_copy_ack where id = :id").param("id", open)
                .query(Instant.class).single()).isEqualTo(Instant.parse("2032-02-08T02:00:00Z"));
        assertThat(jdbc.sql("select count(*) from customer_property_copy_ack where id = :id and reminded_at is null")
                .param("id", confirmed).query(Long.class).single()).as("a confirmed one is never reminded").isEqualTo(1);
        // the next days, and a second node at the same time: never twice
        assertThat(jobAt("2032-02-08T02:00:00Z", 7).run().confirmationsReminded()).isZero();
        assertThat(jobAt("2032-02-20T02:00:00Z", 7).run().confirmationsReminded()).isZero();
        assertThat(notified(member, link)).as("reminded once").isEqualTo(before + 1);
        // the notification keeps text codes and renders in the reader's language
        String title = jdbc.sql("select title_text from notification where recipient_id = :u and link = :l"
                + " order by id desc").param("u", member).param("l", link).query(String.class).list().get(0);
        assertThat(title).contains("property.confirmation-reminder.title");
        var text = com.careloop.platform.Text.of("property.confirmation-reminder.title", 1);
        assertThat(texts.render(text, java.util.Locale.ENGLISH)).isEqualTo("1 document copy confirmation(s) overdue");
        assertThat(texts.render(text, java.util.Locale.TAIWAN)).isEqualTo("1 份受控文件副本待確認已逾期");
        assertThat(texts.render(text, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("1 份受控文件副本待确认已逾期");
    }

    static final String API = "/api/v1/customer-properties";

    /** The settings row as it is now, to be put back (absent, or the confirmation days unset, included). */
    Runnable keepSettings() {
        var row = jdbc.sql("""
                select inspection_months, inspection_working_days, inspection_reminder_days, decision_task_working_days,
                       confirmation_reminder_days from customer_property_settings where id = 1""")
                .query((rs, n) -> new Integer[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, Integer.class)}).optional();
        return () -> {
            if (row.isEmpty()) {
                jdbc.sql("delete from customer_property_settings where id = 1").update();
                return;
            }
            Integer[] v = row.get();
            jdbc.sql("""
                    update customer_property_settings set inspection_months = :m, inspection_working_days = :d,
                      inspection_reminder_days = :r, decision_task_working_days = :t where id = 1""")
                    .param("m", v[0]).param("d", v[1]).param("r", v[2]).param("t", v[3]).update();
            if (v[4] == null) {
                jdbc.sql("update customer_property_settings set confirmation_reminder_days = null where id = 1").update();
            } else {
                jdbc.sql("update customer_property_settings set confirmation_reminder_days = :c where id = 1")
                        .param("c", v[4]).update();
            }
        };
    }

    /** The settings saved through the API with {@code confirmationReminderDays} (a JSON value), the others unchanged. */
    Response saveSettings(String confirmationReminderDays) {
        var s = get(API + "/settings", tokenFor("quality")).json();
        return put(API + "/settings", tokenFor("quality"), j("{'inspectionMonths':" + s.get("inspectionMonths").asInt()
                + ",'inspectionWorkingDays':" + s.get("inspectionWorkingDays").asInt() + ",'inspectionReminderDays':"
                + s.get("inspectionReminderDays").asInt() + ",'decisionTaskWorkingDays':"
                + s.get("decisionTaskWorkingDays").asInt() + ",'confirmationReminderDays':" + confirmationReminderDays
                + ",'version':" + s.get("version").asLong() + "}"));
    }

    @Test
    void theConfirmationReminderDaysAreOnTheSettingsPageValidatedAuditedAndUsedByTheJob() {
        Runnable restore = keepSettings();
        try {
            long version = get(API + "/settings", tokenFor("quality")).json().get("version").asLong();
            for (String bad : new String[] {"0", "91", "null"}) {
                Response refused = saveSettings(bad);
                assertThat(refused.status()).as(bad).isEqualTo(422);
                assertThat(refused.json().get("errors").get(0).get("field").asString())
                        .isEqualTo("confirmationReminderDays");
                assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("range");
            }
            assertThat(get(API + "/settings", tokenFor("quality")).json().get("version").asLong()).as("nothing saved")
                    .isEqualTo(version);
            Response ok = saveSettings("3");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("confirmationReminderDays").asInt()).isEqualTo(3);
            assertThat(jdbc.sql("""
                    select changes from audit_event where record_type = 'customer-property-settings' and action = 'UPDATE'
                    order by id desc""").query(String.class).list().get(0)).contains("confirmationReminderDays");
            // other people may not change it
            assertThat(get(API + "/settings", tokenFor("sales")).status()).isEqualTo(403);

            // the job (application.yml: 7 days) reminds after the saved 3 days
            long dept = department("QA");
            long item = items(1, dept, LocalDate.of(2032, 1, 1)).get(0);
            Instant asked = Instant.parse("2032-05-04T02:00:00Z");
            long open = ack(item, dept, "RECEIPT", asked);
            jobAt("2032-05-04T01:00:00Z", 7).run(); // what other tests left open is reminded first
            assertThat(jobAt("2032-05-06T02:00:00Z", 7).run().confirmationsReminded()).as("2 days").isZero();
            assertThat(jobAt("2032-05-07T02:00:00Z", 7).run().confirmationsReminded()).as("3 days").isEqualTo(1);
            assertThat(jdbc.sql("select reminded_at from customer_property_copy_ack where id = :id").param("id", open)
                    .query(Instant.class).single()).isEqualTo(Instant.parse("2032-05-07T02:00:00Z"));

            // the settings page in the three languages, and saving through its form
            com.careloop.support.PageSession page = new com.careloop.support.PageSession(port);
            page.login("quality", DEMO_PASSWORD);
            for (String[] lang : new String[][] {{"zh-CN", "文件副本确认提醒（天，1–90）"},
                    {"zh-TW", "文件副本確認提醒（天，1–90）"}, {"en", "Days before an unconfirmed document copy is reminded"}}) {
                page.get("/?lang=" + lang[0]);
                assertThat(page.get("/customer-properties/settings").body()).contains(lang[1])
                        .contains("name=\"confirmationReminderDays\"").contains("value=\"3\"").doesNotContain("??");
            }
            var s = get(API + "/settings", tokenFor("quality")).json();
            String[] form = {"inspectionMonths", s.get("inspectionMonths").asString(), "inspectionWorkingDays",
                    s.get("inspectionWorkingDays").asString(), "inspectionReminderDays",
                    s.get("inspectionReminderDays").asString(), "decisionTaskWorkingDays",
                    s.get("decisionTaskWorkingDays").asString(), "confirmationReminderDays", "95", "version",
                    s.get("version").asString()};
            assertThat(page.post("/customer-properties/settings", form).status()).isEqualTo(302);
            assertThat(get(API + "/settings", tokenFor("quality")).json().get("confirmationReminderDays").asInt())
                    .as("95 refused, nothing saved").isEqualTo(3);
            form[9] = "14";
            assertThat(page.post("/customer-properties/settings", form).status()).isEqualTo(302);
            assertThat(get(API + "/settings", tokenFor("quality")).json().get("confirmationReminderDays").asInt())
                    .isEqualTo(14);
        } finally {
            restore.run();
        }
    }

    @Test
    void theDepartmentsListMarksTheOverdueConfirmationsAndFiltersThem() {
        Runnable restore = keepSettings();
        try {
            assertThat(saveSettings("5").status()).isEqualTo(200);
            long qa = department("QA");
            long item = items(1, qa, LocalDate.now(SHANGHAI)).get(0);
            Instant now = Instant.now();
            // asked 9 days and an hour ago: 4 days past the 5; asked yesterday: not overdue
            long late = ack(item, qa, "RETURN", now.minus(java.time.Duration.ofDays(9)).minus(java.time.Duration.ofHours(1)));
            long fresh = ack(item, qa, "RECEIPT", now.minus(java.time.Duration.ofDays(1)));

            var all = get(API + "/confirmations?departmentId=" + qa, tokenFor("quality")).json();
            var lateRow = all.valueStream().filter(r -> r.get("id").asLong() == late).findFirst().orElseThrow();
            var freshRow = all.valueStream().filter(r -> r.get("id").asLong() == fresh).findFirst().orElseThrow();
            assertThat(lateRow.get("overdue").asBoolean()).isTrue();
            assertThat(lateRow.get("overdueDays").asInt()).isEqualTo(4);
            assertThat(freshRow.get("overdue").asBoolean()).isFalse();
            assertThat(freshRow.get("overdueDays").asInt()).isZero();
            var overdue = get(API + "/confirmations?departmentId=" + qa + "&overdue=true", tokenFor("quality")).json();
            assertThat(overdue.valueStream().map(r -> r.get("id").asLong()).toList()).contains(late).doesNotContain(fresh);
            assertThat(overdue.valueStream().allMatch(r -> r.get("overdue").asBoolean())).isTrue();

            com.careloop.support.PageSession page = new com.careloop.support.PageSession(port);
            page.login("quality", DEMO_PASSWORD);
            for (String[] lang : new String[][] {{"zh-CN", "逾期 4 天", "只看逾期"}, {"zh-TW", "逾期 4 天", "只看逾期"},
                    {"en", "Overdue 4 day(s)", "Overdue only"}}) {
                page.get("/?lang=" + lang[0]);
                String body = page.get("/customer-properties/confirmations").body();
                assertThat(body).contains("id=\"overdue-" + late + "\"").contains(lang[1]).contains(lang[2])
                        .contains("id=\"confirmation-" + fresh + "\"").doesNotContain("id=\"overdue-" + fresh + "\"")
                        .doesNotContain("??");
                // the overdue row is highlighted
                assertThat(body).containsPattern("<tr id=\"confirmation-" + late + "\" class=\"overdue\"");
            }
            String only = page.get("/customer-properties/confirmations?departmentId=" + qa + "&overdue=true").body();
            assertThat(only).contains("id=\"confirmation-" + late + "\"").doesNotContain("id=\"confirmation-" + fresh + "\"")
                    .contains("checked");
        } finally {
            restore.run();
        }
    }
}
