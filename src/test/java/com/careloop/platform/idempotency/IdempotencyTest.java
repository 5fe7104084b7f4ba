package com.careloop.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long departmentsNamed(String code) {
        return jdbc.sql("select count(*) from department where code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void aRetriedCreateWithTheSameKeyReplaysTheFirstResponseAndCreatesNothingNew() {
        String code = "I" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String body = j("{'code':'" + code + "','name':'重试部门'}");
        Response first = post("/api/v1/departments", tokenFor("admin"), body, "Idempotency-Key", key);
        Response retry = post("/api/v1/departments", tokenFor("admin"), body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(departmentsNamed(code)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        String code = "I" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'甲'}"),
                "Idempotency-Key", key).status()).isEqualTo(201);
        Response other = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "X','name':'乙'}"),
                "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:careloop:problem:idempotency-mismatch");
        assertThat(departmentsNamed(code + "X")).isZero();
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String code = "I" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'甲'}"), "Idempotency-Key", key);
        // Another caller's identical key is a different request: the manager lacks org:manage and is refused.
        Response r = post("/api/v1/departments", tokenFor("manager"), j("{'code':'" + code + "','name':'甲'}"),
                "Idempotency-Key", key);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aRefusedCreateIsReplayedAsRefused() {
        String key = UUID.randomUUID().toString();
        String body = j("{'code':'','name':'x'}");
        assertThat(post("/api/v1/departments", tokenFor("admin"), body, "Idempotency-Key", key).status()).isEqualTo(422);
        Response again = post("/api/v1/departments", tokenFor("admin"), body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anOversizedKeyIs400() {
        Response r = post("/api/v1/departments", tokenFor("admin"), j("{'code':'K1','name':'x'}"),
                "Idempotency-Key", "k".repeat(201));
        assertThat(r.status()).isEqualTo(400);
    }
}
