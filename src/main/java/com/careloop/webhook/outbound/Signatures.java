package com.careloop.webhook.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code X-CareLoop-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with the Unix seconds of {@code X-CareLoop-Timestamp}. Signing the timestamp lets a receiver refuse replays older
 * than a few minutes; docs/webhooks.md shows the check in a few lines.
 */
public final class Signatures {

    public static final String SIGNATURE = "X-CareLoop-Signature";
    public static final String TIMESTAMP = "X-CareLoop-Timestamp";
    public static final String EVENT_ID = "X-CareLoop-Event-Id";
    public static final String EVENT_TYPE = "X-CareLoop-Event";

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The receiver's check, in constant time. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
