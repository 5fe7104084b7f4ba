package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.support.ChildApplication;
import com.careloop.support.TestDatabases;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues 4 and 14 "acknowledged means durable": the application in a child JVM takes a burst of idempotent intakes
 * from several threads, is killed with SIGKILL mid-burst and restarted on the same data — on the embedded H2 file
 * database with the shipped settings (a fresh data directory) and on PostgreSQL. Every request answered 201 is
 * there afterwards with its number, exactly once, with its timeline row and audit entry; a retry of every request
 * with its Idempotency-Key after the restart returns the acknowledged record (never a second one, never a number
 * already handed out); and two agents editing one request at once give one success and one 409. A webhook endpoint
 * subscribed to "request registered" is down (503) until the kill: after the restart every acknowledged request's
 * event reaches it (issue 19: no loss between commit and delivery), each record under one event id only.
 */
@Tag("slow")
class IntakeReliabilityTest {

    static final String PASSWORD = "reliability-pw";
    static final String USER_PASSWORD = "Reliability-user-2026";
    static final int THREADS = 8;
    static final int KILL_AFTER_ACKS = 60;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final JsonMapper json = JsonMapper.builder().build();

    /** An intake's answer; {@code problem} is the body of an answer other than 201 (what a failure says). */
    record Sent(String marker, int status, String code, long id, String problem) {
        Sent(String marker, int status, String code, long id) {
            this(marker, status, code, id, null);
        }
    }

    /** Where the child keeps its data, and how the test reads it once the child has stopped. */
    enum Store {
        H2 {
            @Override
            Data create() throws Exception {
                Path dir = Files.createTempDirectory("careloop-kill-h2");
                // the shipped default URL (application.yml) on its own data directory
                return new Data(List.of("--CARELOOP_DATA_DIR=" + dir), "jdbc:h2:file:" + dir.resolve("careloop")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            }
        },
        POSTGRESQL {
            @Override
            Data create() throws Exception {
                String db = "reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                var pg = TestDatabases.postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("create database " + db);
                }
                String url = pg.getJdbcUrl("postgres", db);
                return new Data(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres"), url, "postgres", "postgres");
            }
        };

        abstract Data create() throws Exception;
    }

