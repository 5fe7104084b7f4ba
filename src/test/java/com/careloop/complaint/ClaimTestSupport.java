package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Helpers of the claim, return and compensation tests: a fresh customer, steps that must pass, refusals that must not. */
abstract class ClaimTestSupport extends ApiTestBase {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    JdbcClient jdbc;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    long newCustomer() {
        String phone = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'索赔客户" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','phone':'" + phone + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    /** A refused call: its status and, for 422, the field and rule named in the problem. */
    JsonNode refused(String user, String path, String body, int status, String field, String rule) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(status);
        JsonNode problem = r.json();
        if (field != null) {
            JsonNode error = problem.get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("rule").asString()).isEqualTo(rule);
        }
        return problem;
    }

    Response upload(String path, String user, Multipart form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokenFor(user)).header("Accept", "application/json")
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    List<String> auditActions(String type, long id) {
        return jdbc.sql("select action from audit_event where record_type = :t and record_id = :id order by id")
                .param("t", type).param("id", String.valueOf(id)).query(String.class).list();
    }

    long rows(String table, long customerId) {
        return jdbc.sql("select count(*) from " + table + " where customer_id = :c").param("c", customerId)
                .query(Long.class).single();
    }
}
