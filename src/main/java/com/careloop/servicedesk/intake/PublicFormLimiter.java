package com.careloop.servicedesk.intake;

import java.time.Duration;

import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code careloop.servicedesk.public-form.max-submissions} (5) submissions of the public form per
 * client IP in {@code careloop.servicedesk.public-form.window} (10 minutes): a {@link PerAddressLimiter}.
 */
@Component
class PublicFormLimiter {

    private final PerAddressLimiter limiter;

    PublicFormLimiter(@Value("${careloop.servicedesk.public-form.max-submissions:5}") int maxSubmissions,
                      @Value("${careloop.servicedesk.public-form.window:10m}") Duration window, PerAddressLimiters limiters) {
        this.limiter = limiters.create("servicedesk-form", maxSubmissions, window);
    }

    /** Counts one submission from {@code ip}; false when the address has used up its allowance. */
    boolean tryAcquire(String ip) {
        return limiter.tryAcquire(ip);
    }

    long windowMinutes() {
        return limiter.windowMinutes();
    }

    /** Tests start from a clean slate. */
    void reset() {
        limiter.reset();
    }
}
