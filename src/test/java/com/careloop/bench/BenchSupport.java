package com.careloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Percentiles and the results file of the benchmarks (target/bench/results.txt). */
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

    /** A bearer token for the bench administrator (password bench-admin-pw). */
    static String adminToken(java.net.http.HttpClient http, int port) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"bench-admin-pw\"}"))
                .build();
        String body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