    record Data(List<String> childArgs, String url, String user, String password) {
        Connection connect() throws Exception {
            return DriverManager.getConnection(url, user, password);
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void acknowledgedRequestsSurviveAKillExactlyOnceAndConcurrentEditsConflict(Store store) throws Exception {
        Data data = store.create();
        Receiver receiver = Receiver.start();
        ChildApplication first = start(store, data, 1);
        organisation(first.port());
        subscribe(first.port(), receiver);
        Map<String, Sent> sent = burstUntilKilled(first);
        long acks = sent.values().stream().filter(s -> s.status() == 201).count();
        assertThat(acks).as("acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);

        // an abandoned key (created nothing before the kill) may run again at once after the restart
        ChildApplication second = start(store, data, 2, "--careloop.idempotency.abandoned-after=PT1S");
        List<String> lost = new ArrayList<>();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        try {
            String token = token(second.port(), "frontdesk");
            for (Sent s : List.copyOf(sent.values())) {
                Sent retry = retry(second.port(), token, s.marker(), refused);
                if (retry == null) {
                    continue;
                }
                if (s.status() == 201 && (retry.id() != s.id() || !s.code().equals(retry.code()))) {
                    lost.add(s.marker() + " " + s.code() + " -> " + retry.status() + " " + retry.code());
                }
                sent.put(s.marker(), s.status() == 201 ? s : retry);
            }
            System.out.printf("Reliability on %s: %d acknowledged before SIGKILL, %d unanswered, %d acknowledged lost%n",
                    store, acks, sent.size() - acks, lost.size());
            assertThat(lost).as("acknowledged before the kill, but a retry after the restart created it again").isEmpty();

            Sent after = register(second.port(), token, "rel-after-restart-" + UUID.randomUUID());
            assertThat(after.status()).as(() -> "a new intake after the restart on " + store + ": " + after.problem()
                    + "; refused retries before it: " + refused + "; the child's warnings: " + warnings(second))
                    .isEqualTo(201);
            concurrentEditsConflict(second.port(), token, token(second.port(), "supervisor"));

            receiver.up();
            List<String> acknowledged = sent.values().stream().filter(x -> x.status() == 201).map(Sent::code).toList();
            Map<String, Set<String>> events = receiver.awaitNumbers(acknowledged, Duration.ofSeconds(90));
            System.out.printf("Webhooks on %s: %d records delivered, %d deliveries, %d repeated (at least once)%n",
                    store, events.size(), receiver.deliveries(), receiver.deliveries() - events.size());
            assertThat(events.keySet()).as("acknowledged requests whose event never arrived").containsAll(acknowledged);
            assertThat(events.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList())
                    .as("records sent under more than one event id").isEmpty();
        } finally {
            second.stop();
            receiver.stop();
        }

        try (Connection c = data.connect()) {
            // a refused retry is a defect: what its key and its request look like in the database says which
            assertThat(refused).as(() -> refused.keySet().stream().map(m -> m + ": " + refused.get(m) + "; stored key "
                    + describe(c, "select status, created_location, created_at from idempotency_record where idem_key = ?", m)
                    + "; requests " + describe(c, "select id, code from service_request where title = ?", m))
                    .toList().toString()).isEmpty();
            for (Sent s : sent.values()) {
                assertThat(codesWithMarker(c, s.marker())).as(s.marker() + " (first answer " + s.status() + ")")
                        .containsExactly(s.code());
            }
            // nothing half-written: every stored request has its timeline row and its audit entry
            assertThat(count(c, """
                    select count(*) from service_request r where r.title like 'rel-%' and (
                      not exists (select 1 from service_request_event e where e.request_id = r.id and e.kind = 'REGISTERED')
                      or not exists (select 1 from audit_event a where a.record_type = 'service-request'
                                     and a.record_id = cast(r.id as varchar) and a.action = 'CREATE'))""")).isZero();
            // numbers stay unique after the restart
            assertThat(count(c, "select count(*) - count(distinct code) from service_request")).isZero();
        }
    }

    /** The child's log lines at WARN or above, and its integrity violations (logged at INFO), for a failure's message. */
    static String warnings(ChildApplication app) {
        try (var lines = Files.lines(app.log().toPath(), StandardCharsets.UTF_8)) {
            return String.join("\n", lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")
                    || l.contains("Integrity violation")).toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    ChildApplication start(Store store, Data data, int run, String... more) throws Exception {
        List<String> args = new ArrayList<>(data.childArgs());
        // no demo company (its reports, complaints and surveys cost ~17 s of each fresh start): the two accounts and
        // departments the test needs are made through the API, see organisation()
        args.addAll(List.of("--careloop.demo-data=false", "--careloop.admin-password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=8", "--careloop.security.password-hash-cost=4",
                // the test's receiver is on loopback; quick retries; never switched off for its 503s
                "--careloop.webhooks.allow-private-targets=true", "--careloop.webhooks.initial-backoff=PT0.2S",
                "--careloop.webhooks.max-backoff=PT1S", "--careloop.webhooks.lease=PT3S",
                "--careloop.webhooks.disable-after=1000000"));
        args.addAll(List.of(more));
        return ChildApplication.start("reliability-" + store.name().toLowerCase() + "-" + run, args);
    }

    /** Intakes from {@link #THREADS} threads until {@link #KILL_AFTER_ACKS} are acknowledged, then SIGKILL mid-burst. */
    Map<String, Sent> burstUntilKilled(ChildApplication app) throws Exception {
        String token = token(app.port(), "frontdesk");
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
                    Sent s = register(app.port(), token, marker);
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
            Thread.sleep(10);
        }
        app.kill();
        stop.set(true);
        for (Future<?> f : load) {
            f.get();
        }
        pool.shutdown();
        return sent;
    }

    /**
     * The same request with the same Idempotency-Key again: the stored answer (201 replayed), the record it created
     * (303), or — when the first attempt created nothing — a new record (201).
     */
    Sent retry(int port, String token, String marker, Map<String, String> refused) throws Exception {
        HttpResponse<String> r = post(port, token, "/api/v1/service-requests", intake(marker), marker);
        if (r.statusCode() == 303) {
            String location = r.headers().firstValue("Location").orElseThrow();
            JsonNode record = get(port, token, location);
            return new Sent(marker, 303, record.get("code").asString(), record.get("id").asLong());
        }
        if (r.statusCode() != 201) {
            refused.put(marker, r.statusCode() + " " + r.body());
            return null;
        }
        JsonNode body = json.readTree(r.body());
        return new Sent(marker, 201, body.get("code").asString(), body.get("id").asLong());
    }

    /** Two agents dispatch one request with the version they both saw: one wins, the other gets 409. */
    void concurrentEditsConflict(int port, String frontdesk, String supervisor) throws Exception {
        Sent r = register(port, frontdesk, "rel-edit-" + UUID.randomUUID());
        long id = r.id();
        List<Long> departments = get(port, supervisor, "/api/v1/departments").valueStream()
                .filter(d -> d.get("active").asBoolean()).map(d -> d.get("id").asLong()).sorted().limit(2).toList();
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
        // the loser retries with the version it saw, and nothing of the winner's change is lost
        HttpResponse<String> retry = post(port, supervisor, "/api/v1/service-requests/" + id + "/dispatch",
                "{\"departmentId\":" + winner + ",\"version\":0}", null);
        assertThat(retry.statusCode()).isEqualTo(409);
    }

    /** Two departments, and the front-desk agent and the supervisor of the first, made by the administrator. */
    void organisation(int port) throws Exception {
        String admin = token(port, "admin", PASSWORD);
        List<Long> departments = new ArrayList<>();
        for (String code : List.of("REL-A", "REL-B")) {
            var d = post(port, admin, "/api/v1/departments", "{\"code\":\"" + code + "\",\"name\":\"可靠性" + code + "\"}", null);
            assertThat(d.statusCode()).as(d.body()).isEqualTo(201);
            departments.add(json.readTree(d.body()).get("id").asLong());
        }
        for (String[] u : new String[][] {{"frontdesk", "FRONT_DESK"}, {"supervisor", "CS_SUPERVISOR"}}) {
            var r = post(port, admin, "/api/v1/users", "{\"username\":\"" + u[0] + "\",\"displayName\":\"可靠性" + u[0]
                    + "\",\"password\":\"" + USER_PASSWORD + "\",\"position\":\"" + u[1] + "\",\"roles\":[\"" + u[1]
                    + "\"],\"departmentId\":" + departments.get(0) + "}", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    // ---- the webhook receiver ---------------------------------------------------------------------

    /** Registers the receiver for "request registered" as the administrator of the child. */
    void subscribe(int port, Receiver receiver) throws Exception {
        String admin = token(port, "admin", PASSWORD);
        var r = post(port, admin, "/api/v1/webhooks", "{\"name\":\"ERP\",\"url\":\"http://127.0.0.1:" + receiver.port()
                + "/erp\",\"secret\":\"reliability-webhook-secret\",\"eventTypes\":[\"service-request.registered\"]}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** A receiving system that answers 503 until {@link #up()}, then records each event by the record's number. */
    static final class Receiver {
        private final HttpServer server;
        private final AtomicBoolean up = new AtomicBoolean();
        private final Map<String, Set<String>> eventIdsByNumber = new ConcurrentHashMap<>();
        private final AtomicInteger deliveries = new AtomicInteger();
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            Receiver r = new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            r.server.setExecutor(Executors.newFixedThreadPool(4));
            r.server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = 503;
                if (r.up.get()) {
                    JsonNode event = JSON.readTree(body);
                    r.eventIdsByNumber.computeIfAbsent(event.get("number").asString(), n -> ConcurrentHashMap.newKeySet())
                            .add(event.get("id").asString());
                    r.deliveries.incrementAndGet();
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            r.server.start();
            return r;
        }

        int port() {
            return server.getAddress().getPort();
        }

        void up() {
            up.set(true);
        }

        int deliveries() {
            return deliveries.get();
        }

        Map<String, Set<String>> awaitNumbers(List<String> numbers, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!eventIdsByNumber.keySet().containsAll(numbers) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000); // what else arrives: a record sent twice would show here
            return Map.copyOf(eventIdsByNumber);
        }

        void stop() {
            server.stop(0);
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------

    String token(int port, String user) throws Exception {
        return token(port, user, USER_PASSWORD);
    }

    String token(int port, String user, String password) throws Exception {
        var r = post(port, null, "/api/v1/auth/tokens", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asString();
    }

    static String intake(String marker) {
        return "{\"contactName\":\"可靠性\",\"contactPhone\":\"13800000000\",\"type\":\"REPAIR\",\"title\":\"" + marker
                + "\",\"channel\":\"API\"}";
    }

    /** One intake with its own Idempotency-Key; status -1 when the server did not answer. */
    Sent register(int port, String token, String marker) {
        try {
            var r = post(port, token, "/api/v1/service-requests", intake(marker), marker);
            JsonNode body = r.statusCode() == 201 ? json.readTree(r.body()) : null;
            return new Sent(marker, r.statusCode(), body == null ? null : body.get("code").asString(),
                    body == null ? 0 : body.get("id").asLong(), body == null ? r.body() : null);
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

    // ---- SQL, once the child has stopped ----------------------------------------------------------

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

    /** The rows of a one-parameter query, as text (for a failure's message). */
    static String describe(Connection c, String sql, String param) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" ", row));
                }
            }
            return rows.toString();
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
