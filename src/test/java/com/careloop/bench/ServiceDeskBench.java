package com.careloop.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.servicedesk.request.SlaScan;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Service desk on a real PostgreSQL server (issue 4 "Speed and memory"). Not a test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_desk_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=ServiceDeskBench -DargLine=-Xmx512m}.
 * (a) intake throughput through the HTTP API against {@code pgbench} single-row inserts on the same server,
 * in the same run (goal: ratio >= 0.4); (b) with 1,000,000 requests (300,000 open): queue list and keyword
 * search p95 <= 50 ms, request detail p95 <= 30 ms, the SLA scan over all open requests <= 1 s, heap <= 512 MB.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8", "careloop.servicedesk.scan-interval=PT24H"})
class ServiceDeskBench {

    static final int REQUESTS = Integer.getInteger("bench.requests", 1_000_000);
    static final int INTAKES = Integer.getInteger("bench.intakes", 2000);
    static final int THREADS = Integer.getInteger("bench.clients", 4);
    static final String CLIENT_COUNTS = System.getProperty("bench.clientCounts", String.valueOf(THREADS));
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 4000);
    static final int WRK_SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int WARM_SECONDS = Integer.getInteger("bench.warmSeconds", 90);
    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlaScan scan;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void intakeThroughputAndQueueWithAMillionRequests() throws Exception {
        load();
        String token = token();
        if (Boolean.getBoolean("bench.ceilingsOnly")) {
            // only the health check against the authenticated read (issue 21 §2), a few rounds per client count
            long server = BenchSupport.postmaster(jdbc);
            for (String clients : CLIENT_COUNTS.split(",")) {
                for (int round = 0; round < Integer.getInteger("bench.rounds", 1); round++) {
                    ceilings(server, token, Integer.parseInt(clients.trim()), Double.NaN);
                }
            }
            heap();
            return;
        }
        if (!Boolean.getBoolean("bench.intakeOnly")) {
            reads(token);
            slaScan();
        }
        intakeAgainstPgbench(token);
        heap();
    }

    private void reads(String token) throws Exception {
        Random random = new Random(7);
        String[] filters = {"", "status=REGISTERED", "status=DISPATCHED", "type=REPAIR", "unassigned=true",
                "status=IN_PROGRESS&type=COMPLAINT", "keyOnly=true", "overdue=true"};
        String[] words = {"漏水", "电梯", "门禁", "空调", "噪音", "停车", "物业费", "垃圾", "绿化", "停电"};
        for (int i = 0; i < 40; i++) {
            call("/api/v1/service-requests?limit=50&" + filters[i % filters.length], token);
        }
        long[] queue = new long[240];
        for (int i = 0; i < queue.length; i++) {
            queue[i] = call("/api/v1/service-requests?limit=50&" + filters[i % filters.length], token);
        }
        long[] search = new long[300];
        for (int i = 0; i < search.length; i++) {
            String q = switch (i % 3) {
                case 0 -> words[random.nextInt(words.length)];
                case 1 -> (1 + random.nextInt(30)) + "-" + String.format("%02d", 1 + random.nextInt(30));
                default -> "BB" + String.format("%08d", 1 + random.nextInt(REQUESTS));
            };
            search[i] = call("/api/v1/service-requests?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
        }
        long minId = jdbc.sql("select min(id) from service_request").query(Long.class).single();
        long[] detail = new long[300];
        for (int i = 0; i < detail.length; i++) {
            detail[i] = call("/api/v1/service-requests/" + (minId + random.nextInt(REQUESTS)), token);
        }
        long total = jdbc.sql("select count(*) from service_request").query(Long.class).single();
        long open = jdbc.sql("select count(*) from service_request where status <> 'CLOSED'").query(Long.class).single();
        BenchSupport.report(String.format("desk-queue requests=%d open=%d calls=%d p50=%.1fms p95=%.1fms p99=%.1fms", total, open,
                queue.length, BenchSupport.percentileMs(queue, 50), BenchSupport.percentileMs(queue, 95),
                BenchSupport.percentileMs(queue, 99)));
        BenchSupport.report(String.format("desk-search calls=%d p50=%.1fms p95=%.1fms p99=%.1fms", search.length,
                BenchSupport.percentileMs(search, 50), BenchSupport.percentileMs(search, 95), BenchSupport.percentileMs(search, 99)));
        BenchSupport.report(String.format("desk-detail calls=%d p50=%.1fms p95=%.1fms p99=%.1fms", detail.length,
                BenchSupport.percentileMs(detail, 50), BenchSupport.percentileMs(detail, 95), BenchSupport.percentileMs(detail, 99)));
    }

    /** The scan's query runs over every open request; the generated deadlines are ahead, so it sends nothing. */
    private void slaScan() throws Exception {
        long[] runs = timeSlaScan(scan, 5);
        BenchSupport.report(String.format("desk-sla-scan runs=%d p50=%.1fms max=%.1fms", runs.length,
                BenchSupport.percentileMs(runs, 50), BenchSupport.percentileMs(runs, 100)));
    }

    /** {@code count} SLA scans, each timed; fails when one sends an alert (bench data must not be due). */
    static long[] timeSlaScan(SlaScan scan, int count) {
        long[] runs = new long[count];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            int sent = scan.scan(Instant.now());
            runs[i] = System.nanoTime() - t;
            if (sent != 0) {
                throw new IllegalStateException("the bench data should not be due: " + sent);
            }
        }
        return runs;
    }

    /**
     * Registrations by each number of clients of {@code bench.clientCounts} ({@code bench.clients}, 4, by default;
     * e.g. "4,16"), each followed at once by pgbench with as many clients running (1) the statements one
     * registration sends, in one transaction ({@code bench/registration.sql}, captured with pg_stat_statements), and
     * (2) a single-row insert (the old yardstick). The load comes from {@code wrk} when it is installed (a C client
     * like pgbench, so the two cores are not spent on the client), else from Java's HttpClient in this JVM. With
     * wrk, two ceilings are measured in the same run: an unauthenticated health check and an authenticated GET of
     * one indexed row, which no registration can beat. With pg_stat_statements the statements per registration and
     * per read are reported.
     */
    private void intakeAgainstPgbench(String token) throws Exception {
        long server = BenchSupport.postmaster(jdbc);
        boolean wrk = !Boolean.getBoolean("bench.javaClient") && Wrk.installed();
        int[] counts = java.util.Arrays.stream(CLIENT_COUNTS.split(",")).mapToInt(c -> Integer.parseInt(c.trim())).toArray();
        Path script = wrk ? Wrk.intakeScript("post.lua", token, "wrk", null) : null;
        if (wrk) {
            // warm-up: the C2 compiler keeps a core busy for the first minute or so of load; measured after it
            Wrk.run(port, "/api/v1/service-requests", script, counts[0], WARM_SECONDS);
            Thread.sleep(1000); // the warm-up's last answers, dropped by wrk, still land
        } else {
            // warm-up: the first few thousand requests after start pay for the JIT compiler, not for the intake
            register(token, counts[0], WARM_UP, "warm");
        }
        for (int clients : counts) {
            var statements = BenchSupport.statements(jdbc);
            long before = jdbc.sql("select count(*) from service_request where title like '压测报修 wrk-%'").query(Long.class).single();
            Load api = wrk ? measure(server, () -> Wrk.run(port, "/api/v1/service-requests", script, clients, WRK_SECONDS))
                    : measure(server, () -> register(token, clients, INTAKES, "bench" + clients));
            if (wrk) {
                long written = jdbc.sql("select count(*) from service_request where title like '压测报修 wrk-%'")
                        .query(Long.class).single() - before;
                // wrk drops the answers still in flight when its time is up: at most one per connection
                if (written < api.operations() || written > api.operations() + 2L * clients) {
                    throw new IllegalStateException("wrk counted " + api.operations() + " registrations, the table has " + written);
                }
            }
            for (String line : BenchSupport.statementsPerOperation(statements, BenchSupport.statements(jdbc), api.operations())) {
                BenchSupport.report("desk-intake-sql clients=" + clients + " " + line);
            }
            Pgbench same = pgbench(server, clients, registrationScript(token));
            Pgbench insert = pgbench(server, clients, insertScript());
            BenchSupport.report(String.format("desk-intake clients=%d api=%.1f/s (%d requests, %s) pgbench-registration=%.1f tps "
                            + "ratio=%.3f; pgbench-insert=%.1f tps ratio=%.3f", clients, api.perSecond(), api.operations(),
                    wrk ? "wrk" : "java client", same.tps(), api.perSecond() / same.tps(), insert.tps(),
                    api.perSecond() / insert.tps()));
            // CPU per operation is what the two cores allow, independent of what else was running
            BenchSupport.report(String.format("desk-intake-cpu clients=%d per registration: app %.3f ms + database %.3f ms + "
                            + "client %.3f ms = %.3f ms; per pgbench registration %.3f ms, per pgbench insert %.3f ms "
                            + "(pgbench + database)", clients, api.appMsPerOp(), api.dbMsPerOp(), api.clientMsPerOp(),
                    api.msPerOp(), same.cpuMsPerTransaction(), insert.cpuMsPerTransaction()));
            if (wrk) {
                ceilings(server, token, clients, same.tps());
            }
        }
    }

    /** pgbench's rate and its CPU (pgbench and the server) per transaction. */
    record Pgbench(double tps, long transactions, long cpuMs) {
        double cpuMsPerTransaction() { return transactions == 0 ? 0 : (double) cpuMs / transactions; }
    }

    private Pgbench pgbench(long server, int clients, Path script) throws Exception {
        String db = url.substring(url.lastIndexOf('/') + 1);
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-h", "localhost", "-U", "careloop", "-n", "-c", String.valueOf(clients),
                "-j", "2", "-M", "prepared", "-T", String.valueOf(WRK_SECONDS), "-f", script.toString(), db).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "careloop");
        long cpu = BenchSupport.cpuMillis(server, "postgres") + BenchSupport.childrenCpuMillis();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        cpu = BenchSupport.cpuMillis(server, "postgres") + BenchSupport.childrenCpuMillis() - cpu;
        Matcher m = TPS.matcher(out);
        Matcher tx = TRANSACTIONS.matcher(out);
        if (!m.find() || !tx.find() || out.contains("ERROR")) {
            throw new IllegalStateException("pgbench " + script + ": " + out);
        }
        return new Pgbench(Double.parseDouble(m.group(1)), Long.parseLong(tx.group(1)), cpu);
    }

    private Path insertScript() throws Exception {
        jdbc.sql("create table if not exists bench_insert_probe (id bigserial primary key, title varchar(200), "
                + "created_at timestamptz not null)").update();
        Path script = Path.of("target", "bench", "insert.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "insert into bench_insert_probe (title, created_at) values ('压测报修', now());\n");
        return script;
    }

    /**
     * The statements of one registration (src/test/resources/bench/registration.sql) as a pgbench script file, for
     * the bench's token and its user.
     */
    private Path registrationScript(String token) throws Exception {
        Path script = Path.of("target", "bench", "registration.sql");
        Files.createDirectories(script.getParent());
        var user = jdbc.sql("select token_hash, user_id from api_token where token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
                .param("t", token).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        try (var in = getClass().getResourceAsStream("/bench/registration.sql")) {
            Files.writeString(script, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${tokenHash}", user[0]).replace("${userId}", user[1]));
        }
        return script;
    }

    /**
     * What any API call costs before it does its own work, against the same pgbench figure: the health check
     * (HTTP, the security chain, one database ping) and an authenticated read of one indexed row (plus the
     * token look-up and the JSON body).
     */
    private void ceilings(long server, String token, int clients, double pg) throws Exception {
        Path none = Wrk.script("get.lua", "");
        Path bearer = Wrk.script("bearer.lua", "wrk.headers[\"Authorization\"] = \"Bearer %s\"\n".formatted(token));
        long id = jdbc.sql("select max(id) from service_request").query(Long.class).single();
        Wrk.run(port, "/actuator/health", none, clients, 10);
        Wrk.run(port, "/api/v1/service-requests/" + id, bearer, clients, 10);
        Load health = measure(server, () -> Wrk.run(port, "/actuator/health", none, clients, WRK_SECONDS));
        var statements = BenchSupport.statements(jdbc);
        Load read = measure(server, () -> Wrk.run(port, "/api/v1/service-requests/" + id, bearer, clients, WRK_SECONDS));
        for (String line : BenchSupport.statementsPerOperation(statements, BenchSupport.statements(jdbc), read.operations())) {
            BenchSupport.report("desk-read-sql clients=" + clients + " " + line);
        }
        long rich = requestWithHistory();
        Load history = measure(server, () -> Wrk.run(port, "/api/v1/service-requests/" + rich, bearer, clients, WRK_SECONDS));
        BenchSupport.report(String.format("desk-ceiling-history clients=%d detail-with-history=%.1f/s (cpu %.3f ms: app %.3f + "
                        + "database %.3f + client %.3f) read/health=%.3f", clients, history.perSecond(), history.msPerOp(),
                history.appMsPerOp(), history.dbMsPerOp(), history.clientMsPerOp(), history.perSecond() / health.perSecond()));
        BenchSupport.report(String.format("desk-ceiling clients=%d health=%.1f/s (cpu %.3f ms) authenticated-detail=%.1f/s "
                        + "(cpu %.3f ms) read/health=%.3f; against pgbench-registration %.1f tps: health %.3f, read %.3f",
                clients, health.perSecond(), health.msPerOp(), read.perSecond(), read.msPerOp(),
                read.perSecond() / health.perSecond(), pg, health.perSecond() / pg, read.perSecond() / pg));
        BenchSupport.report(String.format("desk-ceiling-cpu clients=%d health: app %.3f + database %.3f + client %.3f ms; "
                        + "read: app %.3f + database %.3f + client %.3f ms", clients, health.appMsPerOp(),
                health.dbMsPerOp(), health.clientMsPerOp(), read.appMsPerOp(), read.dbMsPerOp(), read.clientMsPerOp()));
    }

    /**
     * A request whose page has something to show: a department and handler, six timeline rows, a pause, two notes
     * and two materials (the seeded requests have none). Written once by SQL onto the second seeded request.
     */
    private long requestWithHistory() {
        long id = jdbc.sql("select id from service_request where code = 'BB00000002'").query(Long.class).single();
        if (jdbc.sql("select count(*) from service_request_event where request_id = :id").param("id", id)
                .query(Long.class).single() > 0) {
            return id;
        }
        long department = jdbc.sql("""
                insert into department (code, name, created_at, updated_at) values ('BENCH-DESK', '维修班', now(), now())
                returning id""").query(Long.class).single();
        long handler = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        jdbc.sql("update service_request set department_id = :d, assignee_id = :u where id = :id")
                .param("d", department).param("u", handler).param("id", id).update();
        String[] kinds = {"REGISTERED", "DISPATCHED", "STARTED", "PAUSED", "RESUMED", "REASSIGNED"};
        for (int i = 0; i < kinds.length; i++) {
            jdbc.sql("""
                    insert into service_request_event (request_id, kind, occurred_at, actor, department_id, assignee_id, reason)
                    values (:id, :kind, now() - (:ago * interval '1 hour'), '前台', :d, :u, :reason)""")
                    .param("id", id).param("kind", kinds[i]).param("ago", 6 - i)
                    .param("d", i == 0 ? null : department).param("u", i == 0 ? null : handler)
                    .param("reason", i == 3 ? "业主不在家" : null).update();
        }
        jdbc.sql("""
                insert into service_request_pause (request_id, reason, note, started_at, ended_at, started_by, ended_by)
                values (:id, 'WAITING_CUSTOMER', '约明天上午', now() - interval '3 hours', now() - interval '2 hours', '孙师傅', '孙师傅')""")
                .param("id", id).update();
        for (String body : new String[] {"角阀老化，需更换", "已约定明早九点上门"}) {
            jdbc.sql("""
                    insert into service_request_note (request_id, body, visible_to_customer, author, created_at)
                    values (:id, :body, false, '孙师傅', now())""").param("id", id).param("body", body).update();
            jdbc.sql("""
                    insert into service_request_material (request_id, item, quantity, unit, requested_by, created_at)
                    values (:id, :item, 2, '个', '孙师傅', now())""").param("id", id).param("item", "角阀 " + body.length()).update();
        }
        return id;
    }

    /** Operations per second and CPU per operation of the application, its database and the client. */
    record Load(long operations, double seconds, long appMs, long dbMs, long clientMs) {
        double perSecond() { return operations / seconds; }
        double appMsPerOp() { return (double) appMs / operations; }
        double dbMsPerOp() { return (double) dbMs / operations; }
        double clientMsPerOp() { return (double) clientMs / operations; }
        double msPerOp() { return (double) (appMs + dbMs + clientMs) / operations; }
    }

    interface Phase {
        long run() throws Exception;
    }

    private Load measure(long server, Phase phase) throws Exception {
        long app = BenchSupport.cpuMillis(0, "self");
        long db = BenchSupport.cpuMillis(server, "postgres");
        long client = BenchSupport.childrenCpuMillis();
        long t = System.nanoTime();
        long ops = phase.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        // the listeners of the events run after the commits: let them finish so their CPU is counted
        Thread.sleep(2000);
        return new Load(ops, seconds, BenchSupport.cpuMillis(0, "self") - app, BenchSupport.cpuMillis(server, "postgres") - db,
                BenchSupport.childrenCpuMillis() - client);
    }

    /** {@code count} registrations by {@code clients} concurrent clients, each waiting for its 201; returns count. */
    private long register(String token, int clients, int count, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < count / clients; i++) {
                    post("/api/v1/service-requests", token, "{\"contactName\":\"压测\",\"contactPhone\":\"13800000000\","
                            + "\"type\":\"REPAIR\",\"title\":\"压测报修 " + tag + client + "-" + i + "\",\"channel\":\"API\","
                            + "\"description\":\"卫生间漏水，请派人查看\"}");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return (long) count / clients * clients;
    }

    private void heap() throws Exception {
        BenchSupport.report("desk-heap " + BenchSupport.heap());
    }

    private long call(String path, String token) throws Exception {
        return BenchSupport.timedGet(http, port, path, token);
    }

    private void post(String path, String token, String body) throws Exception {
        BenchSupport.post(http, port, path, token, body, 201);
    }

    private String token() throws Exception {
        return BenchSupport.adminToken(http, port, "bench-admin-pw");
    }

    /** A million requests, 30% open (registered, dispatched, in progress), deadlines ahead, in one INSERT ... SELECT. */
    private void load() throws Exception {
        // the registrations of earlier runs sit on top of the newest ids: remove them, so that every run searches
        // the same million (their audit entries stay: the trail is append-only)
        String earlier = "select id from service_request where title like '压测报修 %'";
        for (String child : new String[] {"service_request_event", "service_request_alert"}) {
            jdbc.sql("delete from " + child + " where request_id in (" + earlier + ")").update();
        }
        int removed = jdbc.sql("delete from service_request where id in (" + earlier + ")").update();
        if (removed > 0) {
            jdbc.sql("vacuum analyze service_request").update();
            BenchSupport.report("removed " + removed + " registrations of earlier runs");
        }
        long have = jdbc.sql("select count(*) from service_request where code like 'BB%'").query(Long.class).single();
        if (have >= REQUESTS) {
            return;
        }
        long t = System.nanoTime();
        try (var sql = getClass().getResourceAsStream("/bench/service-requests-seed.sql")) {
            jdbc.sql(new String(sql.readAllBytes(), StandardCharsets.UTF_8)).param("n", REQUESTS).update();
        }
        jdbc.sql("analyze service_request").update();
        BenchSupport.report(String.format("loaded %d service requests in %.1fs", REQUESTS, (System.nanoTime() - t) / 1e9));
    }
}
