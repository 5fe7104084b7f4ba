package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} on the intake when the node dies between the steps: after the commit but before the
 * answer was stored (the key knows where the request is), and before the commit (nothing was written; after the
 * lease a retry runs again). Simulated on the key's row, as the crash would have left it.
 */
class IntakeIdempotencyApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";

    @Autowired
    JdbcClient jdbc;

    private String body(String title) {
        return j("{'contactName':'赵先生','contactPhone':'13812345678','type':'REPAIR','title':'" + title
                + "','channel':'API'}");
    }

    private long requestsTitled(String title) {
        return jdbc.sql("select count(*) from service_request where title = :t").param("t", title).query(Long.class).single();
    }

    private String location(String key) {
        return jdbc.sql("select created_location from idempotency_record where idem_key = :k").param("k", key)
                .query(String.class).single();
    }

    @Test
    void theKeyLearnsWhereTheRequestIsInTheRequestsOwnCommit() {
        String key = UUID.randomUUID().toString();
        Response created = post(BASE, tokenFor("frontdesk"), body("钥匙记录位置"), "Idempotency-Key", key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(location(key)).isEqualTo(BASE + "/" + created.json().get("id").asLong());
    }

    @Test
    void aRetryAfterACrashBetweenCommitAndStoredAnswerIsSentToTheRequest() {
        String key = UUID.randomUUID().toString();
        String title = "提交后宕机 " + key.substring(0, 8);
        Response created = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        // the node died after the commit, before the filter stored the answer
        jdbc.sql("update idempotency_record set status = null, content_type = null, response_body = null where idem_key = :k")
                .param("k", key).update();
        for (int attempt = 0; attempt < 2; attempt++) {
            Response retry = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", key);
            assertThat(retry.status()).as(retry.body()).isEqualTo(303);
            assertThat(retry.header("Location")).isEqualTo(BASE + "/" + created.json().get("id").asLong());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(requestsTitled(title)).isEqualTo(1);
    }

    @Test
    void aKeyLeftInProgressBeforeTheCommitRunsAgainOnlyAfterTheLease() {
        String title = "提交前宕机 " + UUID.randomUUID().toString().substring(0, 8);
        Response first = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(first.status()).isEqualTo(201);
        String hash = jdbc.sql("select request_hash from idempotency_record where created_location = :l")
                .param("l", BASE + "/" + first.json().get("id").asLong()).query(String.class).single();
        // two keys of the same body, left "in progress" without a location: one 11 minutes ago, one just now
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        for (var k : new Object[][] {{old, Duration.ofMinutes(11)}, {recent, Duration.ofMinutes(1)}}) {
            jdbc.sql("""
                    insert into idempotency_record (principal, idem_key, method, path, request_hash, created_at)
                    values ('frontdesk', :k, 'POST', :path, :h, :at)""")
                    .param("k", k[0]).param("path", BASE).param("h", hash)
                    .param("at", Timestamp.from(Instant.now().minus((Duration) k[1]))).update();
        }

        Response stillRunning = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", recent);
        assertThat(stillRunning.status()).isEqualTo(409);
        Response rerun = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", old);
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
        Response replay = post(BASE, tokenFor("frontdesk"), body(title), "Idempotency-Key", old);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asLong()).isEqualTo(rerun.json().get("id").asLong());
        assertThat(requestsTitled(title)).isEqualTo(2); // the first key's and the abandoned key's, once each
    }
}
