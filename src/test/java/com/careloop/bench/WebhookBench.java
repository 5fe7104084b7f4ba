package com.careloop.bench;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbound webhooks (issue 19 §1 "Benchmark"): (a) deliveries per second from one node to a local receiver that
 * answers 200 at once (goal ≥ 500/s), measured on a backlog written while the endpoint was off and then switched on;
 * (b) API intake with one endpoint subscribed to "request registered" against intake with none, alternated in one
 * run (goal ≥ 0.9). Not a test: {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_webhook_bench
 * CARELOOP_DB_USER=careloop CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=WebhookBench}. Needs wrk.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "careloop.servicedesk.scan-interval=PT24H", "careloop.webhooks.allow-private-targets=true",
                "careloop.webhooks.poll-interval=PT0.2S"})
class WebhookBench {

    static final int BACKLOG = Integer.getInteger("bench.deliveries", 20_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicLong received = new AtomicLong();

    @Test
    void deliveriesPerSecondAndIntakeWithAndWithoutASubscriber() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            received.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        try {
            String admin = BenchSupport.adminToken(http, port, "bench-admin-pw");
            String body = BenchSupport.post(http, port, "/api/v1/webhooks", admin, "{\"name\":\"bench\",\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/in\",\"secret\":\"bench-webhook-secret-1\","
                    + "\"eventTypes\":[\"service-request.registered\"]}", 201);
            long endpoint = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
            throughput(endpoint);
            intake(admin, endpoint);
        } finally {
            receiver.stop(0);
        }
    }

    /** A backlog of deliveries written while the endpoint is off, then the time to send it all once it is on. */
    private void throughput(long endpoint) throws Exception {
        jdbc.sql("update webhook_endpoint set active = false where id = :id").param("id", endpoint).update();
        String payload = "{\"id\":\"x\",\"type\":\"service-request.registered\",\"number\":\"BX\",\"data\":{\"requestId\":1}}";
        jdbc.sql("""
                insert into webhook_delivery (endpoint_id, event_id, event_type, record_number, payload, status, attempts,
                    created_at, retry_from, next_attempt_at)
                select :e, md5(random()::text || g), 'service-request.registered', 'BX' || g, :p, 'PENDING', 0, now(), now(), now()
                from generate_series(1, :n) g""").param("e", endpoint).param("p", payload).param("n", BACKLOG).update();
        long before = received.get();
        long start = System.nanoTime();
        jdbc.sql("update webhook_endpoint set active = true where id = :id").param("id", endpoint).update();
        while (jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :e and status <> 'DELIVERED'")
                .param("e", endpoint).query(Long.class).single() > 0) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchSupport.report(String.format("webhook-delivery backlog=%d in %.1fs: %.0f deliveries/s (receiver saw %d), load %s",
                BACKLOG, seconds, BACKLOG / seconds, received.get() - before, load()));
    }

    /** Intake through wrk with the endpoint off and on, alternated so the machine's drift hits both. */
    private void intake(String token, long endpoint) throws Exception {
        Path script = Wrk.intakeScript("webhook-intake.lua", token, "wh", null);
        Wrk.run(port, "/api/v1/service-requests", script, CLIENTS, SECONDS); // warm-up
        List<String> lines = new ArrayList<>();
        double off = 0;
        double on = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean subscribed : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                jdbc.sql("update webhook_endpoint set active = :a where id = :id").param("a", subscribed)
                        .param("id", endpoint).update();
                Thread.sleep(6_000); // the node's endpoint snapshot is at most 5 s old
                double rate = Wrk.run(port, "/api/v1/service-requests", script, CLIENTS, SECONDS) / (double) SECONDS;
                lines.add(String.format("%s %.1f/s", subscribed ? "with" : "without", rate));
                if (subscribed) {
                    on += rate;
                } else {
                    off += rate;
                }
            }
        }
        BenchSupport.report(String.format("webhook-intake %d clients %ds x%d: %s; with/without = %.2f, load %s", CLIENTS,
                SECONDS, ROUNDS, String.join(", ", lines), on / off, load()));
    }

    private static String load() throws Exception {
        return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
