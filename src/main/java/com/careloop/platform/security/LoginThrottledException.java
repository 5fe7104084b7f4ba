package com.careloop.platform.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this address (for this username, or for any): wait {@link #retryAfter()}. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to tell the user, at least one. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.getSeconds() + 59) / 60);
    }
}
