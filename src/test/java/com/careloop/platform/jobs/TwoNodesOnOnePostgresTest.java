package com.careloop.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.CareLoopApplication;
import com.careloop.callback.task.CallbackGeneration;
import com.careloop.servicedesk.request.SlaScan;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;
import com.careloop.support.TestDatabases;
import com.careloop.webhook.outbound.Signatures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two CareLoop nodes in this JVM on one embedded PostgreSQL database, as behind a load balancer (issue 19 §4,
 * docs/deployment.md): node A migrates and seeds the demo company, node B only validates the schema. Intake and
 * dispatch run concurrently on both through API tokens; the SLA scan and callback generation are fired on both at
 * the same moment, slot after slot; webhooks go to a receiver on this machine; a page session signed in on A is used
 * on B. Every lock taken on either node is recorded, so "ran once per slot" is counted, not assumed.
 * <p>Part of {@code ./mvnw verify} (about 40 s on a quiet 2-core machine, most of it the two starts);
 * {@code -Dcareloop.multinode=false} leaves it out while iterating.
 */
@DisabledIfSystemProperty(named = "careloop.multinode", matches = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnOnePostgresTest {

    private static final String PASSWORD = "careloop2026";
    private static final String SECRET = "multinode-secret-0123456789";
    private static final int THREADS_PER_NODE = 4;
    private static final int REQUESTS_PER_THREAD = 10;
    private static final int SLOTS = 2;

    /** One attempt to take a ShedLock lock, on a node. */
    record Attempt(String node, String name, Instant at, boolean acquired, String thread) {
    }

    /** What the receiver got: the event id and type, and the request's body. */
    record Received(String eventId, String eventType, String body) {
    }

    static final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpServer receiver;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", this::receive);
        receiver.start();

        EmbeddedPostgres pg = TestDatabases.postgres();
        String database = "multinode_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            c.createStatement().execute("create database " + database);
        }
        String url = pg.getJdbcUrl("postgres", database);
        a = node("A", url, true);
        // the endpoint exists before B starts, so B's 5 s subscription snapshot already holds it
        long endpoint = post(port(a), "/api/v1/webhooks", token(port(a), "admin"),
                "{\"name\":\"ERP multinode\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/erp\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"service-request.registered\","
                        + "\"service-request.dispatched\"]}").get("id").asLong();
        assertThat(endpoint).isPositive();
        b = node("B", url, false);
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** A node on the shared database; only the first migrates (and seeds), the second validates the schema. */
    private static ConfigurableApplicationContext node(String name, String url, boolean first) {
        return new SpringApplicationBuilder(CareLoopApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().addBeanPostProcessor(new RecordingLocks(name));
                    if (!first) {
                        ((GenericApplicationContext) ctx).registerBean(FlywayMigrationStrategy.class,
                                () -> flyway -> flyway.validate());
                    }
                })
                // as command-line arguments: SpringApplicationBuilder.properties would rank below application.yml
                .run(Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("spring.datasource.url", url),
                        Map.entry("spring.datasource.username", "postgres"),
                        Map.entry("spring.datasource.password", "postgres"),
                        Map.entry("spring.datasource.hikari.maximum-pool-size", "8"),
                        Map.entry("careloop.demo-data", String.valueOf(first)),
                        Map.entry("careloop.admin-password", ApiTestBase.ADMIN_PASSWORD),
                        Map.entry("careloop.security.password-hash-cost", "4"),
                        Map.entry("careloop.webhooks.allow-private-targets", "true"),
                        Map.entry("careloop.webhooks.initial-backoff", "300ms"),
                        Map.entry("careloop.webhooks.timeout", "2s"),
                        Map.entry("careloop.webhooks.poll-interval", "PT0.5S"),
                        // the test fires the SLA scan and callback generation itself, slot by slot
                        Map.entry("careloop.servicedesk.scan-initial-delay", "PT24H"),
                        Map.entry("careloop.callback.generation-cron", "-"))
                        .entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @Test
    void twoNodesShareWorkJobsSessionsAndDeliverEveryEvent() throws Exception {
        int portA = port(a);
        int portB = port(b);
        String tokenA = token(portA, "frontdesk");
        long department = a.getBean(JdbcClient.class).sql("select id from department where code = 'ENG-REPAIR'")
                .query(Long.class).single();
        String run = UUID.randomUUID().toString().substring(0, 8);

        // intake on both nodes at once, each request dispatched on the other node; one token for both (it is a row)
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE, r -> new Thread(r, "slot-" + r.hashCode()));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> drawn = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            int on = t % 2 == 0 ? portA : portB;
            int other = on == portA ? portB : portA;
            int thread = t;
            drawn.add(pool.submit(() -> {
                go.await();
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    JsonNode r = post(on, "/api/v1/service-requests", tokenA, "{\"type\":\"REPAIR\",\"title\":\"multinode "
                            + run + " " + thread + "-" + i + "\",\"contactName\":\"李先生\",\"contactPhone\":\"13812345678\","
                            + "\"channel\":\"PHONE\"}");
                    post(other, "/api/v1/service-requests/" + r.get("id").asLong() + "/dispatch", tokenA,
                            "{\"departmentId\":" + department + "}");
                    codes.add(r.get("code").asString());
                }
                return codes;
            }));
        }
        go.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<List<String>> f : drawn) {
            codes.addAll(f.get());
        }
        int expected = 2 * THREADS_PER_NODE * REQUESTS_PER_THREAD;
        assertThat(codes).hasSize(expected).doesNotHaveDuplicates();

        // every number of the year (BS2026-000123) issued once, none skipped (the demo company's and ours alike)
        String year = codes.get(0).substring(0, codes.get(0).lastIndexOf('-') + 1);
        List<Long> sequence = a.getBean(JdbcClient.class).sql("select code from service_request where code like :year")
                .param("year", year + "%").query(String.class).list().stream()
                .map(c -> Long.parseLong(c.substring(year.length()))).sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0) + 1).as("gap-free").isEqualTo(sequence.size());

        // the cluster's jobs fired on both nodes at the same moment, slot after slot: each runs once per slot
        for (int slot = 0; slot < SLOTS; slot++) {
            CountDownLatch fire = new CountDownLatch(1);
            List<Future<?>> jobs = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                jobs.add(pool.submit(() -> { fire.await(); node.getBean(SlaScan.class).scheduled(); return null; }));
                jobs.add(pool.submit(() -> { fire.await(); node.getBean(CallbackGeneration.class).scheduled(); return null; }));
            }
            fire.countDown();
            for (Future<?> f : jobs) {
                f.get();
            }
            Thread.sleep(5_500); // the locks' lockAtLeastFor (ClusterJobsConfig): the next slot
        }
        pool.shutdown();
        for (String job : List.of("servicedesk-sla-scan", "callback-generation")) {
            List<Attempt> tried = attempts.stream().filter(x -> x.name().equals(job) && x.thread().startsWith("slot-"))
                    .toList();
            assertThat(tried).as(job + " fired on both nodes in every slot").hasSize(2 * SLOTS);
            assertThat(tried.stream().filter(Attempt::acquired)).as(job + " ran once per slot").hasSize(SLOTS);
        }
        // and whatever else the schedulers ran meanwhile (report delivery every minute...): never twice in 5 s
        Map<String, List<Instant>> ran = attempts.stream().filter(Attempt::acquired)
                .collect(Collectors.groupingBy(Attempt::name, Collectors.mapping(Attempt::at, Collectors.toList())));
        ran.forEach((name, times) -> {
            List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).as(name)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(4_500));
            }
        });

        // every event of ours delivered, signed; duplicates (at-least-once) counted and reported
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Function<Collection<Received>, Long> distinct = got -> got.stream().map(Received::eventId).distinct().count();
        while (distinct.apply(ours(codes)) < 2L * expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Received> ours = ours(codes);
        long unique = distinct.apply(ours);
        System.out.printf("multinode: %d events, %d deliveries received, %d duplicate(s)%n", unique, ours.size(),
                ours.size() - unique);
        assertThat(unique).as("no event lost").isEqualTo(2L * expected);
        assertThat(ours.stream().filter(x -> x.eventType().endsWith("registered")).map(Received::eventId).distinct())
                .hasSize(expected);

        // a page session signed in on A is the same session on B: user, language and CSRF token carry over
        PageSession browser = new PageSession(portA);
        assertThat(browser.login("manager", PASSWORD).status()).isEqualTo(302);
        assertThat(browser.get("/?lang=en").body()).contains("王丽华", "Audit trail");
        PageSession.Page onB = browser.switchTo(portB).get("/");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).contains("王丽华", "Audit trail");
        assertThat(browser.post("/logout").location()).contains("/login");
        assertThat(browser.switchTo(portA).get("/").status()).as("signed out on B is signed out on A").isEqualTo(302);
    }

    /** The deliveries of events about our requests (the number is in every event's body). */
    private List<Received> ours(List<String> codes) {
        java.util.Set<String> numbers = java.util.Set.copyOf(codes);
        return received.stream().filter(x -> numbers.stream().anyMatch(n -> x.body().contains("\"" + n + "\"")))
                .toList();
    }

    private void receive(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var h = x.getRequestHeaders();
        if (Signatures.verify(SECRET, h.getFirst(Signatures.TIMESTAMP), body, h.getFirst(Signatures.SIGNATURE))) {
            received.add(new Received(h.getFirst(Signatures.EVENT_ID), h.getFirst(Signatures.EVENT_TYPE), body));
        }
        x.sendResponseHeaders(204, -1);
        x.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private String token(int port, String username) throws Exception {
        String password = username.equals("admin") ? ApiTestBase.ADMIN_PASSWORD : PASSWORD;
        return post(port, "/api/v1/auth/tokens", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").get("token").asString();
    }

    private JsonNode post(int port, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(path + ": " + res.body()).isBetween(200, 299);
        return json.readTree(res.body());
    }

    /** Wraps the node's ShedLock provider to record every attempt, taken or refused. */
    private record RecordingLocks(String node) implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof LockProvider provider)) {
                return bean;
            }
            return (LockProvider) (LockConfiguration c) -> {
                Optional<SimpleLock> lock = provider.lock(c);
                attempts.add(new Attempt(node, c.getName(), Instant.now(), lock.isPresent(),
                        Thread.currentThread().getName()));
                return lock;
            };
        }
    }
}
