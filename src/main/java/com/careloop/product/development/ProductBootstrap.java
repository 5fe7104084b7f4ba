package com.careloop.product.development;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;
import com.careloop.product.ProductDevelopments;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The development's record-number rule (XP, an administrator's later change is kept) and, in demo mode while there
 * is none, the demo company's developments (see {@link ProductDemo}) — after the contract demo, which loads only
 * while there is no contract yet.
 */
@Component
@Order(66)
class ProductBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final ProductDemo demo;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;

    ProductBootstrap(RecordNumbers numbers, ProductDemo demo, JdbcClient jdbc, CareLoopProperties platform,
                     SignedInAs signedIn, TransactionTemplate tx) {
        this.numbers = numbers;
        this.demo = demo;
        this.jdbc = jdbc;
        this.platform = platform;
        this.signedIn = signedIn;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(ProductDevelopments.NUMBER_TYPE, "XP", 5, "客户定制新品研发（定制开发新品需求表）");
        boolean empty = jdbc.sql("select count(*) from product_development").query(Long.class).single() == 0;
        boolean demoCompany = jdbc.sql("select count(*) from org_department where code in ('SALES', 'TECH', 'PROD', 'FIN')")
                .query(Long.class).single() == 4 && jdbc.sql("select count(*) from org_user where username = 'admin'")
                .query(Long.class).single() > 0;
        if (!platform.demoData() || !empty || !demoCompany) {
            return;
        }
        signedIn.run("admin", () -> tx.executeWithoutResult(s -> demo.load()));
    }
}
