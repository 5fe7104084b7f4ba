package com.careloop.platform.channel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

import com.careloop.platform.channel.NotificationChannel.DeliveryFailure;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documented HTTP APIs of WeCom and the SMS provider with the JDK's client (ADR 0020: no vendor SDK). */
@Component
class ChannelHttp {

    private final HttpClient http;
    private final JsonMapper json;
    private final ChannelProperties properties;

    ChannelHttp(JsonMapper json, ChannelProperties properties) {
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonNode get(String url) throws DeliveryFailure {
        return call(request(url).GET().build());
    }

    JsonNode postJson(String url, Object body) throws DeliveryFailure {
        return call(request(url).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    JsonNode postForm(String url, String form) throws DeliveryFailure {
        return call(request(url).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpRequest.Builder request(String url) throws DeliveryFailure {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                    .header("User-Agent", "CareLoop-Notifications/1");
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("bad-url");
        }
    }

    private JsonNode call(HttpRequest request) throws DeliveryFailure {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("http-" + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("timeout");
        } catch (ConnectException e) {
            throw new DeliveryFailure("connect");
        } catch (IOException e) {
            throw new DeliveryFailure("io: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted");
        } catch (RuntimeException e) { // an answer that is not JSON
            throw new DeliveryFailure("bad-answer");
        }
    }
}
