package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

/**
 * The remembered tokens and users (TokenCache) never outlive a change made through the application: each case
 * first uses the token, so that token and user are in memory, then changes them and calls again at once.
 */
class TokenCacheApiTest extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRevokedTokenIsRefusedOnTheNextCall() {
        String token = login(newUser("STAFF", null));
        assertThat(get("/api/v1/me", token).status()).isEqualTo(200);
        long id = get("/api/v1/auth/tokens", token).json().get(0).get("id").asLong();
        assertThat(delete("/api/v1/auth/tokens/" + id, token).status()).isEqualTo(204);
        assertThat(get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void aNewRoleTakesEffectOnTheNextCall() {
        String username = newUser("STAFF", null);
        String token = login(username);
        long id = get("/api/v1/me", token).json().get("id").asLong();
        assertThat(get("/api/v1/users?limit=5", token).status()).isEqualTo(403);
        saveUser(id, username, "QUALITY_MANAGER", null);
        assertThat(get("/api/v1/users?limit=5", token).status()).isEqualTo(200);
        saveUser(id, username, "STAFF", null);
        assertThat(get("/api/v1/users?limit=5", token).status()).isEqualTo(403);
    }

    @Test
    void theDataScopeFollowsTheDepartmentAndTheDepartmentTree() {
        long a = department(null);
        long b = department(null);
        String other = newUser("STAFF", b);
        long otherId = userId(other);
        String head = newUser("DEPT_HEAD", a);
        String token = login(head);
        long headId = get("/api/v1/me", token).json().get("id").asLong();
        assertThat(get("/api/v1/users/" + otherId, token).status()).as("outside the scope").isEqualTo(404);
        saveUser(headId, head, "DEPT_HEAD", b);
        assertThat(get("/api/v1/users/" + otherId, token).status()).as("moved to the department").isEqualTo(200);
        // a department created below the head's: its people come into the head's scope with it
        long below = department(b);
        String newcomer = newUser("STAFF", below);
        assertThat(get("/api/v1/users/" + userId(newcomer), token).status()).isEqualTo(200);
        saveUser(headId, head, "DEPT_HEAD", a);
        assertThat(get("/api/v1/users/" + otherId, token).status()).as("moved back").isEqualTo(404);
    }

    private String newUser(String role, Long department) {
        String username = "tc" + UUID.randomUUID().toString().substring(0, 8);
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username
                + "','displayName':'缓存测试','password':'right-password','position':'STAFF','roles':['" + role + "']"
                + (department == null ? "" : ",'departmentId':" + department) + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    private void saveUser(long id, String username, String role, Long department) {
        long version = get("/api/v1/users/" + id, tokenFor("admin")).json().get("version").asLong();
        Response r = put("/api/v1/users/" + id, tokenFor("admin"), j("{'username':'" + username
                + "','displayName':'缓存测试','position':'STAFF','roles':['" + role + "'],'version':" + version
                + (department == null ? "" : ",'departmentId':" + department) + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private long department(Long parent) {
        String code = "TC" + UUID.randomUUID().toString().substring(0, 8);
        Response r = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'缓存部门 " + code + "'"
                + (parent == null ? "" : ",'parentId':" + parent) + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private String login(String username) {
        Response r = post("/api/v1/auth/tokens", null, j("{'username':'" + username + "','password':'right-password'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }
}
