package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4 "Reliability": the application in a child JVM on PostgreSQL takes concurrent intake, is killed
 * with SIGKILL mid-load and restarted. Every request acknowledged with 201 exists exactly once (by number
 * and by its marker), no request is half-written (each has its timeline row and audit entry), and two
 * agents editing one request at once give one success and one 409 without losing the winner's change.
 */
@Tag("slow")
class IntakeReliabilityTest {

    static final String PASSWORD = "reliability-pw";
    static final int THREADS = 4;
    static final int KILL_AFTER_ACKS = 40;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final JsonMapper json = JsonMapper.builder().build();

    record Sent(String marker, int status, String code, long id) {
    }

    record Child(Process process, int port) {
    }

    @Test
    void acknowledgedRequestsSurviveAKillExactlyOnceAndConcurrentEditsConflict() throws Exception {
        String db = "reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var pg = TestDatabases.postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + db);
        }
        String jdbcUrl = pg.getJdbcUrl("postgres", db);

        Child first = start(jdbcUrl, 1);
        String token = token(first.port());
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            load.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String marker = "rel-" + thread + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                    Sent s = register(first.port(), token, marker);
                    sent.put(marker, s);
                    if (s.status() == 201) {
                        acks.incrementAndGet();
                    } else if (s.status() < 0) {
                        return; // the server is gone
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.get() < KILL_AFTER_ACKS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
        first.process().waitFor();
        stop.set(true);
        for (Future<?> f : load) {
            f.get();
        }
        pool.shutdown();
        assertThat(acks.get()).as("acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        System.out.printf("Reliability: %d acknowledged, %d unanswered when killed%n", acks.get(),
                sent.values().stream().filter(x -> x.status() != 201).count());

        Child second = start(jdbcUrl, 2);
        try {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                for (Sent s : sent.values()) {
                    List<String> codes = codesWithMarker(c, s.marker());
                    if (s.status() == 201) {
                        assertThat(codes).as("acknowledged " + s.marker()).containsExactly(s.code());
                    } else {
                        assertThat(codes).as("unacknowledged " + s.marker() + " at most once").hasSizeLessThanOrEqualTo(1);
                    }
                }
                // nothing half-written: every stored request has its timeline row and its audit entry
                assertThat(count(c, """
                        select count(*) from service_request r where r.title like 'rel-%' and (
                          not exists (select 1 from service_request_event e where e.request_id = r.id and e.kind = 'REGISTERED')
                          or not exists (select 1 from audit_event a where a.record_type = 'service-request'
                                         and a.record_id = cast(r.id as varchar) and a.action = 'CREATE'))""")).isZero();
                assertThat(count(c, "select count(*) from service_request where title like 'rel-%'"))
                        .isGreaterThanOrEqualTo(acks.get());
                // numbers stay unique after the restart
                assertThat(count(c, "select count(*) - count(distinct code) from service_request")).isZero();
            }
            String token2 = token(second.port());
            Sent after = register(second.port(), token2, "rel-after-restart-" + UUID.randomUUID());
            assertThat(after.status()).isEqualTo(201);

            concurrentEditsConflict(second.port(), token2, token(second.port(), "supervisor", "careloop2026"), jdbcUrl);
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }

    /** Two agents dispatch one request with the version they both saw: one wins, the other gets 409. */
    void concurrentEditsConflict(int port, String frontdesk, String supervisor, String jdbcUrl) throws Exception {
        Sent r = register(port, frontdesk, "rel-edit-" + UUID.randomUUID());
        long id = r.id();
        List<Long> departments;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery("select id from department where active = true order by id limit 2")) {
            departments = new ArrayList<>();
            while (rs.next()) {
                departments.add(rs.getLong(1));
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<HttpResponse<String>> a = two.submit(() -> {
            go.await();
            return post(port, frontdesk, "/api/v1/service-requests/" + id + "/dispatch",
                    "{\"departmentId\":" + departments.get(0) + ",\"version\":0}", null);
        });
        Future<HttpResponse<String>> b = two.submit(() -> {
            go.await();
            return post(port, supervisor, "/api/v1/service-requests/" + id + "/dispatch",
                    "{\"departmentId\":" + departments.get(1) + ",\"version\":0}", null);
        });
        go.countDown();
        int sa = a.get().statusCode();
        int sb = b.get().statusCode();
        two.shutdown();
        assertThat(List.of(sa, sb)).as(a.get().body() + " / " + b.get().body()).containsExactlyInAnyOrder(200, 409);
        long winner = sa == 200 ? departments.get(0) : departments.get(1);
        JsonNode detail = get(port, frontdesk, "/api/v1/service-requests/" + id);
        assertThat(detail.get("departmentId").asLong()).isEqualTo(winner);
        assertThat(detail.get("version").asLong()).isEqualTo(1);
        assertThat(detail.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("DISPATCHED")).count())
                .isEqualTo(1);
        // the loser retries with the version it now sees, and nothing of the winner's change is lost
        HttpResponse<String> retry = post(port, supervisor, "/api/v1/service-requests/" + id + "/dispatch",
                "{\"departmentId\":" + winner + ",\"version\":0}", null);
        assertThat(retry.statusCode()).isEqualTo(409);
    }

    // ---- the child application -------------------------------------------------------------------

    Child start(String jdbcUrl, int run) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "reliability-child-" + run + ".log").toFile();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "com.careloop.CareLoopApplication", "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--careloop.demo-data=true", "--careloop.admin-password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=8")
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("child exited; see " + log).isTrue();
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new Child(p, port);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new AssertionError("child did not start in time; see " + log);
    }

    String token(int port) throws Exception {
        return token(port, "frontdesk", "careloop2026");
    }

    String token(int port, String user, String password) throws Exception {
        var r = post(port, null, "/api/v1/auth/tokens", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asString();
    }

    /** One intake with its own Idempotency-Key; status -1 when the server did not answer. */
    Sent register(int port, String token, String marker) {
        try {
            var r = post(port, token, "/api/v1/service-requests", "{\"contactName\":\"可靠性\",\"contactPhone\":\"13800000000\","
                    + "\"type\":\"REPAIR\",\"title\":\"" + marker + "\",\"channel\":\"API\"}", marker);
            JsonNode body = r.statusCode() == 201 ? json.readTree(r.body()) : null;
            return new Sent(marker, r.statusCode(), body == null ? null : body.get("code").asString(),
                    body == null ? 0 : body.get("id").asLong());
        } catch (IOException e) {
            return new Sent(marker, -1, null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(marker, -1, null, 0);
        }
    }

    HttpResponse<String> post(int port, String token, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode get(int port, String token, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static List<String> codesWithMarker(Connection c, String marker) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select code from service_request where title = ?")) {
            ps.setString(1, marker);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
