package com.careloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session over HTTP: cookies, CSRF token from the page, form posts. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private int port;
    private final HttpClient http;
    private String csrf;
    private String forwardedFor;

    /** Every request of this session as if from {@code address} (X-Forwarded-For, trusted from loopback). */
    public PageSession from(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** The next requests go to another node on this machine, with the same cookies, as a load balancer may send them. */
    public PageSession switchTo(int otherPort) {
        this.port = otherPort;
        return this;
    }

    public PageSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(int status, String body, String location) {
    }

    /** Signs in through the login form; returns the redirect target (or the error page). */
    public Page login(String username, String password) {
        get("/login");
        return post("/login", "username", username, "password", password);
    }

    public Page get(String path) {
        Page p = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher m = CSRF.matcher(p.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return p;
    }

    /** Posts a form with the session's CSRF token. */
    public Page post(String path, String... fields) {
        return postForm(path, true, fields);
    }

    public Page postWithoutCsrf(String path, String... fields) {
        return postForm(path, false, fields);
    }

    private Page postForm(String path, boolean withCsrf, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        if (withCsrf && csrf != null) {
            body.append(body.isEmpty() ? "" : "&").append("_csrf=").append(enc(csrf));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a multipart form (file uploads) with the session's CSRF token. */
    public Page postMultipart(String path, Multipart form) {
        if (csrf != null) {
            form.field("_csrf", csrf);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    /** A GET whose body is a file (an .xlsx download), with the session's cookies. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> r = http.send(request.header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
