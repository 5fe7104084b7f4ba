package com.careloop.platform.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.careloop.platform.Notifications;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom application messages, the WeCom group robot and Aliyun SMS against a local fake of their documented APIs
 * (JDK HttpServer) that checks the request shapes: gettoken with corp id and secret, message/send with the cached
 * token, the robot's markdown, and the SMS signature recomputed from the form. Deliveries are rows written with the
 * notification, retried after a failure, and absent when the business transaction rolls back.
 */
class ChannelDeliveryTest extends ApiTestBase {

    static final String CORP = "ww-corp-test";
    static final String APP_SECRET = "app-secret-test";
    static final String SMS_SECRET = "sms-secret-test";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<JsonNode> APP_MESSAGES = new CopyOnWriteArrayList<>();
    static final List<JsonNode> ROBOT_POSTS = new CopyOnWriteArrayList<>();
    static final List<Map<String, String>> SMS = new CopyOnWriteArrayList<>();
    static final List<String> PROBLEMS = new CopyOnWriteArrayList<>();
    static final AtomicInteger TOKEN_FETCHES = new AtomicInteger();
    static final AtomicInteger SMS_FAILURES_LEFT = new AtomicInteger();
    static volatile String validToken;
    static final HttpServer FAKE = fake();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + FAKE.getAddress().getPort();
        registry.add("careloop.wecom.corp-id", () -> CORP);
        registry.add("careloop.wecom.agent-id", () -> "1000002");
        registry.add("careloop.wecom.secret", () -> APP_SECRET);
        registry.add("careloop.wecom.base-url", () -> base);
        registry.add("careloop.sms.provider", () -> "aliyun");
        registry.add("careloop.sms.notification-template", () -> "SMS_100200");
        registry.add("careloop.sms.aliyun.access-key-id", () -> "LTAI-test");
        registry.add("careloop.sms.aliyun.access-key-secret", () -> SMS_SECRET);
        registry.add("careloop.sms.aliyun.sign-name", () -> "华东纸品");
        registry.add("careloop.sms.aliyun.endpoint", () -> base + "/sms");
        registry.add("careloop.notifications.initial-backoff", () -> "300ms");
        registry.add("careloop.notifications.poll-interval", () -> "PT0.3S");
    }

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private static HttpServer fake() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/cgi-bin/gettoken", ex -> {
                Map<String, String> q = form(ex.getRequestURI().getRawQuery());
                check(ex.getRequestMethod().equals("GET"), "gettoken is a GET");
                if (!CORP.equals(q.get("corpid")) || !APP_SECRET.equals(q.get("corpsecret"))) {
                    answer(ex, 200, "{\"errcode\":40013,\"errmsg\":\"invalid corpid\"}");
                    return;
                }
                validToken = "token-" + TOKEN_FETCHES.incrementAndGet();
                answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + validToken
                        + "\",\"expires_in\":7200}");
            });
            server.createContext("/cgi-bin/message/send", ex -> {
                if (!form(ex.getRequestURI().getRawQuery()).getOrDefault("access_token", "").equals(validToken)) {
                    answer(ex, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
                    return;
                }
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                check(body.path("msgtype").asString().equals("markdown"), "msgtype markdown");
                check(body.path("agentid").asLong() == 1000002L, "agentid");
                check(!body.path("touser").asString("").isEmpty(), "touser");
                check(!body.path("markdown").path("content").asString("").isEmpty(), "markdown.content");
                APP_MESSAGES.add(body);
                answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m1\"}");
            });
            server.createContext("/cgi-bin/webhook/send", ex -> {
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                check(ex.getRequestMethod().equals("POST"), "robot POST");
                check(body.path("msgtype").asString().equals("markdown"), "robot msgtype");
                ((tools.jackson.databind.node.ObjectNode) body).put("key",
                        form(ex.getRequestURI().getRawQuery()).get("key"));
                ROBOT_POSTS.add(body);
                answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            });
            server.createContext("/sms/", ex -> {
                if (SMS_FAILURES_LEFT.getAndDecrement() > 0) {
                    answer(ex, 500, "{}");
                    return;
                }
                Map<String, String> p = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String signature = p.remove("Signature");
                check(AliyunSignature.sign("POST", p, SMS_SECRET).equals(signature), "SMS signature");
                check("SendSms".equals(p.get("Action")) && "2017-05-25".equals(p.get("Version"))
                        && "HMAC-SHA1".equals(p.get("SignatureMethod")) && "1.0".equals(p.get("SignatureVersion"))
                        && "LTAI-test".equals(p.get("AccessKeyId")) && p.get("SignatureNonce") != null
                        && p.get("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "SMS parameters");
                SMS.add(p);
                answer(ex, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"1\",\"RequestId\":\"r\"}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            PROBLEMS.add(what);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    private long department(String robotKey) {
        String code = "CH" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into department (code, name, sort_order, active, version, created_at, updated_at)
                values (:c, :c, 0, true, 0, current_timestamp, current_timestamp)""").param("c", code).update();
        long id = jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
        String token = tokenFor("admin");
        String url = "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + robotKey;
        assertThat(put("/api/v1/departments/" + id + "/wecom-robot", token,
                "{\"wecomRobotUrl\":\"" + url + "\"}").status()).isEqualTo(204);
        return id;
    }

    private long user(long departmentId, String phone, Map<String, List<String>> choices) {
        String username = "ch" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, phone, department_id, position, senior,
                    active, failed_logins, version, created_at, updated_at)
                select :u, :u, password_hash, :phone, :d, 'STAFF', false, true, 0, 0, current_timestamp, current_timestamp
                from app_user where username = 'admin'""")
                .param("u", username).param("phone", phone).param("d", departmentId).update();
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
        assertThat(put("/api/v1/users/" + id + "/wecom", tokenFor("admin"), "{\"wecomUserId\":\"" + username + "\"}")
                .status()).isEqualTo(204);
        preferences.save(id, choices);
        return id;
    }

    private List<String> statuses(long userId) {
        return jdbc.sql("select channel || ':' || status from notification_delivery where recipient_id = :u order by channel")
                .param("u", userId).query(String.class).list();
    }

    @Test
    void aNotificationReachesWeComTheDepartmentGroupAndThePhoneOnTheChosenChannels() throws Exception {
        String key = "K" + UUID.randomUUID();
        long dept = department(key);
        Map<String, List<String>> all = Map.of("contract", List.of("WECOM_APP", "WECOM_ROBOT", "SMS"));
        long first = user(dept, "139 0000 " + (1000 + (int) (Math.random() * 8999)), all);
        long second = user(dept, null, all);
        String number = "HT" + UUID.randomUUID().toString().substring(0, 6);

        tx.executeWithoutResult(s -> {
            notifications.notify(first, Text.of("contract.notify.accepted.title", number), Text.literal("请安排签署。"),
                    "/contracts/7");
            notifications.notify(second, Text.of("contract.notify.accepted.title", number), Text.literal("请安排签署。"),
                    "/contracts/7");
        });

        await(() -> statuses(first).equals(List.of("SMS:DELIVERED", "WECOM_APP:DELIVERED", "WECOM_ROBOT:DELIVERED"))
                && statuses(second).equals(List.of("WECOM_APP:DELIVERED")));
        assertThat(PROBLEMS).isEmpty();
        String firstName = jdbc.sql("select wecom_user_id from app_user where id = :id").param("id", first)
                .query(String.class).single();
        JsonNode app = APP_MESSAGES.stream().filter(m -> m.path("touser").asString().equals(firstName)).findFirst()
                .orElseThrow();
        assertThat(app.path("markdown").path("content").asString())
                .isEqualTo("**合同 " + number + " 评审通过**\n> 请安排签署。\n[查看](http://localhost:8080/contracts/7)");
        // two people of one department told the same thing: one group post
        assertThat(ROBOT_POSTS.stream().filter(p -> p.path("key").asString().equals(key)).toList()).hasSize(1);
        Map<String, String> sms = SMS.stream().filter(p -> p.get("TemplateParam").contains(number)).findFirst()
                .orElseThrow();
        assertThat(sms.get("PhoneNumbers")).matches("13900001\\d{3}|1390000\\d{4}");
        assertThat(sms.get("TemplateCode")).isEqualTo("SMS_100200");
        assertThat(sms.get("SignName")).isEqualTo("华东纸品");
        assertThat(JSON.readTree(sms.get("TemplateParam")).path("title").asString()).isEqualTo("合同 " + number + " 评审通过");
        // no e-mail row: not chosen for this kind (and no SMTP here)
        assertThat(statuses(first)).noneMatch(s -> s.startsWith("EMAIL"));
    }

    @Test
    void anExpiredWeComTokenIsFetchedAgainAndTheMessageStillArrives() throws Exception {
        long someone = user(department("K" + UUID.randomUUID()), null, Map.of("approvals", List.of("WECOM_APP")));
        tx.executeWithoutResult(s -> notifications.notify(someone, Text.of("approvals.reminder.title", "A-1"), null, null));
        await(() -> statuses(someone).equals(List.of("WECOM_APP:DELIVERED")));
        int fetches = TOKEN_FETCHES.get();
        validToken = "revoked-by-wecom";

        tx.executeWithoutResult(s -> notifications.notify(someone, Text.of("approvals.reminder.title", "A-2"), null, null));

        await(() -> statuses(someone).equals(List.of("WECOM_APP:DELIVERED", "WECOM_APP:DELIVERED")));
        assertThat(TOKEN_FETCHES.get()).isEqualTo(fetches + 1);
    }

    @Test
    void aFailedSmsIsLoggedAndRetriedUntilItIsDelivered() throws Exception {
        long someone = user(department("K" + UUID.randomUUID()), "13800138000", Map.of("sample", List.of("SMS")));
        SMS_FAILURES_LEFT.set(1);
        tx.executeWithoutResult(s -> notifications.notify(someone, Text.of("sample.notify.declined.title", "YP-1"), null, null));

        await(() -> statuses(someone).equals(List.of("SMS:DELIVERED")));
        assertThat(jdbc.sql("select attempts from notification_delivery where recipient_id = :u").param("u", someone)
                .query(Integer.class).single()).isEqualTo(2);
        var listed = get("/api/v1/notification-deliveries?channel=SMS", tokenFor("admin")).json();
        assertThat(listed.size()).isPositive();
    }

    @Test
    void aRolledBackChangeWritesNoDeliveryAndBadAddressesAreRefused() {
        long dept = department("K" + UUID.randomUUID());
        long someone = user(dept, "13800138001", Map.of("contract", List.of("SMS", "WECOM_APP")));
        try {
            tx.executeWithoutResult(s -> {
                notifications.notify(someone, Text.of("contract.notify.accepted.title", "X"), null, null);
                throw new IllegalStateException("the business change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(statuses(someone)).isEmpty();

        String admin = tokenFor("admin");
        var robot = put("/api/v1/departments/" + dept + "/wecom-robot", admin, "{\"wecomRobotUrl\":\"ftp://x/y\"}");
        assertThat(robot.status()).isEqualTo(422);
        assertThat(robot.body()).contains("wecomRobotUrl");
        assertThat(put("/api/v1/users/" + someone + "/wecom", admin, "{\"wecomUserId\":\"a b\"}").status()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'department' and record_id = :id"
                + " and action = 'wecom-robot'").param("id", String.valueOf(dept)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aUserChoosesChannelsPerKindAmongThoseTheSiteOffers() {
        long someone = user(department("K" + UUID.randomUUID()), null, Map.of());
        String username = jdbc.sql("select username from app_user where id = :id").param("id", someone)
                .query(String.class).single();
        jdbc.sql("update app_user set password_hash = (select password_hash from app_user where username = 'staff')"
                + " where id = :id").param("id", someone).update();
        String token = tokenFor(username);
        var settings = get("/api/v1/notifications/settings", token).json();
        assertThat(settings.path("available").toString()).contains("WECOM_APP", "WECOM_ROBOT", "SMS")
                .doesNotContain("EMAIL");
        var saved = put("/api/v1/notifications/settings", token, "{\"contract\":[\"SMS\"],\"texts\":[]}").json();
        assertThat(saved.path("kinds").path("contract").toString()).isEqualTo("[\"SMS\"]");
        assertThat(saved.path("kinds").path("texts").size()).isZero();
        var refused = put("/api/v1/notifications/settings", token, "{\"contract\":[\"EMAIL\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(put("/api/v1/notifications/settings", token, "{\"nonsense\":[\"SMS\"]}").status()).isEqualTo(422);
    }
}
