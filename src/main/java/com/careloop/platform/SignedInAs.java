package com.careloop.platform;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs work as a named user (demo data entered by the people who would enter it), restoring whoever was signed
 * in before — so the services check that user's permissions and position and the audit trail names them.
 */
@Component
public class SignedInAs {

    private final UserDetailsService accounts;

    SignedInAs(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    public void run(String username, Runnable work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var principal = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
