package com.careloop.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full-stack API tests over real HTTP against a running CareLoop with the demo company. Tagged
 * {@code api}: the build runs them on H2 and again on PostgreSQL. Tests create their own data with
 * unique codes, so they can share one application context.
 */
@Tag("api")
public abstract class ApiTestBase extends FullStackTestBase {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    public record Response(int status, String body, Map<String, java.util.List<String>> headers, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), headers.getOrDefault(name, java.util.List.of()))
                    .stream().findFirst().orElse(null);
        }
    }

    /** A bearer token for a demo user (cached per port, i.e. per application context). */
    protected String tokenFor(String username) {
        return TOKENS.computeIfAbsent(port + ":" + username, k -> {
            String password = username.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
            Response r = call("POST", "/api/v1/auth/tokens", null,
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            if (r.status() != 201) {
                throw new IllegalStateException("token for " + username + ": " + r.status() + " " + r.body());
            }
            return r.json().get("token").asString();
        });
    }

    protected Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected Response post(String path, String token, String body, String... headers) {
        return call("POST", path, token, body, headers);
    }

    protected Response put(String path, String token, String body) {
        return call("PUT", path, token, body);
    }

    protected Response delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    protected Response call(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient usersJdbc;

    /**
     * A user of the test created once through the API (the administrator's {@code POST /api/v1/users}) in the
     * department of this code, with the position and the role; an existing user name is left as it is.
     */
    protected void ensureUser(String username, String department, String position, String role) {
        if (usersJdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Long.class).single() > 0) {
            return;
        }
        long dept = usersJdbc.sql("select id from department where code = :c").param("c", department)
                .query(Long.class).single();
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username + "','displayName':'"
                + username + "','password':'" + DEMO_PASSWORD + "','position':'" + position + "','roles':['" + role
                + "'],'departmentId':" + dept + "}"));
        if (r.status() != 201) {
            throw new IllegalStateException("user " + username + ": " + r.status() + " " + r.body());
        }
    }

    /** JSON from single quotes, for readable request bodies in tests. */
    protected static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
