package com.careloop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.FieldChange;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.org.Accounts;
import com.careloop.platform.org.CredentialsChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. Only a SHA-256 hash is stored: the token itself is shown once, at creation.
 * Tokens expire, can be revoked by their owner, and are revoked when an administrator resets the password or
 * deactivates the user.
 */
@Service
public class ApiTokens {

    public record IssuedToken(long id, String token, Instant expiresAt) {
    }

    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                            Instant lastUsedAt) {
        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How exactly {@code last_used_at} follows the token's use. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditTrail audit;
    private final TokenCache cache;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock, AuditTrail audit, TokenCache cache) {
        this.cache = cache;
        this.audit = audit;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(long userId, String name, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "clp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(lifetime);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at, expires_at)
                values (:u, :name, :hash, :now, :exp)""")
                .param("u", userId).param("name", name).param("hash", hash(token))
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires)).update(keys, "id");
        return new IssuedToken(keys.getKey().longValue(), token, expires);
    }

    /**
     * The user a bearer token stands for, if it is known, unrevoked, unexpired and its user active. Token and
     * user come from this node's {@link TokenCache} (read again from the database at least once a second), so a
     * call usually sends no statement and needs no transaction: the method is not transactional at all (no
     * interceptor on every API call), the refills and the once-a-minute {@code last_used_at} write are single
     * statements of their own.
     */
    public Optional<CurrentUser> authenticate(String token) {
        Instant now = Instant.now(clock);
        var found = cache.token(hash(token), this::usableToken).filter(t -> t.expiresAt().isAfter(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // At most one write a minute per token: clients sharing a token would otherwise queue on its row
        // with every request; within the minute not even the statement is sent.
        var t = found.get();
        Instant stale = now.minus(LAST_USED_PRECISION);
        if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(stale)) {
            t.usedAt(now);
            jdbc.sql("update api_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :stale)")
                    .param("now", Timestamp.from(now)).param("stale", Timestamp.from(stale))
                    .param("id", t.id()).update();
        }
        return cache.user(t.userId(), accounts::currentUser);
    }

    /** The unrevoked, unexpired token with this hash, or null. */
    private TokenCache.Token usableToken(String hash) {
        return jdbc.sql("""
                select id, user_id, expires_at, last_used_at from api_token
                where token_hash = :hash and revoked_at is null and expires_at > :now""")
                .param("hash", hash).param("now", Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new TokenCache.Token(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4))))
                .optional().orElse(null);
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokensOf(long userId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, revoked_at, last_used_at from api_token
                where user_id = :u order by id desc""").param("u", userId)
                .query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        int updated = jdbc.sql("""
                update api_token set revoked_at = :now
                where id = :id and user_id = :u and revoked_at is null""")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", tokenId).param("u", userId).update();
        if (updated == 0) {
            throw new NotFoundException("token", tokenId);
        }
        cache.forgetToken(tokenId);
    }

    /**
     * A new password or a deactivation revokes every token the user still holds (in the change's transaction),
     * recorded in the user's trail with the number revoked.
     */
    @EventListener
    @Transactional
    void onCredentialsChanged(CredentialsChanged change) {
        if (change.kind() == CredentialsChanged.Kind.UNLOCKED) {
            return;
        }
        int revoked = jdbc.sql("update api_token set revoked_at = :now where user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(Instant.now(clock))).param("u", change.userId()).update();
        if (revoked > 0) {
            audit.record("user", String.valueOf(change.userId()), "REVOKE_TOKENS",
                    List.of(new FieldChange("apiTokens", String.valueOf(revoked), "0")));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
