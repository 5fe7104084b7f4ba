package com.careloop.platform.security;

import com.careloop.platform.org.Accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.forLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
        // throttling is per (address, account) in LoginThrottle; the account itself is never locked by failures
        return new CareLoopPrincipal(account.user(), account.passwordHash(), account.active(), true);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CareLoopPrincipal p && !p.password().isEmpty()) {
            accounts.loginSucceeded(p.getUsername());
        }
    }
}
