package com.careloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Percentiles, timed API calls and the results file of the benchmarks (target/bench/results.txt). */
final class BenchSupport {

    private BenchSupport() {
    }

    /** Nearest-rank percentile of durations in nanoseconds, returned in milliseconds. */
    static double percentileMs(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    static void report(String line) throws IOException {
        System.out.println("BENCH " + line);
        Path file = Path.of("target", "bench", "results.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A GET with a bearer token that must answer 200; returns how long it took in nanoseconds. */
    static long timedGet(HttpClient http, int port, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return took;
    }

    /** A token for {@code admin} with the benchmark's admin password. */
    static String adminToken(HttpClient http, int port, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
