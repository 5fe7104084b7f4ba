package com.careloop.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.careloop.support.ApiTestBase;
import com.careloop.webhook.outbound.Signatures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end over real HTTP: CareLoop posts to a receiver on this machine (a JDK HTTP server) that checks
 * the signature like a customer's ERP would, answers 500 or stays silent when told to, and records what it got.
 */
class WebhookApiTest extends ApiTestBase {

    static final String SECRET = "erp-shared-secret-" + UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    /** One received post: path, headers that matter, body, whether the signature verified. */
    record Received(String path, String eventId, String eventType, String body, boolean signatureValid) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per path: how many of the first calls fail (500), or are answered too late (3 s > the 2 s timeout). */
    final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> slowFirst = new ConcurrentHashMap<>();
    final List<Long> endpoints = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        receiver.createContext("/", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        // switch our endpoints off, so other tests' events do not pile up for a receiver that is gone
        for (long id : endpoints) {
            JsonNode e = get("/api/v1/webhooks/" + id, tokenFor("admin")).json();
            put("/api/v1/webhooks/" + id, tokenFor("admin"), j("{'name':'" + e.get("name").asString() + "','url':'"
                    + e.get("url").asString() + "','eventTypes':['capa.closed'],"
                    + "'active':false,'version':" + e.get("version").asLong() + "}"));
        }
        receiver.stop(0);
    }

