package com.careloop.customer.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.revenue.RevenueViews.RevenueInput;
import com.careloop.platform.CareLoopProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: 2025 and 2026 revenue for the demo customers, so the 70% ranking has something to
 * show. Runs after the customers (order 40) and only while no revenue exists, so never twice.
 */
@Component
@Order(45)
class RevenueBootstrap implements ApplicationRunner {

    /** Yearly amounts in yuan for the demo customers in registration order; the first three make up 70%. */
    static final long[] AMOUNTS_2025 = {1_860_000, 1_240_000, 980_000, 420_000, 260_000, 18_000, 12_500, 6_800};

    private final RevenueService revenue;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final TransactionTemplate tx;
    private final UserDetailsService accounts;

    RevenueBootstrap(RevenueService revenue, JdbcClient jdbc, CareLoopProperties properties, TransactionTemplate tx,
                     UserDetailsService accounts) {
        this.revenue = revenue;
        this.jdbc = jdbc;
        this.properties = properties;
        this.tx = tx;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("select count(*) from customer_revenue").query(Long.class).single() > 0) {
            return;
        }
        List<Long> ids = jdbc.sql("select id from customer order by id limit :n").param("n", AMOUNTS_2025.length)
                .query(Long.class).list();
        var principal = accounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < ids.size(); i++) {
                    long base = AMOUNTS_2025[i];
                    revenue.save(ids.get(i), 2025, new RevenueInput(BigDecimal.valueOf(base), 4 + (int) (base / 100_000),
                            LocalDate.of(2025, 12, 1).minusDays(i * 9L)));
                    // 2026: the same customers, a little growth for the big ones
                    long grown = base + base * (8 - i) / 100;
                    revenue.save(ids.get(i), 2026, new RevenueInput(BigDecimal.valueOf(grown), 3 + (int) (grown / 120_000),
                            LocalDate.of(2026, 11, 20).minusDays(i * 7L)));
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
