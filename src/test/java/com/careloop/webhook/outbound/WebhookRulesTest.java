package com.careloop.webhook.outbound;

import com.careloop.platform.Backoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The pure rules of the webhook sender: back-off figures, the SSRF guard, the signature. */
class WebhookRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void aFailedDeliveryWaitsTenSecondsThenDoublesUpToAnHourAndIsDeadAfterTwentyFourHours() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(b.next(1, T0, T0)).contains(T0.plusSeconds(10));
        assertThat(b.next(2, T0, T0)).contains(T0.plusSeconds(20));
        assertThat(b.next(5, T0, T0)).contains(T0.plusSeconds(160));
        // 10 s × 2^9 = 5120 s is above the hour: the hour it is
        assertThat(b.next(10, T0, T0)).contains(T0.plusSeconds(3600));
        assertThat(b.next(60, T0, T0)).contains(T0.plusSeconds(3600));
        // the last try that still falls inside the 24 h, and the first that would not
        Instant late = T0.plus(Duration.ofHours(23));
        assertThat(b.next(30, T0, late)).contains(T0.plus(Duration.ofHours(24)));
        assertThat(b.next(30, T0, late.plusSeconds(1))).isEmpty();
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyAndVerifiesOnlyTheSameBodyAndTime() {
        String secret = "0123456789abcdef-secret";
        String body = "{\"id\":\"e1\"}";
        // computed independently: python3 hmac.new(secret, b'1764900000.' + body, sha256)
        assertThat(Signatures.sign(secret, 1764900000L, body))
                .isEqualTo("v1=43de8f9f024d2eb19f06e6fccb92570cd657ab62f84831d67247871f60a24ab6");
        String header = Signatures.sign(secret, 1764900000L, body);
        assertThat(Signatures.verify(secret, "1764900000", body, header)).isTrue();
        assertThat(Signatures.verify(secret, "1764900001", body, header)).isFalse();
        assertThat(Signatures.verify(secret, "1764900000", body + " ", header)).isFalse();
        assertThat(Signatures.verify("another-secret-of-16", "1764900000", body, header)).isFalse();
        assertThat(Signatures.verify(secret, null, body, header)).isFalse();
    }
}
