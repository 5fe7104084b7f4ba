package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TokenCache cache;

    private String newUser() {
        String username = "auth" + UUID.randomUUID().toString().substring(0, 8);
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username
                + "','displayName':'测试','password':'right-password','position':'STAFF','roles':['STAFF']}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    private Response login(String username, String password) {
        return post("/api/v1/auth/tokens", null, j("{'username':'" + username + "','password':'" + password + "'}"));
    }

    @Test
    void aTokenIsIssuedForTheRightPasswordAndStoredOnlyAsAHash() {
        String username = newUser();
        Response r = login(username, "right-password");
        assertThat(r.status()).isEqualTo(201);
        String token = r.json().get("token").asString();
        assertThat(r.json().get("expiresAt").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :h").param("h", ApiTokens.hash(token))
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(get("/api/v1/me", token).json().get("username").asString()).isEqualTo(username);
    }

    @Test
    void aWrongPasswordIs401WithAProblemDetail() {
        Response r = login(newUser(), "wrong-password");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).isEqualTo("用户名或密码错误");
    }

    @Test
    void fiveFailedLoginsBlockThatAddressForTheAccountUntilAnAdministratorUnlocksIt() {
        String username = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong").status()).isEqualTo(401);
        }
        Response blocked = login(username, "right-password");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:careloop:problem:login-throttled");
        assertThat(jdbc.sql("select locked_until from app_user where username = :u").param("u", username)
                .query(java.sql.Timestamp.class).optional()).isEmpty();
        long userId = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
        assertThat(get("/api/v1/audit-events/user/" + userId, tokenFor("admin")).json().valueStream()
                .map(e -> e.get("action").asString())).contains("LOGIN_THROTTLED");

        assertThat(post("/api/v1/users/" + userId + "/unlock", tokenFor("admin"), null).status()).isEqualTo(200);
        assertThat(login(username, "right-password").status()).isEqualTo(201);
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String username = newUser();
        String token = login(username, "right-password").json().get("token").asString();
        long id = get("/api/v1/auth/tokens", token).json().get(0).get("id").asLong();
        assertThat(delete("/api/v1/auth/tokens/" + id, token).status()).isEqualTo(204);
        Response r = get("/api/v1/me", token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:careloop:problem:invalid-token");
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        long userId = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        String token = tokens.issue(userId, "short", Duration.ofMillis(50)).token();
        Thread.sleep(120);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedUsersTokenStopsWorking() {
        String username = newUser();
        String token = login(username, "right-password").json().get("token").asString();
        long id = get("/api/v1/me", token).json().get("id").asLong();
        assertThat(post("/api/v1/users/" + id + "/deactivate", tokenFor("admin"), null).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        Response r = get("/api/v1/departments", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void lastUsedAtIsWrittenOnFirstUseAndThenAtMostOnceAMinute() {
        String token = login(newUser(), "right-password").json().get("token").asString();
        String hash = ApiTokens.hash(token);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(200);
        java.sql.Timestamp first = lastUsed(hash);
        assertThat(first).isNotNull();
        // Within the minute a use does not write the row again.
        jdbc.sql("update api_token set last_used_at = :t where token_hash = :h")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(30))).param("h", hash).update();
        java.sql.Timestamp recent = lastUsed(hash);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(lastUsed(hash)).isEqualTo(recent);
        // Older than a minute: the next use records it.
        jdbc.sql("update api_token set last_used_at = :t where token_hash = :h")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(90))).param("h", hash).update();
        java.sql.Timestamp stale = lastUsed(hash);
        // as once the cache's second is over: the token is read again, with the use recorded 90 s ago
        cache.forgetToken(jdbc.sql("select id from api_token where token_hash = :h").param("h", hash).query(Long.class).single());
        assertThat(get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(lastUsed(hash)).isAfter(stale).isAfter(recent);
    }

    private java.sql.Timestamp lastUsed(String hash) {
        return jdbc.sql("select last_used_at from api_token where token_hash = :h").param("h", hash)
                .query(java.sql.Timestamp.class).single();
    }
}
