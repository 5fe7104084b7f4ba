package com.careloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What durable commits cost the API intake on the embedded H2 database (issue 14 §1): {@code WRITE_DELAY=0} (every
 * commit written to the file before it returns, the shipped setting) against H2's default of 500 ms (commits
 * written in the background), alternated in one run on one database so the machine's noise hits both alike.
 * Not a test: {@code ./mvnw test -Pbench -Dtest=H2IntakeBench}. Needs {@code wrk}. The database is the shipped
 * default URL on a fresh data directory; the setting is switched with {@code SET WRITE_DELAY} between phases.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "careloop.servicedesk.scan-interval=PT24H"})
class H2IntakeBench {

    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int WARM_SECONDS = Integer.getInteger("bench.warmSeconds", 60);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int OLD_DELAY = 500;
    static final int NEW_DELAY = 0;

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("careloop-h2-bench");
        registry.add("CARELOOP_DATA_DIR", dir::toString);
    }

    record Phase(String kind, int delay, long operations, double perSecond, double cpuMsPerOp, double writesPerOp,
                 double kbWrittenPerOp, long fileMb) {
    }

    @Test
    void intakeWithDurableCommitsAgainstDelayedWrites() throws Exception {
        if (!url.startsWith("jdbc:h2:file:") || !url.contains("WRITE_DELAY=0") || !Wrk.installed()) {
            throw new IllegalStateException("needs wrk and the shipped H2 URL, not " + url);
        }
        String token = BenchSupport.adminToken(java.net.http.HttpClient.newHttpClient(), port, "bench-admin-pw");
        setDelay(NEW_DELAY);
        Wrk.run(port, "/api/v1/service-requests", script(token, true), CLIENTS, WARM_SECONDS);
        List<Phase> phases = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (boolean idempotent : new boolean[] {true, false}) {
                // alternate which setting goes first, so a trend in the machine's load does not favour one
                int[] order = round % 2 == 0 ? new int[] {OLD_DELAY, NEW_DELAY} : new int[] {NEW_DELAY, OLD_DELAY};
                for (int delay : order) {
                    phases.add(phase(token, idempotent, delay));
                }
            }
        }
        for (Phase p : phases) {
            BenchSupport.report(String.format("h2-intake %s WRITE_DELAY=%d: %.1f/s (%d in %ds, %d clients, wrk) cpu %.2f ms/op, "
                            + "%.2f file writes/op, %.1f KB written/op, file %d MB", p.kind(), p.delay(), p.perSecond(),
                    p.operations(), SECONDS, CLIENTS, p.cpuMsPerOp(), p.writesPerOp(), p.kbWrittenPerOp(), p.fileMb()));
        }
        for (String kind : List.of("idempotent", "plain")) {
            List<Phase> old = phases.stream().filter(p -> p.kind().equals(kind) && p.delay() == OLD_DELAY).toList();
            List<Phase> now = phases.stream().filter(p -> p.kind().equals(kind) && p.delay() == NEW_DELAY).toList();
            List<String> ratios = new ArrayList<>();
            for (int i = 0; i < old.size(); i++) {
                ratios.add(String.format("%.2f", now.get(i).perSecond() / old.get(i).perSecond()));
            }
            BenchSupport.report(String.format("h2-intake %s: rate WRITE_DELAY=0 / WRITE_DELAY=500 per round %s, "
                            + "over all rounds %.2f; cpu per op %.2f", kind, ratios,
                    now.stream().mapToDouble(Phase::perSecond).sum() / old.stream().mapToDouble(Phase::perSecond).sum(),
                    now.stream().mapToDouble(Phase::cpuMsPerOp).average().orElseThrow()
                            / old.stream().mapToDouble(Phase::cpuMsPerOp).average().orElseThrow()));
        }
    }

    private Phase phase(String token, boolean idempotent, int delay) throws Exception {
        setDelay(delay);
        Map<String, Long> before = info();
        long app = BenchSupport.cpuMillis(0, "self");
        long client = BenchSupport.childrenCpuMillis();
        long t = System.nanoTime();
        long ops = Wrk.run(port, "/api/v1/service-requests", script(token, idempotent), CLIENTS, SECONDS);
        double seconds = (System.nanoTime() - t) / 1e9;
        Thread.sleep(1000); // the event listeners after the commits, and the answers wrk dropped at the end
        long cpu = BenchSupport.cpuMillis(0, "self") - app + BenchSupport.childrenCpuMillis() - client;
        Map<String, Long> after = info();
        // a new pooled connection would apply the URL's WRITE_DELAY=0 again: the phase is only valid if it held
        if (after.get("WRITE_DELAY") != delay) {
            throw new IllegalStateException("WRITE_DELAY changed during the phase: " + after.get("WRITE_DELAY"));
        }
        return new Phase(idempotent ? "idempotent" : "plain", delay, ops, ops / seconds, (double) cpu / ops,
                (double) (after.get("info.FILE_WRITE") - before.get("info.FILE_WRITE")) / ops,
                (after.get("info.FILE_WRITE_BYTES") - before.get("info.FILE_WRITE_BYTES")) / 1024.0 / ops,
                after.get("info.FILE_SIZE") >> 20);
    }

    private void setDelay(int millis) {
        jdbc.sql("set write_delay " + millis).update();
    }

    private Map<String, Long> info() {
        return jdbc.sql("select setting_name, setting_value from information_schema.settings where setting_name in "
                        + "('WRITE_DELAY', 'info.FILE_WRITE', 'info.FILE_WRITE_BYTES', 'info.FILE_SIZE')")
                .query((rs, n) -> Map.entry(rs.getString(1), Long.parseLong(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Math::max)); // WRITE_DELAY is listed twice
    }

    /** Registrations as ServiceDeskBench sends them; with a fresh Idempotency-Key on each when {@code idempotent}. */
    private static Path script(String token, boolean idempotent) throws Exception {
        return Wrk.intakeScript("h2-intake.lua", token, "h2", idempotent ? UUID.randomUUID().toString().substring(0, 8) : null);
    }
}
