package com.careloop.customer.contactlog;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Demo data of this feature is written through the services, as staff would, so it is scoped,
 * validated and audited: it runs signed in as the administrator.
 */
public final class DemoSession {

    private DemoSession() {
    }

    public static void asAdmin(UserDetailsService accounts, Runnable work) {
        var principal = accounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
