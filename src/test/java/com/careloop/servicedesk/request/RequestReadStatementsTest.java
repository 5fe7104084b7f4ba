package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.careloop.support.ApiTestBase;
import com.careloop.support.StatementCounting;

import org.junit.jupiter.api.Test;

/**
 * What an authenticated {@code GET /api/v1/service-requests/{id}} sends to the database (issue 21 §2): the
 * statements the answer needs and nothing else — the bearer token and the user with its rights come from the
 * per-node cache (ADR 0016), refreshed at most once a second. Statements are counted on the server's request
 * threads through a data source that records every statement prepared.
 */
class RequestReadStatementsTest extends ApiTestBase {

    @Test
    void aRequestPageSendsOnlyTheStatementsOfItsAnswer() {
        String token = tokenFor("frontdesk");
        Response created = post("/api/v1/service-requests", token, j("{'contactName':'孙先生','contactPhone':'13900001111',"
                + "'type':'REPAIR','title':'计数读取','channel':'PHONE','priority':'NORMAL'}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/service-requests/" + created.json().get("id").asLong();

        get(path, token); // the first read after the intake
        long started = System.nanoTime();
        List<String> authentication = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> statements = StatementCounting.preparedOnRequestThreadsDuring(
                    () -> assertThat(get(path, token).status()).isEqualTo(200));
            List<String> answer = new ArrayList<>();
            for (String sql : statements) {
                (isAuthentication(sql) ? authentication : answer).add(sql.toLowerCase());
            }
            // the request, its timeline and pauses (Hibernate), category and signatures, notes, materials
            assertThat(answer).as("statements of read %d: %s", i, answer).hasSize(6);
            assertThat(answer).filteredOn(sql -> sql.contains("from service_request ")).hasSize(1);
            assertThat(answer).noneMatch(sql -> sql.startsWith("insert") || sql.startsWith("update"));
        }
        // token and user with rights: at most one look-up of each per second (TokenCache), not one per read
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(authentication.size()).as("%s", authentication).isLessThanOrEqualTo(3 * (int) (seconds + 1));
    }

    /** The bearer token, its last use, the user with roles and permissions (ADR 0016's cache refills). */
    private static boolean isAuthentication(String sql) {
        String s = sql.toLowerCase();
        return s.contains("api_token") || s.contains("role");
    }
}
