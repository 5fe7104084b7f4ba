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

    /**
     * CPU time (user + system, milliseconds) used so far by the processes whose command name is one of
     * {@code names} (e.g. "postgres", "pgbench"), from /proc: how much of the two cores a phase took, whatever
     * else was running. The JVM itself is {@code "self"}. With {@code parent} > 0 only that process's children
     * count (the benchmark's PostgreSQL server, not another one on the machine).
     */
    static long cpuMillis(long parent, String... names) throws IOException {
        long ticks = 0;
        java.util.Set<String> wanted = java.util.Set.of(names);
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String pid = dir.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    boolean match = wanted.contains(comm) || (wanted.contains("self") && Long.parseLong(pid) == self);
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (match && parent > 0 && "postgres".equals(comm) && Long.parseLong(f[1]) != parent
                            && Long.parseLong(pid) != parent) {
                        match = false;
                    }
                    if (match) {
                        // utime, stime and the children's that were waited for (fields 14-17): the server's ended
                        // backends, the JVM's ended pgbench
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** The process id of the PostgreSQL server behind a connection (the parent of its backend). */
    static long postmaster(org.springframework.jdbc.core.simple.JdbcClient jdbc) throws IOException {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        String stat = Files.readString(Path.of("/proc", String.valueOf(backend), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    /** CPU time (milliseconds) of this JVM's child processes that ended and were waited for (e.g. pgbench). */
    static long childrenCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
    }
}
