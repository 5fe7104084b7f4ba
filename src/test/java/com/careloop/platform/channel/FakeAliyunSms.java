package com.careloop.platform.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local fake of Aliyun's dysmsapi for tests of other modules: it recomputes the request's signature with the
 * secret it was started with and keeps every accepted {@code SendSms} form ({@link #received}); a wrong signature
 * is answered {@code SignatureDoesNotMatch} and listed in {@link #problems}.
 */
public final class FakeAliyunSms {

    public final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();
    private final String secret;
    private final HttpServer server;

    public FakeAliyunSms(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
            Map<String, String> p = new LinkedHashMap<>();
            for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String signature = p.remove("Signature");
            String answer = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"1\",\"RequestId\":\"r\"}";
            if (!AliyunSignature.sign("POST", p, this.secret).equals(signature) || !"SendSms".equals(p.get("Action"))) {
                problems.add("signature or action: " + p);
                answer = "{\"Code\":\"SignatureDoesNotMatch\"}";
            } else {
                received.add(p);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    /** The endpoint to configure as {@code careloop.sms.aliyun.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
