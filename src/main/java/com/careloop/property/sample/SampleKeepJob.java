package com.careloop.property.sample;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a sealed sample's keep period (封样保存期): {@code careloop.samples.keep-notice-days} (30) days before its
 * keep-until date, every active member of the keeping department gets a notification (bell and e-mail) and the
 * sample shows on the department's "my work" (*封样待处置*) until someone extends, re-seals or disposes of it. Once
 * per keep period: each sample is claimed by inserting its {@code sample_keep_notice} row (sample, keep-until date)
 * before anyone is told, so a second run or a racing node tells nobody twice; an extension or a re-seal is a new keep
 * period and is reminded again before it ends.
 */
@Component
public class SampleKeepJob {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final int noticeDays;
    private final com.careloop.platform.OrgDirectory directory;

    SampleKeepJob(JdbcClient jdbc, TransactionTemplate tx, Notifications notifications, Clock clock,
                  CareLoopProperties platform, @Value("${careloop.samples.keep-notice-days:30}") int noticeDays,
                  com.careloop.platform.OrgDirectory directory) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = platform.zone();
        this.noticeDays = noticeDays;
        this.directory = directory;
    }

    @Scheduled(cron = "${careloop.samples.keep-cron:0 40 7 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "sample-keep-notices", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** How many days before the keep-until date the keeping department is told. */
    public int noticeDays() {
        return noticeDays;
    }

    /** Tells the keeping department of every sealed sample whose keep period ends soon, once; returns how many. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Long> due = jdbc.sql("""
                select s.id from sample s
                where s.status = 'SEALED' and s.sealed_until <= :limit and not exists (
                      select 1 from sample_keep_notice n where n.sample_id = s.id and n.keep_until = s.sealed_until)
                order by s.sealed_until, s.id""").param("limit", today.plusDays(noticeDays)).query(Long.class).list();
        int total = 0;
        for (long id : due) {
            try {
                Integer n = tx.execute(x -> notice(id, today));
                total += n == null ? 0 : n;
            } catch (DuplicateKeyException racing) {
                // another node claimed this keep period between our read and our insert: it tells them
            }
        }
        return total;
    }

    private int notice(long id, LocalDate today) {
        record Due(String code, String itemName, String customer, String location, LocalDate keepUntil,
                   Long department) {
        }
        Due d = jdbc.sql("""
                select s.code, s.item_name, s.customer_name, s.sealed_location, s.sealed_until,
                       coalesce(s.keeping_department_id, s.quality_department_id)
                from sample s
                where s.id = :id and s.status = 'SEALED'""").param("id", id)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6))).optional().orElse(null);
        if (d == null || d.keepUntil().isAfter(today.plusDays(noticeDays))) {
            return 0;
        }
        int claimed = jdbc.sql("""
                insert into sample_keep_notice (sample_id, keep_until, noticed_at)
                select :id, :until, :now from sample
                where id = :id and not exists (
                      select 1 from sample_keep_notice n where n.sample_id = :id and n.keep_until = :until)""")
                .param("id", id).param("until", d.keepUntil()).param("now", Timestamp.from(Instant.now(clock)))
                .update();
        if (claimed == 0) {
            return 0;
        }
        for (var user : directory.activeMembers(d.department())) {
            notifications.notify(user.id(), Text.of("sample.notify.keep.title", d.code(), d.keepUntil().toString()),
                    Text.of("sample.notify.keep.body", d.customer(), d.itemName(), d.location(),
                            d.keepUntil().toString()), "/samples/" + id);
        }
        return 1;
    }
}
