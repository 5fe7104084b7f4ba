package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;
import com.careloop.platform.org.AccessChanged;
import com.careloop.platform.org.CredentialsChanged;

import org.junit.jupiter.api.Test;

/**
 * The bearer-token cache on a ticker the test moves: what the database says (here: what the loaders answer) is
 * seen within {@link TokenCache#TTL}, and a change announced on this node at once.
 */
class TokenCacheTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final TokenCache cache = new TokenCache(nanos::get);
    final AtomicReference<TokenCache.Token> stored = new AtomicReference<>(token(7, 42));
    final AtomicReference<CurrentUser> user = new AtomicReference<>(user(42, "service-desk.view"));
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void aTokenRevokedOnAnotherNodeIsRefusedOneSecondAfterItWasReadAndNotLater() {
        assertThat(lookUp()).isPresent();
        stored.set(null); // revoked in the database by another node
        advance(Duration.ofMillis(999));
        assertThat(lookUp()).as("still within the second").isPresent();
        advance(Duration.ofMillis(1));
        assertThat(lookUp()).as("the second is over: read again").isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aTokenRevokedOnThisNodeIsRefusedAtOnce() {
        assertThat(lookUp()).isPresent();
        stored.set(null);
        cache.forgetToken(7);
        assertThat(lookUp()).isEmpty();
    }

    @Test
    void withinTheSecondTheTokenAndItsUserAreReadOnce() {
        for (int i = 0; i < 100; i++) {
            assertThat(lookUp()).isPresent();
            assertThat(userOf(42)).isPresent();
            advance(Duration.ofMillis(9));
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void aNewRoleOrDepartmentOfTheUserTakesEffectAtOnceAndForEveryoneWhenARoleChanges() {
        assertThat(userOf(42).orElseThrow().can("org.manage")).isFalse();
        user.set(user(42, "org.manage"));
        cache.onAccessChanged(new AccessChanged(41L)); // someone else
        assertThat(userOf(42).orElseThrow().can("org.manage")).isFalse();
        cache.onAccessChanged(new AccessChanged(42L));
        assertThat(userOf(42).orElseThrow().can("org.manage")).isTrue();
        user.set(user(42, "service-desk.view"));
        cache.onAccessChanged(new AccessChanged(null)); // a role's permissions
        assertThat(userOf(42).orElseThrow().can("org.manage")).isFalse();
    }

    @Test
    void aDeactivatedUsersTokensAndRightsAreForgottenAtOnce() {
        assertThat(lookUp()).isPresent();
        assertThat(userOf(42)).isPresent();
        stored.set(null);
        user.set(null);
        cache.onCredentialsChanged(new CredentialsChanged(42, "someone", CredentialsChanged.Kind.DEACTIVATED));
        assertThat(lookUp()).isEmpty();
        assertThat(userOf(42)).isEmpty();
    }

    @Test
    void anUnknownTokenIsNotRemembered() {
        stored.set(null);
        assertThat(lookUp()).isEmpty();
        stored.set(token(7, 42));
        assertThat(lookUp()).isPresent();
    }

    private Optional<TokenCache.Token> lookUp() {
        return cache.token("hash", h -> {
            reads.incrementAndGet();
            return stored.get();
        });
    }

    private Optional<CurrentUser> userOf(long id) {
        return cache.user(id, i -> {
            reads.incrementAndGet();
            return Optional.ofNullable(user.get());
        });
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static TokenCache.Token token(long id, long userId) {
        return new TokenCache.Token(id, userId, Instant.parse("2030-01-01T00:00:00Z"), null);
    }

    private static CurrentUser user(long id, String permission) {
        return new CurrentUser(id, "u" + id, "用户", null, "STAFF", Set.of(permission),
                new DataScope(DataScope.Kind.OWN, Set.of(), id), Locale.SIMPLIFIED_CHINESE);
    }
}
