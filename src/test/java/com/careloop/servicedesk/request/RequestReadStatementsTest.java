package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.careloop.support.ApiTestBase;
import com.careloop.support.StatementCounting;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Test;

/**
 * What an authenticated {@code GET /api/v1/service-requests/{id}} sends to the database (issue 21 §2): the
 * statements the answer needs and nothing else — the bearer token and the user with its rights come from the
 * per-node cache (ADR 0016), refreshed at most once a second. Statements are counted on the server's request
 * threads through a data source that records every statement prepared. On PostgreSQL the page's reads go as one
 * multi-statement query (one round trip, {@code OneRoundTrip}); on H2, in the same process, one by one.
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
            // one round trip on PostgreSQL
            assertThat(answer).as("statements of read %d: %s", i, answer).hasSize(TestDatabases.onPostgres() ? 1 : 6);
            // the request with its category and signature, its timeline, pauses, notes, materials, names
            List<String> reads = answer.stream().flatMap(sql -> Arrays.stream(sql.split(";"))).map(String::strip).toList();
            assertThat(reads).as("reads of read %d", i).hasSize(6).allMatch(sql -> sql.startsWith("select"));
            assertThat(reads).filteredOn(sql -> sql.contains("from service_request r left join service_category"))
                    .hasSize(1);
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