    private void receive(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var h = x.getRequestHeaders();
        received.add(new Received(path, h.getFirst(Signatures.EVENT_ID), h.getFirst(Signatures.EVENT_TYPE), body,
                Signatures.verify(SECRET, h.getFirst(Signatures.TIMESTAMP), body, h.getFirst(Signatures.SIGNATURE))));
        if (slowFirst.getOrDefault(path, new AtomicInteger()).getAndDecrement() > 0) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = failFirst.getOrDefault(path, new AtomicInteger()).getAndDecrement() > 0 ? 500 : 204;
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    long endpoint(String path, String... types) {
        String list = String.join("','", types);
        Response r = post("/api/v1/webhooks", tokenFor("admin"), j("{'name':'ERP " + path + "','url':'http://127.0.0.1:"
                + receiver.getAddress().getPort() + path + "','secret':'" + SECRET + "','eventTypes':['" + list + "']}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(SECRET);
        long id = r.json().get("id").asLong();
        endpoints.add(id);
        return id;
    }

    List<Received> await(Predicate<Received> which, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> got = received.stream().filter(which).toList();
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(50);
        }
        return received.stream().filter(which).toList();
    }

    JsonNode deliveries(long endpoint) {
        return get("/api/v1/webhooks/" + endpoint + "/deliveries", tokenFor("admin")).json();
    }

    @Test
    void aRegisteredAndDispatchedRequestArriveSignedWithNumberLinkAndEventId() throws Exception {
        String path = "/erp-" + UUID.randomUUID();
        endpoint(path, "service-request.registered", "service-request.dispatched");
        String title = "webhook-" + UUID.randomUUID();
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'type':'REPAIR','title':'" + title
                + "','contactName':'李先生','contactPhone':'13812345678','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        long department = jdbc.sql("select id from department where code = 'ENG-REPAIR'").query(Long.class).single();
        Response d = post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':" + department + "}"));
        assertThat(d.status()).as(d.body()).isIn(200, 201);

        List<Received> got = await(x -> x.path().equals(path) && x.body().contains(code), 2, Duration.ofSeconds(20));
        assertThat(got).extracting(Received::eventType)
                .containsExactlyInAnyOrder("service-request.registered", "service-request.dispatched");
        assertThat(got).allMatch(Received::signatureValid);
        JsonNode registered = json.readTree(got.stream().filter(x -> x.eventType().endsWith("registered")).findFirst()
                .orElseThrow().body());
        assertThat(registered.get("id").asString()).isEqualTo(got.stream()
                .filter(x -> x.eventType().endsWith("registered")).findFirst().orElseThrow().eventId());
        assertThat(registered.get("number").asString()).isEqualTo(code);
        assertThat(registered.get("link").asString()).endsWith("/service-requests/" + id);
        assertThat(registered.get("data").get("title").asString()).isEqualTo(title);
        assertThat(registered.get("data").get("requestType").asString()).isEqualTo("REPAIR");
        assertThat(registered.get("occurredAt").asString()).endsWith("Z");
        JsonNode dispatched = json.readTree(got.stream().filter(x -> x.eventType().endsWith("dispatched")).findFirst()
                .orElseThrow().body());
        assertThat(dispatched.get("data").get("departmentId").asLong()).isEqualTo(department);
    }

    @Test
    void aReceiverAnswering500IsRetriedWithTheSameEventIdUntilDelivered() throws Exception {
        String path = "/flaky-" + UUID.randomUUID();
        long endpoint = endpoint(path, "capa.closed");
        failFirst.put(path, new AtomicInteger(2));
        String eventId = post("/api/v1/webhooks/" + endpoint + "/ping", tokenFor("admin"), "").json().get("eventId").asString();

        List<Received> got = await(x -> x.path().equals(path) && eventId.equals(x.eventId()), 3, Duration.ofSeconds(20));
        assertThat(got).hasSize(3).allMatch(Received::signatureValid);
        JsonNode log = awaitStatus(endpoint, "DELIVERED");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(204);
        assertThat(get("/api/v1/webhooks/" + endpoint, tokenFor("admin")).json().get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetried() throws Exception {
        String path = "/slow-" + UUID.randomUUID();
        long endpoint = endpoint(path, "capa.closed");
        slowFirst.put(path, new AtomicInteger(1));
        String eventId = post("/api/v1/webhooks/" + endpoint + "/ping", tokenFor("admin"), "").json().get("eventId").asString();

        List<Received> got = await(x -> x.path().equals(path) && eventId.equals(x.eventId()), 2, Duration.ofSeconds(20));
        assertThat(got).hasSize(2);
        JsonNode log = awaitStatus(endpoint, "DELIVERED");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void redeliveringSendsTheSameEventAgain() throws Exception {
        String path = "/again-" + UUID.randomUUID();
        long endpoint = endpoint(path, "capa.closed");
        String eventId = post("/api/v1/webhooks/" + endpoint + "/ping", tokenFor("admin"), "").json().get("eventId").asString();
        JsonNode log = awaitStatus(endpoint, "DELIVERED");
        Response again = post("/api/v1/webhooks/deliveries/" + log.get(0).get("id").asLong() + "/redeliver", tokenFor("admin"), "");
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        List<Received> got = await(x -> x.path().equals(path) && eventId.equals(x.eventId()), 2, Duration.ofSeconds(20));
        assertThat(got).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'webhook-endpoint' and record_id = :id"
                + " and action = 'REDELIVER'").param("id", String.valueOf(endpoint)).query(Long.class).single()).isOne();
    }

    @Test
    void anEndpointFailingTooOftenInARowIsSwitchedOffAndAdministratorsAreTold() throws Exception {
        String path = "/down-" + UUID.randomUUID();
        long endpoint = endpoint(path, "capa.closed");
        failFirst.put(path, new AtomicInteger(1_000));
        // the log of a delivery that had failed before: the ping's event id
        // nineteen failures already happened (the default threshold is twenty in a row)
        jdbc.sql("update webhook_endpoint set consecutive_failures = 19 where id = :id").param("id", endpoint).update();
        post("/api/v1/webhooks/" + endpoint + "/ping", tokenFor("admin"), "");

        await(x -> x.path().equals(path) && "webhook.ping".equals(x.eventType()), 1, Duration.ofSeconds(20));
        JsonNode e = awaitInactive(endpoint);
        assertThat(e.get("disabledReason").asString()).isEqualTo("too-many-failures");
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", admin).param("l", "/admin/webhooks/" + endpoint).query(Long.class).single()).isOne();
        // switched off: the retry (due after 0.3 s) is not sent while it stays off
        Thread.sleep(1_500);
        assertThat(received.stream().filter(x -> x.path().equals(path) && "webhook.ping".equals(x.eventType())).count()).isOne();
    }

    @Test
    void badEndpointsAreRefusedNamingTheFieldAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single();
        String ok = "'url':'http://127.0.0.1:9/x','secret':'" + SECRET + "','eventTypes':['capa.opened']";
        assertProblem(j("{'name':'x','url':'ftp://erp.example.com/x','secret':'" + SECRET + "','eventTypes':['capa.opened']}"), "url", "scheme");
        assertProblem(j("{'name':'x','url':'http://127.0.0.1:9/x','secret':'short','eventTypes':['capa.opened']}"), "secret", "min-length");
        assertProblem(j("{'name':'x','url':'http://127.0.0.1:9/x','secret':'" + SECRET + "','eventTypes':['no.such']}"), "eventTypes", "unknown");
        assertProblem(j("{'name':'x','url':'http://127.0.0.1:9/x','secret':'" + SECRET + "','eventTypes':[]}"), "eventTypes", "required");
        assertThat(post("/api/v1/webhooks", tokenFor("frontdesk"), j("{'name':'x'," + ok + "}")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aStaleEditGets409() {
        long endpoint = endpoint("/stale-" + UUID.randomUUID(), "capa.opened");
        String body = "{'name':'renamed','url':'http://127.0.0.1:9/x','eventTypes':['capa.opened'],'version':0}";
        assertThat(put("/api/v1/webhooks/" + endpoint, tokenFor("admin"), j(body)).status()).isEqualTo(200);
        assertThat(put("/api/v1/webhooks/" + endpoint, tokenFor("admin"), j(body)).status()).isEqualTo(409);
    }

    private void assertProblem(String body, String field, String rule) {
        Response r = post("/api/v1/webhooks", tokenFor("admin"), body);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"" + field + "\"").contains("\"" + rule + "\"");
    }

    private JsonNode awaitStatus(long endpoint, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode log = deliveries(endpoint);
        while (System.nanoTime() < deadline && !(log.size() > 0 && log.get(0).get("status").asString().equals(status))) {
            Thread.sleep(50);
            log = deliveries(endpoint);
        }
        assertThat(log.get(0).get("status").asString()).isEqualTo(status);
        return log;
    }

    private JsonNode awaitInactive(long endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode e = get("/api/v1/webhooks/" + endpoint, tokenFor("admin")).json();
        while (System.nanoTime() < deadline && e.get("active").asBoolean()) {
            Thread.sleep(50);
            e = get("/api/v1/webhooks/" + endpoint, tokenFor("admin")).json();
        }
        assertThat(e.get("active").asBoolean()).isFalse();
        return e;
    }
}
