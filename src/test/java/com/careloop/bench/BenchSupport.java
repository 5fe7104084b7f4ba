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

    /** A timed step of a benchmark. */
    interface Call {
        void run() throws Exception;
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
        return token(http, port, "admin", password);
    }

    /** A bearer token for a user. */
    static String token(HttpClient http, int port, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\"}"))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("token for " + username + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** A JSON POST with a bearer token that must answer {@code expected}; returns the body. */
    static String post(HttpClient http, int port, String path, String token, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A GET with a bearer token that must answer 200; returns the body's size in bytes. */
    static long getBytes(HttpClient http, int port, String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + new String(r.body()));
        }
        return r.body().length;
    }

    /** "name calls=n p50=…ms p95=…ms p99=…ms max=…ms" of durations in nanoseconds. */
    static String summary(String name, long[] nanos) {
        return String.format(java.util.Locale.ROOT, "%s calls=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms", name,
                nanos.length, percentileMs(nanos, 50), percentileMs(nanos, 95), percentileMs(nanos, 99),
                percentileMs(nanos, 100));
    }

    /** Sets the heap pools' peak usage back to their current usage (before a phase whose peak is wanted). */
    static void resetPeakHeap() {
        System.gc();
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == java.lang.management.MemoryType.HEAP)
                .forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * "used=…MB peak-sum-of-pools=…MB max=…MB": the heap now, the sum of the heap pools' peaks since the start or
     * {@link #resetPeakHeap()} (an upper bound of the peak: the pools peak at different moments) and -Xmx.
     */
    static String heap() {
        long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(b -> b.getPeakUsage().getUsed()).sum();
        return String.format("used=%dMB peak-sum-of-pools=%dMB max=%dMB", used >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static final java.util.regex.Pattern PGBENCH_TPS =
            java.util.regex.Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final java.util.regex.Pattern PGBENCH_LATENCY =
            java.util.regex.Pattern.compile("latency average = ([0-9.]+) ms");

    /**
     * {@code pgbench} against the benchmark's database (its tables created once with {@code pgbench -i -s 10}):
     * {@code args} (e.g. "-S" for select-only) with 2 clients for {@code seconds}; "tps=… latency-avg=…ms".
     */
    static String pgbench(org.springframework.jdbc.core.simple.JdbcClient jdbc, String url, int seconds, String... args)
            throws Exception {
        String db = url.substring(url.lastIndexOf('/') + 1);
        if (jdbc.sql("select count(*) from information_schema.tables where table_name = 'pgbench_accounts'")
                .query(Long.class).single() == 0) {
            run("pgbench", "-h", "localhost", "-U", "careloop", "-i", "-s", "10", "-q", db);
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("pgbench", "-h", "localhost", "-U",
                "careloop", "-n", "-c", "2", "-j", "2", "-T", String.valueOf(seconds)));
        command.addAll(java.util.List.of(args));
        command.add(db);
        String out = run(command.toArray(String[]::new));
        java.util.regex.Matcher tps = PGBENCH_TPS.matcher(out);
        java.util.regex.Matcher latency = PGBENCH_LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench: " + out);
        }
        return "clients=2 tps=" + tps.group(1) + " latency-avg=" + latency.group(1) + "ms";
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "careloop");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
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

    /** One normalised statement of pg_stat_statements: its text, calls and execution time so far. */
    record Statement(String query, long calls, double totalMs) {
    }

    /**
     * pg_stat_statements of the benchmark's database by query id, or an empty map when the extension is missing
     * (it needs {@code shared_preload_libraries = 'pg_stat_statements'} and {@code create extension
     * pg_stat_statements} by a superuser): the statements a phase sent are the difference of two snapshots.
     */
    static java.util.Map<String, Statement> statements(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from pg_extension where extname = 'pg_stat_statements'").query(Long.class).single() == 0) {
            return java.util.Map.of();
        }
        java.util.Map<String, Statement> result = new java.util.HashMap<>();
        jdbc.sql("""
                select queryid::text, query, calls, total_exec_time from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'""")
                .query((rs, n) -> result.put(rs.getString(1), new Statement(rs.getString(2), rs.getLong(3), rs.getDouble(4))))
                .list();
        return result;
    }

    /**
     * The statements sent between two snapshots per operation: "statements=… db-time=…ms" and one line per
     * statement (calls and database milliseconds per operation, most frequent first); empty without the extension.
     */
    static java.util.List<String> statementsPerOperation(java.util.Map<String, Statement> before,
                                                         java.util.Map<String, Statement> after, long operations) {
        if (after.isEmpty() || operations == 0) {
            return java.util.List.of();
        }
        java.util.List<Statement> sent = new java.util.ArrayList<>();
        after.forEach((id, a) -> {
            Statement b = before.getOrDefault(id, new Statement(a.query(), 0, 0));
            if (a.calls() > b.calls()) {
                sent.add(new Statement(a.query(), a.calls() - b.calls(), a.totalMs() - b.totalMs()));
            }
        });
        sent.sort(java.util.Comparator.comparingLong(Statement::calls).reversed());
        long calls = sent.stream().mapToLong(Statement::calls).sum();
        double ms = sent.stream().mapToDouble(Statement::totalMs).sum();
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "statements=%.2f db-time=%.3fms per operation (%d operations)",
                (double) calls / operations, ms / operations, operations));
        for (Statement st : sent) {
            if ((double) st.calls() / operations >= 0.001) {
                lines.add(String.format(java.util.Locale.ROOT, "  %.3f x %.4fms  %s", (double) st.calls() / operations,
                        st.totalMs() / st.calls(), st.query().replaceAll("\\s+", " ")));
            }
        }
        return lines;
    }
}
