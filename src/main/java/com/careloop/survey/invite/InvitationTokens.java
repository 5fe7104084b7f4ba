package com.careloop.survey.invite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Personal survey links: 32 random bytes, base64url; only the SHA-256 (hex) is stored. */
public final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token and its stored hash. */
    public record Token(String value, String hash) {
    }

    private InvitationTokens() {
    }

    public static Token generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Token(value, hash(value));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A syntactically possible token (43 base64url characters); anything else is unknown without a look-up. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                && c < 128 || c == '-' || c == '_');
    }
}
