package com.careloop.customer.keys;

import java.time.LocalDate;

import com.careloop.customer.archive.Customer;
import com.careloop.customer.archive.CustomerRepository;
import com.careloop.customer.keys.KeyCustomerProposal.Action;
import com.careloop.customer.segment.SegmentService;
import com.careloop.platform.CareLoopProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, once: two key customers among the demo customers (a district people's congress
 * deputy and a journalist), a pending proposal by the department head, and, if no revenue was
 * entered yet, two years of revenue for the organisation customers so the segments compute.
 */
@Component
@Order(50)
class KeyCustomerBootstrap implements ApplicationRunner {

    private final CareLoopProperties properties;
    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final KeyCustomerService keys;
    private final SegmentService segments;
    private final Approvers approvers;
    private final TransactionTemplate tx;

    KeyCustomerBootstrap(CareLoopProperties properties, JdbcClient jdbc, CustomerRepository customers,
                         KeyCustomerService keys, SegmentService segments, Approvers approvers, TransactionTemplate tx) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.customers = customers;
        this.keys = keys;
        this.segments = segments;
        this.approvers = approvers;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            if (count("select count(*) from key_customer_proposal") == 0) {
                demoKeyCustomers();
            }
            if (count("select count(*) from customer_revenue") == 0 && demoRevenue()) {
                segments.recompute();
            }
        });
    }

    private void demoKeyCustomers() {
        Long depthead = userId("depthead");
        Long manager = userId("manager");
        if (depthead == null || manager == null) {
            return;
        }
        approved(customer("刘建华"), KeyCriterion.GOVERNMENT_OFFICIAL, "区人大代表", depthead, manager);
        approved(customer("黄晓明"), KeyCriterion.NEWS_MEDIA, "苏州日报记者", depthead, manager);
        Customer pending = customer("南京金陵电器有限公司");
        if (pending != null) {
            keys.open(pending, Action.FLAG, KeyCriterion.MAJOR_COMPLAINT, "2026年10月批量质量投诉，已升级品管部", depthead, "陈志强");
        }
    }

    private void approved(Customer customer, KeyCriterion criterion, String reason, long proposer, long decider) {
        if (customer == null || customer.isKeyCustomer()) {
            return;
        }
        var p = keys.open(customer, Action.FLAG, criterion, reason, proposer, "陈志强");
        keys.decide(p, customer, decider, true, "同意，纳入重点客户档案");
    }

    /** Last year's and this year's figures for the organisation demo customers: a big, a main, a good account. */
    private boolean demoRevenue() {
        int year = approvers.today().getYear();
        LocalDate recent = approvers.today().minusDays(20);
        Object[][] rows = {
                {"江苏恒顺食品有限公司", "1800000.00", 40, "1500000.00", 36},
                {"上海联华超市有限公司", "420000.00", 9, "380000.00", 8},
                {"浙江吉利汽车零部件有限公司", "900000.00", 20, "260000.00", 7},
                {"南京金陵电器有限公司", "60000.00", 3, "55000.00", 3},
                {"安徽华源建材经销部", "30000.00", 14, "28000.00", 13}};
        boolean any = false;
        for (Object[] r : rows) {
            Customer c = customer((String) r[0]);
            if (c == null) {
                continue;
            }
            insert(c.getId(), year - 1, (String) r[1], (Integer) r[2], LocalDate.of(year - 1, 12, 20));
            insert(c.getId(), year, (String) r[3], (Integer) r[4], recent);
            any = true;
        }
        return any;
    }

    private void insert(long customerId, int year, String amount, int orders, LocalDate last) {
        jdbc.sql("""
                insert into customer_revenue (customer_id, revenue_year, amount, order_count, last_order_date)
                values (:c, :y, :a, :o, :l)""")
                .param("c", customerId).param("y", year).param("a", new java.math.BigDecimal(amount))
                .param("o", orders).param("l", last).update();
    }

    private Customer customer(String name) {
        return jdbc.sql("select id from customer where name = :n order by id limit 1").param("n", name)
                .query(Long.class).optional().flatMap(customers::findById).orElse(null);
    }

    private Long userId(String username) {
        return jdbc.sql("select id from org_user where username = :u").param("u", username).query(Long.class)
                .optional().orElse(null);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
