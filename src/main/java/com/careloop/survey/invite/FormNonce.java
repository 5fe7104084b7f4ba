package com.careloop.survey.invite;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-render nonce of the public survey form: "{issued epoch second}.{HMAC-SHA256(key, token hash + issued)}".
 * A POST must carry a nonce rendered for the same token within the last day, so a submission always follows a
 * rendered page (a blind POST from elsewhere, or a form kept open for days, is refused politely). It needs no
 * session and no server state; the key is {@code careloop.survey.form-secret} or, when that is not set, a random key
 * drawn once and kept in the database ({@code survey_form_key}), so every node of a cluster checks the nonces the
 * others issued.
 */
@Component
class FormNonce {

    private static final Duration VALID = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    FormNonce(SurveyCampaignProperties settings, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        if (settings.formSecret() != null && !settings.formSecret().isBlank()) {
            this.key = settings.formSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The configured key, else the shared one: the first node to need it stores a random key, the others read it. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] drawn = new byte[32];
            new SecureRandom().nextBytes(drawn);
            jdbc.sql("insert into survey_form_key (id, secret) values (1, :secret) on conflict do nothing")
                    .param("secret", drawn).update();
            k = jdbc.sql("select secret from survey_form_key where id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }

    String issue(String tokenHash) {
        long issued = Instant.now(clock).getEpochSecond();
        return issued + "." + mac(tokenHash, issued);
    }

    boolean valid(String tokenHash, String nonce) {
        if (nonce == null) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(nonce.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long now = Instant.now(clock).getEpochSecond();
        if (issued > now + 60 || now - issued > VALID.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(tokenHash, issued).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String tokenHash, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((tokenHash + ":" + issued).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
