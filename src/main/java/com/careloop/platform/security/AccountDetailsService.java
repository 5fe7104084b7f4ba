package com.careloop.platform.security;

import java.time.Clock;
import java.time.Instant;

import com.careloop.platform.org.Accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in and keeps the failed-login count that drives the lockout. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDetailsService(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.forLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
        boolean nonLocked = account.lockedUntil() == null || !account.lockedUntil().isAfter(Instant.now(clock));
        return new CareLoopPrincipal(account.user(), account.passwordHash(), account.active(), nonLocked);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.loginFailed(event.getAuthentication().getName());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CareLoopPrincipal p && !p.password().isEmpty()) {
            accounts.loginSucceeded(p.getUsername());
        }
    }
}
