package com.careloop.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.imageio.ImageIO;

import com.careloop.support.Multipart;
import com.careloop.support.PageSession;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inspection speed (issue 18) on embedded PostgreSQL. Not a test: run it with
 * {@code ./mvnw -o test -Pbench -Dtest=InspectionBench -Dcareloop.bench=inspection -Dcareloop.test.db=postgres}.
 * Seeds by SQL a published checklist of 300 items (10 sections; every third item a photo item), an audit in progress
 * with all 300 answers, then uploads 100 JPEG photos (about 60 kB each) through the API into the platform file store;
 * and 200,000 findings on 20,000 earlier audits of 500 counterparts in 5 departments. Times, after a warm-up, the
 * audit page ({@code /audits/{id}} as a signed-in user, every section; and the API detail) — goal ≤ 300 ms — and
 * {@code bench.calls} (default 200) findings searches (no filter, status, department, text that matches many / few /
 * nothing, a finding code, an audit, as a manager and as a department head) — goal p95 ≤ 50 ms. The page must not
 * carry photo bytes: its size is reported and checked against the photos' size.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "careloop.bench", matches = "inspection")
@org.springframework.context.annotation.Import(SqlRecorder.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8"})
class InspectionBench {

    static final int FINDINGS = Integer.getInteger("bench.findings", 200_000);
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final String PASSWORD = "bench-pass-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void auditPageWith300ItemsAnd100PhotosAndFindingsSearchAt200000() throws Exception {
        String admin = BenchSupport.adminToken(http, port, "bench-admin-pw");
        long[] depts = new long[5];
        for (int d = 0; d < depts.length; d++) {
            depts[d] = ContractBench.id(BenchSupport.post(http, port, "/api/v1/departments", admin,
                    "{\"code\":\"BINS" + d + "\",\"name\":\"稽查基准部" + d + "\"}", 201));
        }
        long lead = ContractBench.id(BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchqm\","
                + "\"displayName\":\"基准品质经理\",\"password\":\"" + PASSWORD + "\",\"position\":\"QUALITY_MANAGER\",\"roles\":"
                + "[\"QUALITY_MANAGER\"],\"departmentId\":" + depts[0] + "}", 201));
        BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchhead\",\"displayName\":\"基准部门主管\","
                + "\"password\":\"" + PASSWORD + "\",\"position\":\"DEPT_HEAD\",\"roles\":[\"DEPT_HEAD\"],\"departmentId\":"
                + depts[1] + "}", 201);
        String qm = BenchSupport.token(http, port, "benchqm", PASSWORD);
        String head = BenchSupport.token(http, port, "benchhead", PASSWORD);

        long t0 = System.nanoTime();
        long template = seedTemplate();
        long audit = seedAudit(template, lead, depts[0]);
        long photoBytes = uploadPhotos(audit, template, qm);
        BenchSupport.report(String.format("inspection seed: 300 items, 100 photos (%d kB), in %.1f s", photoBytes >> 10,
                (System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        seedFindings(template, lead, depts);
        BenchSupport.report(String.format("inspection seed: %d findings on %d audits in %.1f s",
                jdbc.sql("select count(*) from audit_finding").query(Long.class).single(),
                jdbc.sql("select count(*) from audit").query(Long.class).single(), (System.nanoTime() - t0) / 1e9));

        // the audit page as a signed-in quality manager (each of the 10 sections in turn) and the API detail
        PageSession page = new PageSession(port);
        page.login("benchqm", PASSWORD);
        long pageSize = 0;
        for (int i = 0; i < 30; i++) {
            pageSize = Math.max(pageSize, page.get("/audits/" + audit + "?section=" + (i % 10)).body().length());
            BenchSupport.timedGet(http, port, "/api/v1/audits/" + audit, qm);
        }
        if (pageSize * 4 > photoBytes) {
            throw new IllegalStateException("the audit page carries photo bytes: " + pageSize + " characters");
        }
        int pageCalls = Math.max(50, CALLS / 2);
        long[] pages = new long[pageCalls];
        long[] api = new long[pageCalls];
        for (int i = 0; i < pageCalls; i++) {
            long start = System.nanoTime();
            PageSession.Page p = page.get("/audits/" + audit + "?section=" + (i % 10));
            pages[i] = System.nanoTime() - start;
            if (p.status() != 200) {
                throw new IllegalStateException("audit page -> " + p.status());
            }
            api[i] = BenchSupport.timedGet(http, port, "/api/v1/audits/" + audit, qm);
        }
        BenchSupport.report(ContractBench.line("audit page, 300 items / 100 photos (largest page " + (pageSize >> 10)
                + " kB)", pages));
        BenchSupport.report(ContractBench.line("audit API detail, 300 items / 100 photos", api));

        String firstCode = jdbc.sql("select code from audit_finding where code like 'BF%' order by id limit 1 offset 777")
                .query(String.class).single();
        long someAudit = jdbc.sql("select audit_id from audit_finding where code = :c").param("c", firstCode)
                .query(Long.class).single();
        String base = "/api/v1/audits/findings?limit=50";
        List<String> searches = List.of(base, base + "&status=OPEN", base + "&departmentId=" + depts[2],
                base + "&departmentId=" + depts[3] + "&status=OPEN", base + "&q=" + ContractBench.enc("消防"),
                base + "&q=" + ContractBench.enc("灭火器过期"), base + "&q=" + ContractBench.enc("仓库0042"),
                base + "&q=" + ContractBench.enc(firstCode), base + "&q=" + ContractBench.enc("没有这样的问题"),
                base + "&auditId=" + someAudit, base + "&severity=CRITICAL&status=OPEN",
                base + "&q=" + ContractBench.enc("江苏恒顺0123"));
        measure("manager", searches, qm);
        measure("department head", searches, head);
    }

    void measure(String who, List<String> searches, String token) throws Exception {
        for (int i = 0; i < 3 * searches.size(); i++) {
            BenchSupport.timedGet(http, port, searches.get(i % searches.size()), token);
        }
        long[] took = new long[CALLS];
        long[][] per = new long[searches.size()][CALLS / searches.size() + 1];
        int[] n = new int[searches.size()];
        for (int i = 0; i < CALLS; i++) {
            int k = i % searches.size();
            took[i] = BenchSupport.timedGet(http, port, searches.get(k), token);
            per[k][n[k]++] = took[i];
        }
        BenchSupport.report(ContractBench.line("findings search at " + FINDINGS + ", " + who, took));
        for (int k = 0; k < searches.size(); k++) {
            long[] kind = java.util.Arrays.copyOf(per[k], n[k]);
            BenchSupport.report(String.format("  %s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms",
                    searches.get(k).replace("/api/v1/audits/findings", ""), kind.length,
                    BenchSupport.percentileMs(kind, 50), BenchSupport.percentileMs(kind, 95),
                    BenchSupport.percentileMs(kind, 100)));
        }
        explain(who, searches, token);
    }

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS)} of every select each search kind sends (recorded as sent, parameters bound):
     * the full plans go to the output, a line per kind to the report with each statement's top node (rows, buffers).
     * On a shared machine the buffers and rows are the evidence, not the milliseconds.
     */
    void explain(String who, List<String> searches, String token) throws Exception {
        if (!TestDatabases.onPostgres()) {
            return;
        }
        for (String search : searches) {
            SqlRecorder.start();
            BenchSupport.timedGet(http, port, search, token);
            List<SqlRecorder.Sent> sent = SqlRecorder.stop();
            StringBuilder summary = new StringBuilder("  plan " + who + " " + search.replace("/api/v1/audits/findings", ""));
            System.out.println("BENCH plans of " + who + " " + search);
            for (SqlRecorder.Sent s : sent) {
                if (!s.sql().contains("audit_finding")) {
                    continue; // the session's own reads (user, permissions)
                }
                List<String> plan = SqlRecorder.explain(jdbc, s);
                System.out.println("BENCH   " + s.sql().replaceAll("\\s+", " ") + " " + s.params().values());
                plan.forEach(l -> System.out.println("BENCH     " + l));
                String top = plan.get(0);
                String buffers = plan.stream().filter(l -> l.strip().startsWith("Buffers:")).findFirst().orElse("")
                        .strip();
                String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
                summary.append(" | ").append(top.replaceAll(".*\\(actual [^)]*rows=(\\d+) loops=\\d+\\)", "rows=$1"))
                        .append(' ').append(buffers).append(' ').append(time);
            }
            BenchSupport.report(summary.toString());
        }
    }

    long seedTemplate() {
        jdbc.sql("""
                insert into checklist_template (code, revision, kind, title, status, pass_score, conditional_score,
                  created_at, updated_at) values ('BENCH-300', 1, 'CSR', '基准CSR稽查 300项', 'PUBLISHED', 85, 70,
                  current_timestamp, current_timestamp)""").update();
        long template = jdbc.sql("select id from checklist_template where code = 'BENCH-300'").query(Long.class).single();
        jdbc.sql("""
                insert into checklist_item (template_id, section_no, section_zh_cn, section_zh_tw, section_en, item_no,
                  text_zh_cn, text_zh_tw, text_en, kind, max_score, min_photos, weight, red_line, evidence, department_code)
                select :t, (g - 1) / 30 + 1, '第' || ((g - 1) / 30 + 1) || '部分 消防与安全', '第' || ((g - 1) / 30 + 1)
                  || '部分 消防與安全', 'Part ' || ((g - 1) / 30 + 1) || ' fire and safety', (g - 1) % 30 + 1,
                  '检查项' || g || ':灭火器在有效期内,通道畅通,标识清楚,记录完整', '檢查項' || g || ':滅火器在有效期內',
                  'Item ' || g || ': extinguishers valid, exits clear, signs and records complete',
                  case when g % 3 = 0 then 'PHOTO' when g % 3 = 1 then 'YES_NO' else 'SCORE' end,
                  case when g % 3 = 2 then 5 else null end, case when g % 3 = 0 then 1 else 0 end, 1 + g % 3,
                  g % 50 = 0, case when g % 7 = 0 then '消防检查记录' || chr(10) || '培训签到表' else null end, 'BINS0'
                from generate_series(1, 300) g""").param("t", template).update();
        return template;
    }

    long seedAudit(long template, long lead, long dept) {
        jdbc.sql("""
                insert into audit (code, kind, title, audit_date, counterpart, template_id, lead_user_id, status,
                  created_by, created_at, updated_at) values ('BA-PAGE', 'CSR', '2026-12-08 江苏恒顺0001 CSR稽查',
                  date '2026-12-08', '江苏恒顺0001', :t, :lead, 'IN_PROGRESS', 'bench', current_timestamp, current_timestamp)""")
                .param("t", template).param("lead", lead).update();
        long audit = jdbc.sql("select id from audit where code = 'BA-PAGE'").query(Long.class).single();
        jdbc.sql("insert into audit_member (audit_id, user_id, department_id) values (:a, :u, :d)").param("a", audit)
                .param("u", lead).param("d", dept).update();
        jdbc.sql("""
                insert into audit_answer (audit_id, item_id, answer, not_applicable, fraction, failed, note, answered_by,
                  answered_at)
                select :a, i.id, case i.kind when 'YES_NO' then 'YES' when 'SCORE' then '4' else null end, false,
                  case i.kind when 'PHOTO' then null when 'SCORE' then 0.8 else 1 end, false,
                  case when i.id % 5 = 0 then '现场查看,记录齐全' else null end, 'benchqm', current_timestamp
                from checklist_item i where i.template_id = :t""").param("a", audit).param("t", template).update();
        return audit;
    }

    /** 100 phone-like JPEGs through the API into the platform file store, one per photo item; returns their bytes. */
    long uploadPhotos(long audit, long template, String token) throws Exception {
        List<Long> items = jdbc.sql("select id from checklist_item where template_id = :t and kind = 'PHOTO' order by id")
                .param("t", template).query(Long.class).list();
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            byte[] jpeg = photo(i);
            total += jpeg.length;
            Multipart form = new Multipart().file("file", "现场" + i + ".jpg", "image/jpeg", jpeg);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/audits/" + audit + "/answers/" + items.get(i) + "/photos"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", form.contentType())
                    .POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("photo " + i + " -> " + r.statusCode() + " " + r.body());
            }
        }
        return total;
    }

    static byte[] photo(int seed) throws Exception {
        BufferedImage img = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(seed * 37 % 255, 120, 60), 1280, 960, new Color(30, seed * 11 % 255, 200)));
        g.fillRect(0, 0, 1280, 960);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color((i * 53 + seed) % 255, (i * 29) % 255, (i * 71 + seed * 3) % 255));
            g.fillOval((i * 97 + seed * 13) % 1280, (i * 61 + seed * 7) % 960, 10 + i % 40, 10 + i % 30);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** 20,000 closed or open audits of 500 counterparts, 10 findings each, spread over 5 departments. */
    void seedFindings(long template, long lead, long[] depts) {
        int audits = FINDINGS / 10;
        jdbc.sql("""
                insert into audit (code, kind, title, audit_date, counterpart, template_id, lead_user_id, status, score,
                  result, created_by, created_at, updated_at)
                select 'BA' || lpad(g::text, 6, '0'), case g % 5 when 0 then 'CSR' when 1 then 'FACTORY' when 2 then 'SUPPLIER'
                  when 3 then 'MYSTERY_SHOPPER' else 'PRE_CONTRACT' end,
                  to_char(date '2020-01-01' + g / 10, 'YYYY-MM-DD') || ' 江苏恒顺' || lpad((g % 500)::text, 4, '0') || ' 稽查',
                  date '2020-01-01' + g / 10, '江苏恒顺' || lpad((g % 500)::text, 4, '0'), :t, :lead,
                  case when g > :n - 500 then 'FINDINGS_OPEN' else 'CLOSED' end, 60 + g % 40,
                  case when g % 7 = 0 then 'FAIL' else 'PASS' end, 'bench', current_timestamp, current_timestamp
                from generate_series(1, :n) g""").param("t", template).param("lead", lead).param("n", audits).update();
        jdbc.sql("""
                insert into audit_member (audit_id, user_id, department_id)
                select a.id, :lead, case a.id % 5 when 0 then :d0 when 1 then :d1 when 2 then :d2 when 3 then :d3 else :d4 end
                from audit a where a.code like 'BA0%'""").param("lead", lead).param("d0", depts[0]).param("d1", depts[1])
                .param("d2", depts[2]).param("d3", depts[3]).param("d4", depts[4]).update();
        jdbc.sql("""
                insert into audit_finding (code, audit_id, item_id, origin, description, severity, department_id, due_on,
                  status, closed_at, closed_by, created_at)
                select 'BF' || lpad((a.id * 10 + k)::text, 8, '0'), a.id, null, case when k % 2 = 0 then 'ITEM' else 'CUSTOMER' end,
                  (array['消防通道堆放杂物', '灭火器过期未更换', '化学品未分类存放', '员工加班超时记录缺失', '仓库温湿度记录不全',
                   '标识不清楚', '培训签到表缺失', '废水排放口无标识', '劳保用品未发放', '门禁记录不完整'])[k + 1]
                   || ' 仓库' || lpad(((a.id * 10 + k) % 5000)::text, 4, '0') || ' ' || a.counterpart,
                  case when k = 0 and a.id % 3 = 0 then 'CRITICAL' when k < 4 then 'MAJOR' else 'MINOR' end,
                  case (a.id + k) % 5 when 0 then :d0 when 1 then :d1 when 2 then :d2 when 3 then :d3 else :d4 end,
                  a.audit_date + 10, case when a.status = 'CLOSED' then 'CLOSED' when k % 3 = 0 then 'CAPA' else 'OPEN' end,
                  case when a.status = 'CLOSED' then a.created_at else null end,
                  case when a.status = 'CLOSED' then 'bench' else null end, a.created_at
                from audit a cross join generate_series(0, 9) k where a.code like 'BA0%'""")
                .param("d0", depts[0]).param("d1", depts[1]).param("d2", depts[2]).param("d3", depts[3])
                .param("d4", depts[4]).update();
        jdbc.sql("analyze").update();
    }
}
