package com.careloop.platform.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A directory sign-in that cannot go on: the directory does not answer, or the identity cannot be mapped to an
 * account. {@code reason} names the login page's message ({@code login.error.<reason>}). Not a guessed password, so
 * the {@link LoginThrottle} does not count it.
 */
class SsoRefusedException extends AuthenticationException {

    private final String reason;

    SsoRefusedException(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
