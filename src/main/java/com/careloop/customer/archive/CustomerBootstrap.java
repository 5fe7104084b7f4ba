package com.careloop.customer.archive;

import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.archive.CustomerCommands.ContactInput;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The customer form code (客户档案 KH2026-000001) and, in demo mode, a few realistic customers. */
@Component
@Order(40)
class CustomerBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final TransactionTemplate tx;
    private final org.springframework.security.core.userdetails.UserDetailsService accounts;

    CustomerBootstrap(RecordNumbers numbers, CustomerService customers, JdbcClient jdbc, CareLoopProperties properties,
                      TransactionTemplate tx, org.springframework.security.core.userdetails.UserDetailsService accounts) {
        this.numbers = numbers;
        this.customers = customers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.tx = tx;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(CustomerService.RECORD_TYPE, "KH", 6, "客户档案");
        boolean empty = jdbc.sql("select count(*) from customer").query(Long.class).single() == 0;
        if (!properties.demoData() || !empty) {
            return;
        }
        // demo records are registered through the service, as the front desk would, so they are numbered and audited
        var principal = accounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            Long sales = userId("sales");
            Long manager = userId("manager");
            tx.executeWithoutResult(s -> demoCustomers(sales, manager).forEach(customers::register));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Long userId(String username) {
        return jdbc.sql("select id from org_user where username = :u").param("u", username).query(Long.class)
                .optional().orElse(null);
    }

    private static List<SaveCustomer> demoCustomers(Long sales, Long manager) {
        return List.of(
                org("江苏恒顺食品有限公司", CustomerKind.ORGANISATION, "0512-65432100", "食品", "苏州", sales, manager,
                        contact("周采购", "采购经理", "13962112345")),
                org("上海联华超市有限公司", CustomerKind.DISTRIBUTOR, "021-58761234", "零售", "上海", sales, manager,
                        contact("李经理", "品类经理", "13816543210")),
                org("浙江吉利汽车零部件有限公司", CustomerKind.OEM, "0571-86543210", "汽车零部件", "杭州", sales, manager,
                        contact("王工", "SQE 供应商质量工程师", "13705718888")),
                org("南京金陵电器有限公司", CustomerKind.ORGANISATION, "025-84561234", "电气设备", "南京", manager, null,
                        contact("赵主任", "质量部主任", "13905181234")),
                org("安徽华源建材经销部", CustomerKind.DISTRIBUTOR, "0551-63456789", "建材", "合肥", sales, null,
                        contact("孙老板", "负责人", "13956012345")),
                person("陈美玲", "13812345678", "翠湖花园", "3-1202", LocalDate.of(1985, 12, 2), "教师"),
                person("刘建华", "13962198765", "翠湖花园", "5-0801", LocalDate.of(1972, 11, 28), "区人大代表"),
                person("黄晓明", "15850012345", "翠湖花园", "1-0303", LocalDate.of(1990, 6, 15), "记者"));
    }

    private static ContactInput contact(String name, String title, String phone) {
        return new ContactInput(name, title, phone, null, true, null);
    }

    private static SaveCustomer org(String name, CustomerKind kind, String phone, String industry, String region,
                                    Long rep, Long deputy, ContactInput contact) {
        return new SaveCustomer(name, kind, phone, null, null, null, null, region + "市", null, null, industry, region,
                "老客户", null, null, rep, deputy, List.of(contact), true, null);
    }

    private static SaveCustomer person(String name, String phone, String project, String room, LocalDate birthday,
                                       String occupation) {
        return new SaveCustomer(name, CustomerKind.INDIVIDUAL, phone, null, "320102" + birthday.toString().replace("-", "")
                + "1234", birthday, occupation, project + room, project, room, null, "苏州", "业主", "业主", null, null, null,
                List.of(), true, null);
    }
}
