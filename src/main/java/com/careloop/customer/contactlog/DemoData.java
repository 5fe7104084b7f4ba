package com.careloop.customer.contactlog;

import com.careloop.platform.CareLoopProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of this feature: loaded in demo mode only, once (while its table is empty), in one
 * transaction, through the services as staff would, so it is validated and audited — signed in as
 * the administrator.
 */
@Component
public class DemoData {

    private final CareLoopProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserDetailsService accounts;

    DemoData(CareLoopProperties properties, JdbcClient jdbc, TransactionTemplate tx, UserDetailsService accounts) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.accounts = accounts;
    }

    /** Runs {@code load} if demo data is on and {@code table} (a constant of the caller) has no rows. */
    public void loadOnce(String table, Runnable load) {
        if (!properties.demoData() || jdbc.sql("select count(*) from " + table).query(Long.class).single() > 0) {
            return;
        }
        var principal = accounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            tx.executeWithoutResult(s -> load.run());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
