package com.careloop.product.development;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder day of an open node (its {@code remind_on}: 80 % of the lead time gone, e.g. the quotation's answer
 * awaited): every active member of the owner department gets a notification (bell and e-mail), once. Each node is
 * claimed by one update of {@code reminded_at} before anyone is told, so a second run or a racing node tells nobody
 * twice; a node past its due day is overdue instead (shown on read) and is not reminded any more.
 */
@Component
public class ProductReminderJob {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifications notifications;
    private final Clock clock;
    private final java.time.ZoneId zone;

    ProductReminderJob(JdbcClient jdbc, TransactionTemplate tx, Notifications notifications, Clock clock,
                       CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Scheduled(cron = "${careloop.product.reminder-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "product-node-reminders", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** Reminds the owners of every node due soon today and not yet reminded; returns how many nodes. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Long> nodes = jdbc.sql("""
                select id from product_development_node
                where status = 'OPEN' and remind_on <= :today and due_on >= :today and reminded_at is null""")
                .param("today", today).query(Long.class).list();
        int total = 0;
        for (long node : nodes) {
            Integer n = tx.execute(s -> remind(node, today));
            total += n == null ? 0 : n;
        }
        return total;
    }

    private int remind(long node, LocalDate today) {
        int claimed = jdbc.sql("""
                update product_development_node set reminded_at = :now
                where id = :id and status = 'OPEN' and reminded_at is null and due_on >= :today""")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", node).param("today", today).update();
        if (claimed == 0) {
            return 0;
        }
        record Open(long developmentId, String number, String customer, String product, String node, long department,
                    LocalDate dueOn) {
        }
        Open o = jdbc.sql("""
                select d.id, d.number, d.customer_name, d.product_name, n.node, n.department_id, n.due_on
                from product_development_node n join product_development d on d.id = n.development_id
                where n.id = :id""").param("id", node)
                .query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class))).single();
        for (Long user : jdbc.sql("select id from org_user where department_id = :d and active = true")
                .param("d", o.department()).query(Long.class).list()) {
            notifications.notify(user, Text.of("product.notify.reminder.title", o.number(),
                    Text.label("product.node", com.careloop.product.ProductNode.valueOf(o.node()))),
                    Text.of("product.notify.node.body", o.customer(), o.product(), o.dueOn().toString()),
                    "/product-developments/" + o.developmentId());
        }
        return 1;
    }
}
