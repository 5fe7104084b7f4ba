package com.careloop.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.org.AccessChanged;
import com.careloop.platform.org.CredentialsChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's memory of bearer tokens and of the users they stand for (permissions, data scope), so that an API
 * call sends no query to authenticate (ADR 0016). Every entry lives at most {@link #TTL} after it was read from the
 * database: a token revoked, a user deactivated or a role changed on another node stops working here within that
 * second. Changes made on this node evict at once, and again after their commit (a request between the two could
 * have read the old rows).
 */
@Component
class TokenCache {

    /** The longest a revocation or a change of rights made on another node goes unseen here. */
    static final Duration TTL = Duration.ofSeconds(1);

    /** A usable token as read from the database; when it was last recorded as used moves on in place. */
    static final class Token {
        private final long id;
        private final long userId;
        private final Instant expiresAt;
        private volatile Instant lastUsedAt;

        Token(long id, long userId, Instant expiresAt, Instant lastUsedAt) {
            this.id = id;
            this.userId = userId;
            this.expiresAt = expiresAt;
            this.lastUsedAt = lastUsedAt;
        }

        long id() { return id; }
        long userId() { return userId; }
        Instant expiresAt() { return expiresAt; }
        Instant lastUsedAt() { return lastUsedAt; }

        /** Not a cache write: the entry keeps the moment it was read, so its second is not extended. */
        void usedAt(Instant when) { lastUsedAt = when; }
    }

    private final Cache<String, Token> tokens;
    private final Cache<Long, CurrentUser> users;

    @Autowired
    TokenCache() {
        this(Ticker.systemTicker());
    }

    TokenCache(Ticker ticker) {
        // sizes far above the active tokens and users of a site; misses only cost the queries of old
        tokens = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).ticker(ticker).build();
        users = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).ticker(ticker).build();
    }

    /** The token with this hash, from memory or {@code load} (null when unknown or unusable: not remembered). */
    Optional<Token> token(String hash, Function<String, Token> load) {
        return Optional.ofNullable(tokens.get(hash, load));
    }

    /** The active user, from memory or {@code load} (empty when inactive or gone: not remembered). */
    Optional<CurrentUser> user(long userId, LongFunction<Optional<CurrentUser>> load) {
        return Optional.ofNullable(users.get(userId, id -> load.apply(id).orElse(null)));
    }

    void forgetToken(long tokenId) {
        afterCommitToo(() -> tokens.asMap().values().removeIf(t -> t.id() == tokenId));
    }

    @EventListener
    void onCredentialsChanged(CredentialsChanged change) {
        forgetUser(change.userId());
    }

    @EventListener
    void onAccessChanged(AccessChanged change) {
        if (change.userId() == null) {
            afterCommitToo(users::invalidateAll);
        } else {
            forgetUser(change.userId());
        }
    }

    private void forgetUser(long userId) {
        afterCommitToo(() -> {
            tokens.asMap().values().removeIf(t -> t.userId() == userId);
            users.invalidate(userId);
        });
    }

    private static void afterCommitToo(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
