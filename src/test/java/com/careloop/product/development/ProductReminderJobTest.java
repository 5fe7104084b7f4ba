package com.careloop.product.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder day of a node, with an injected clock on the real database: the owner department's members are
 * notified on the reminder day (not before), once — a second run, and another node's run, tell nobody again.
 */
class ProductReminderJobTest extends ApiTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Notifications notifications;
    @Autowired
    CareLoopProperties platform;

    ProductReminderJob jobOn(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(7, 30).atZone(SHANGHAI).toInstant(), SHANGHAI);
        return new ProductReminderJob(jdbc, tx, notifications, clock, platform);
    }

    long notified(long user, long development) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l and title_text like :t")
                .param("u", user).param("l", "/product-developments/" + development)
                .param("t", "%product.notify.reminder.title%").query(Long.class).single();
    }

    @Test
    void theOwnerDepartmentIsNotifiedOnTheReminderDayOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long tech = jdbc.sql("select id from department where code = 'TECH'").query(Long.class).single();
        long member = post("/api/v1/users", tokenFor("admin"), j("{'username':'rnd" + suffix + "','displayName':'研发"
                + suffix + "','password':'Careloop-2026x','position':'STAFF','roles':['STAFF'],'departmentId':" + tech
                + "}")).json().get("id").asLong();
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'提醒客户" + suffix
                + "','kind':'ORGANISATION','phone':'137" + String.format("%08d", (long) (Math.random() * 1e8)) + "'}"))
                .json().get("id").asLong();
        var r = post("/api/v1/product-developments", tokenFor("admin"), j("{'customerId':" + customer
                + ",'demand':{'productName':'提醒内垫','unit':'片','firstOrderQuantity':1000}}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        LocalDate remindOn = jdbc.sql("select remind_on from product_development_node where development_id = :d"
                + " and node = 'RND_REPORT'").param("d", id).query(LocalDate.class).single();

        jobOn(remindOn.minusDays(1)).run();
        assertThat(notified(member, id)).as("not before the reminder day").isZero();
        jobOn(remindOn).run();
        assertThat(notified(member, id)).isEqualTo(1);
        jobOn(remindOn).run();
        jobOn(remindOn.plusDays(1)).run();
        assertThat(notified(member, id)).as("once").isEqualTo(1);
    }
}
