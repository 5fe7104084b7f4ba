package com.careloop.customer.purchase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.contactlog.ContactChannel;
import com.careloop.customer.contactlog.ContactKind;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogService;
import com.careloop.customer.contactlog.DemoData;
import com.careloop.customer.purchase.PurchaseCommands.RecordPurchase;
import com.careloop.platform.CareLoopProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, once (while there are no purchases yet): purchases with warranties for the demo
 * customers (one ending within 30 days), a customer whose birthday is in the coming week, and a
 * few contact-log entries. Dates are relative to today so the demo always shows something.
 */
@Component
@Order(51)
class PurchaseBootstrap implements ApplicationRunner {

    private final PurchaseService purchases;
    private final CustomerService customers;
    private final ContactLogService log;
    private final JdbcClient jdbc;
    private final DemoData demoData;
    private final CareLoopProperties properties;
    private final Clock clock;

    PurchaseBootstrap(PurchaseService purchases, CustomerService customers, ContactLogService log, JdbcClient jdbc,
                      DemoData demoData, CareLoopProperties properties, Clock clock) {
        this.purchases = purchases;
        this.customers = customers;
        this.log = log;
        this.jdbc = jdbc;
        this.demoData = demoData;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoData.loadOnce("purchase", this::demo);
    }

    private Long customer(String name) {
        return jdbc.sql("select min(id) from customer where name = :n").param("n", name).query(Long.class).optional()
                .orElse(null);
    }

    private void demo() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Long chen = customer("陈美玲");
        Long liu = customer("刘建华");
        Long hengshun = customer("江苏恒顺食品有限公司");
        if (chen != null) {
            // installed a year ago: the repair warranty ends in under three weeks
            buy(chen, "家用中央空调", "KFR-72LW/BP", "SN2025AC0001", null, today.minusYears(1).plusDays(15),
                    today.minusYears(1).plusDays(20), "包修1年 包换3个月 包退7天");
            buy(chen, "燃气热水器", "JSQ30-16", "RQ2026A0102", null, today.minusMonths(2), today.minusMonths(2).plusDays(2),
                    "包修3年 包换1个月 包退7天");
        }
        if (liu != null) {
            buy(liu, "智能门锁", "S30 Pro", "ZM880021", "B2501", today.minusYears(1).plusDays(60), null, "包修1年 包换15天 包退7天");
        }
        if (hengshun != null) {
            buy(hengshun, "瓦楞纸箱（五层）", "BC-580x380", null, "B" + today.getYear() + "-11", today.minusDays(20),
                    today.minusDays(18), "质量问题包换30天");
        }
        // a customer whose birthday is in the coming week, for the birthday list (once, even when the
        // demo customers above are missing and this runs again on the next start)
        if (customer("周秀英") != null) {
            return;
        }
        LocalDate birthday = today.plusDays(6).minusYears(58);
        long zhou = customers.register(new SaveCustomer("周秀英", CustomerKind.INDIVIDUAL, "13962177889", null, null,
                birthday, "退休教师", "翠湖花园2-0601", "翠湖花园", "2-0601", null, "苏州", "业主", "业主", null, null, null,
                List.of(), true, null)).id();
        log.addForCustomer(zhou, entry(ContactKind.INQUIRY, ContactChannel.PHONE, 5, "咨询地下车位租赁价格与手续"));
        log.addForCustomer(zhou, entry(ContactKind.HOLIDAY_GREETING, ContactChannel.WECHAT_SMS, 63, "中秋节短信问候"));
        if (hengshun != null) {
            log.addForCustomer(hengshun, entry(ContactKind.ORDER_TALK, ContactChannel.VISIT, 25, "年度纸箱订货洽谈，确认规格与交期"));
        }
    }

    private AddEntry entry(ContactKind kind, ContactChannel channel, int daysAgo, String summary) {
        return new AddEntry(kind, channel, clock.instant().minusSeconds(daysAgo * 86_400L).atOffset(ZoneOffset.UTC), null,
                summary);
    }

    private void buy(long customerId, String product, String model, String serial, String batch, LocalDate sale,
                     LocalDate delivery, String terms) {
        purchases.record(customerId, new RecordPurchase(null, product, model, serial, batch, sale, delivery, terms, null,
                null), PurchaseSource.MANUAL);
    }
}
