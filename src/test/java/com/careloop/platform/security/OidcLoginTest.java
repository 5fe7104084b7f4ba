package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.careloop.support.OneDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect login against a local issuer in the test: a discovery document, a JWKS, an authorization endpoint
 * that approves the person the test names, and a token endpoint issuing real RS256-signed ID tokens. The test drives
 * the authorization-code flow over HTTP as a browser would (redirects, cookies, state, nonce).
 */
@TestPropertySource(properties = {"careloop.sso.oidc.client-id=careloop", "careloop.sso.oidc.client-secret=s3cret",
        "careloop.sso.oidc.display-name=本地身份源", "careloop.sso.default-department=CS"})
@OneDatabase
class OidcLoginTest extends SsoTestBase {

    private static final Issuer ISSUER = new Issuer();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("careloop.sso.oidc.issuer-uri", ISSUER::uri);
    }

    @Test
    void theLoginPageOffersTheProviderByItsName() {
        Browser b = new Browser();
        assertThat(b.get(app("/login")).body()).contains("使用 本地身份源 登录").contains("/oauth2/authorization/oidc");
        assertThat(b.get(app("/login?lang=en")).body()).contains("Sign in with 本地身份源");
    }

    @Test
    void aNewPersonSignsInThroughTheIssuerAndGetsAnAccountWithTheDefaultRole() {
        String name = "oidc" + UUID.randomUUID().toString().substring(0, 8);
        Browser b = new Browser();
        String landed = b.signIn(Map.of("sub", "sub-" + name, "preferred_username", name,
                "email", name + "@careloop.test", "name", "单点新人"));
        assertThat(landed).doesNotContain("error");
        assertThat(b.get(app("/")).body()).contains("单点新人");

        JsonNode user = user(name);
        assertThat(user.get("roles").get(0).asString()).isEqualTo("STAFF");
        assertThat(user.get("email").asString()).isEqualTo(name + "@careloop.test");
        assertThat(actions(user)).contains("CREATE", "SSO_CREATED");
    }

    @Test
    void aPersonIsMappedByEmailToTheExistingAccount() {
        String name = "oidcmap" + UUID.randomUUID().toString().substring(0, 6);
        post("/api/v1/users", tokenFor("admin"), j("{'username':'" + name + "','displayName':'邮箱对应','email':'"
                + name + "@careloop.test','password':'local-password-9','position':'STAFF','roles':['TEAM_LEADER']}"));
        Browser b = new Browser();
        String landed = b.signIn(Map.of("sub", "sub-" + name, "preferred_username", "other-" + name,
                "email", name.toUpperCase() + "@CARELOOP.TEST", "name", "别的名字"));
        assertThat(landed).doesNotContain("error");
        assertThat(b.get(app("/")).body()).contains("邮箱对应");
        assertThat(actions(user(name))).contains("SSO_LINKED").doesNotContain("SSO_CREATED");
        assertThat(accountsMatching("other-" + name)).isZero();
    }

    @Test
    void aPersonWithoutEmailGetsAClearMessageAndNothingIsSaved() {
        String name = "oidcnomail" + UUID.randomUUID().toString().substring(0, 6);
        Browser b = new Browser();
        String landed = b.signIn(Map.of("sub", "sub-" + name, "preferred_username", name, "name", "没有邮箱"));
        assertThat(landed).endsWith("/login?error=sso-no-email");
        assertThat(b.get(landed).body()).contains("单点登录账号没有电子邮箱");
        assertThat(b.get(app("/")).statusCode()).isEqualTo(302);
        assertThat(accountsMatching(name)).isZero();
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsRefused() {
        String name = "oidcforged" + UUID.randomUUID().toString().substring(0, 6);
        ISSUER.forgeNext = true;
        Browser b = new Browser();
        String landed = b.signIn(Map.of("sub", "sub-" + name, "preferred_username", name,
                "email", name + "@careloop.test"));
        assertThat(landed).endsWith("/login?error=sso-failed");
        assertThat(accountsMatching(name)).isZero();
    }



    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    /** Cookies, no automatic redirects: each hop of the flow is a request of its own. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String url) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Presses the button, lets the issuer approve {@code claims}, returns where the callback lands. */
        String signIn(Map<String, Object> claims) {
            ISSUER.nextClaims = claims;
            HttpResponse<String> start = get(app("/oauth2/authorization/oidc"));
            assertThat(start.statusCode()).isEqualTo(302);
            String authorize = start.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(ISSUER.uri() + "/authorize");
            HttpResponse<String> approved = get(authorize);
            String callback = approved.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(app("/login/oauth2/code/oidc"));
            HttpResponse<String> landed = get(callback);
            assertThat(landed.statusCode()).isEqualTo(302);
            String location = landed.headers().firstValue("Location").orElseThrow();
            return location.startsWith("http") ? location : app(location);
        }
    }

    /** A minimal OpenID provider: discovery, JWKS, authorization (auto-approve) and token endpoints. */
    static final class Issuer {

        private final HttpServer server;
        private final RSAKey key;
        private final RSAKey otherKey;
        private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
        volatile Map<String, Object> nextClaims = Map.of();
        volatile boolean forgeNext;

        Issuer() {
            try {
                key = new RSAKeyGenerator(2048).keyID("careloop-test").generate();
                otherKey = new RSAKeyGenerator(2048).keyID("careloop-test").generate();
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", x -> json(x, """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"],
                     "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(uri())));
            server.createContext("/jwks", x -> json(x, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        String uri() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        private void authorize(HttpExchange x) throws IOException {
            Map<String, String> q = form(x.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            Map<String, Object> grant = new HashMap<>(nextClaims);
            grant.put("nonce", q.get("nonce"));
            grant.put("aud", q.get("client_id"));
            codes.put(code, grant);
            x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
            x.sendResponseHeaders(302, -1);
            x.close();
        }

        private void token(HttpExchange x) throws IOException {
            Map<String, String> body = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String basic = x.getRequestHeaders().getFirst("Authorization");
            Map<String, Object> grant = codes.remove(body.get("code"));
            String expected = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("careloop:s3cret".getBytes(StandardCharsets.UTF_8));
            if (grant == null || !expected.equals(basic) || !"authorization_code".equals(body.get("grant_type"))) {
                x.sendResponseHeaders(400, -1);
                x.close();
                return;
            }
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(uri())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
            grant.forEach((name, value) -> claims.claim(name, value));
            try {
                SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                token.sign(new RSASSASigner(forgeNext ? otherKey : key));
                forgeNext = false;
                json(x, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid profile email\",\"id_token\":\"" + token.serialize() + "\"}");
            } catch (JOSEException e) {
                throw new IOException(e);
            }
        }

        private static void json(HttpExchange x, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }
}
