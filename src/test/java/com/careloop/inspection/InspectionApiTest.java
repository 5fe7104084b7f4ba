package com.careloop.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The journey of an audit over HTTP: a template is made and published, an audit planned on it, answers checked by
 * kind (a score outside 0..N, a photo item without its photos, a file that is not an image are refused), a red line
 * failed fails the audit whatever the score, findings are made, one opens a CAPA (linked both ways), one is corrected;
 * closing is refused while findings are open and allowed once the CAPA closed its finding.
 */
class InspectionApiTest extends ApiTestBase {

    static final String TEMPLATES = "/api/v1/checklist-templates";
    static final String AUDITS = "/api/v1/audits";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.careloop.inspection.audit.InspectionJobs jobs;

    @Autowired
    AuditSchedules schedules;

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The first box of a HEIC photo: size, "ftyp", brand heic, minor version, compatible brand mif1. */
    static byte[] heic() {
        byte[] b = java.util.Arrays.copyOf(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, 64);
        System.arraycopy("heic".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        System.arraycopy("mif1".getBytes(StandardCharsets.US_ASCII), 0, b, 16, 4);
        return b;
    }

    Response upload(String path, String user, Multipart form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokenFor(user)).header("Accept", "application/json")
                .header("Content-Type", form.contentType()).POST(form.publisher()).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long template(String code) {
        JsonNode t = ok(post(TEMPLATES, tokenFor("quality"), j("{'code':'" + code + "','kind':'CSR','title':'测试CSR清单',"
                + "'passScore':85,'conditionalScore':70,'sections':[{'titleZhCn':'红线','titleEn':'Red lines','items':["
                + "{'textZhCn':'无童工','textEn':'No child labour','kind':'YES_NO','redLine':true,'weight':1,'departmentCode':'QA'},"
                + "{'textZhCn':'6S 整理','kind':'SCORE','maxScore':5,'weight':9},"
                + "{'textZhCn':'员工人数','kind':'NUMBER','minValue':0,'maxValue':10},"
                + "{'textZhCn':'入口照片','kind':'PHOTO','minPhotos':2}]}]}")), 201);
        assertThat(t.get("status").asString()).isEqualTo("DRAFT");
        assertThat(t.get("revision").asInt()).isEqualTo(1);
        return t.get("id").asLong();
    }

    /** A draft template of one section with one YES_NO item. */
    long oneItemDraft(String code, String kind, String title, String section, String item) {
        return ok(post(TEMPLATES, tokenFor("quality"), j("{'code':'" + code + "','kind':'" + kind + "','title':'" + title
                + "','sections':[{'titleZhCn':'" + section + "','items':[{'textZhCn':'" + item + "','kind':'YES_NO'}]}]}")),
                201).get("id").asLong();
    }

    long item(JsonNode audit, int no) {
        return audit.get("sections").get(0).get("questions").get(no).get("item").get("id").asLong();
    }

    @Test
    void templateToAuditToRedLineFailToFindingsToCapaThenCloseRefusedThenAllowed() throws Exception {
        String q = tokenFor("quality");
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = template(code);
        // a draft cannot be audited on
        String plan = "{'templateId':" + templateId + ",'auditDate':'2026-12-08','counterpart':'江苏测试食品" + code
                + "','memberIds':[" + userId("depthead") + "],'customerAuditors':'李工'}";
        assertThat(post(AUDITS, q, j(plan)).status()).isEqualTo(409);
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        // a published revision is never edited
        assertThat(put(TEMPLATES + "/" + templateId, q, j("{'code':'" + code + "','kind':'CSR','title':'x','sections':[]}"))
                .status()).isEqualTo(409);

        JsonNode a = ok(post(AUDITS, q, j(plan)), 201);
        long id = a.get("id").asLong();
        assertThat(a.get("title").asString()).isEqualTo("2026-12-08 江苏测试食品" + code + " CSR稽查");
        // the customer came early: the manager records an override of the readiness check
        ok(post(AUDITS + "/" + id + "/readiness-override", q, j("{'note':'客户提前稽查'}")), 200);
        assertThat(a.get("status").asString()).isEqualTo("PLANNED");
        assertThat(a.get("questions").asLong()).isEqualTo(4);
        long redLine = item(a, 0);
        long score = item(a, 1);
        long number = item(a, 2);
        long photo = item(a, 3);

        // validation by kind: nothing is saved
        Response bad = put(AUDITS + "/" + id + "/answers/" + score, q, j("{'answer':'7'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("answer");
        assertThat(put(AUDITS + "/" + id + "/answers/" + number, q, j("{'answer':'11'}")).status()).isEqualTo(422);
        assertThat(put(AUDITS + "/" + id + "/answers/" + photo, q, j("{'answer':''}")).status()).isEqualTo(422);
        assertThat(upload(AUDITS + "/" + id + "/answers/" + photo + "/photos", "quality",
                new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes())).status()).isEqualTo(422);
        assertThat(ok(get(AUDITS + "/" + id, q), 200).get("answered").asLong()).isZero();

        // photos: one is not enough, two are
        ok(upload(AUDITS + "/" + id + "/answers/" + photo + "/photos", "quality",
                new Multipart().file("file", "入口1.png", "image/png", png())), 201);
        assertThat(put(AUDITS + "/" + id + "/answers/" + photo, q, j("{}")).status()).isEqualTo(422);
        JsonNode p2 = ok(upload(AUDITS + "/" + id + "/answers/" + photo + "/photos", "quality",
                new Multipart().file("file", "入口2.png", "image/png", png())), 201);
        ok(put(AUDITS + "/" + id + "/answers/" + photo, q, j("{}")), 200);
        assertThat(get(AUDITS + "/" + id + "/files/" + p2.get("id").asLong() + "/thumbnail", q).status()).isEqualTo(200);
        // an iPhone's HEIC photo is taken too (no thumbnail: the page shows a placeholder)
        JsonNode heic = ok(upload(AUDITS + "/" + id + "/answers/" + photo + "/photos", "quality",
                new Multipart().file("file", "IMG_0001.HEIC", "image/heic", heic())), 201);
        assertThat(heic.get("contentType").asString()).isEqualTo("image/heic");
        com.careloop.support.PageSession conduct = new com.careloop.support.PageSession(port);
        conduct.login("quality", DEMO_PASSWORD);
        assertThat(conduct.get("/audits/" + id).body()).contains("heic-placeholder");

        // a high score, but the red line fails
        ok(put(AUDITS + "/" + id + "/answers/" + score, q, j("{'answer':'5'}")), 200);
        ok(put(AUDITS + "/" + id + "/answers/" + number, q, j("{'answer':'8'}")), 200);
        assertThat(post(AUDITS + "/" + id + "/finish", q, null).status()).isEqualTo(409); // one unanswered
        JsonNode ans = ok(put(AUDITS + "/" + id + "/answers/" + redLine, q, j("{'answer':'NO','note':'发现16岁员工'}")), 200);
        assertThat(ans.get("failed").asBoolean()).isTrue();
        a = ok(post(AUDITS + "/" + id + "/finish", q, null), 200);
        assertThat(a.get("score").decimalValue()).isEqualByComparingTo("90.91");
        assertThat(a.get("redLineFailed").asBoolean()).isTrue();
        assertThat(a.get("result").asString()).isEqualTo("FAIL");
        assertThat(a.get("status").asString()).isEqualTo("FINDINGS_OPEN");
        assertThat(a.get("findings").size()).isEqualTo(1);
        JsonNode f1 = a.get("findings").get(0);
        assertThat(f1.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(f1.get("departmentName").asString()).contains("品管部");

        // the customer's own finding with the customer's reply deadline; a file in the C folder
        assertThat(post(AUDITS + "/" + id + "/findings", q, j("{'description':'x','replyDueOn':'2020-01-01'}")).body())
                .contains("replyDueOn");
        JsonNode f2 = ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'MSDS未张贴','severity':'MINOR',"
                + "'replyDueOn':'" + LocalDate.parse(today()).plusDays(10) + "'}")), 201);
        assertThat(f2.get("replyState").asString()).isEqualTo("NONE");
        assertThat(f2.get("replyDueOn").asString()).isEqualTo(LocalDate.parse(today()).plusDays(10).toString());
        // the reminders: none before 80 %, the 80 % one once, then the one on the day
        long f2id = f2.get("id").asLong();
        jobs.remindReplies(LocalDate.parse(today()).plusDays(7));
        assertThat(reminded(f2id)).containsExactly(false, false);
        jobs.remindReplies(LocalDate.parse(today()).plusDays(8));
        assertThat(reminded(f2id)).containsExactly(true, false);
        long notices = notices(userId("quality"), f2.get("code").asString());
        jobs.remindReplies(LocalDate.parse(today()).plusDays(9));
        assertThat(notices(userId("quality"), f2.get("code").asString())).isEqualTo(notices);
        jobs.remindReplies(LocalDate.parse(today()).plusDays(10));
        assertThat(reminded(f2id)).containsExactly(true, true);
        assertThat(notices(userId("quality"), f2.get("code").asString())).isEqualTo(notices + 1);
        JsonNode replied = ok(post(AUDITS + "/findings/" + f2id + "/reply", q, j("{}")), 200);
        assertThat(replied.get("replyState").asString()).isEqualTo("REPLIED");
        assertThat(post(AUDITS + "/findings/" + f2id + "/reply", q, j("{}")).status()).isEqualTo(409);
        ok(upload(AUDITS + "/" + id + "/folders/C_FINDINGS", "quality",
                new Multipart().file("file", "客户问题点.txt", "text/plain", "MSDS".getBytes())), 201);
        assertThat(ok(get(AUDITS + "/" + id, q), 200).get("files").get(0).get("slot").asString()).isEqualTo("C_FINDINGS");

        // closing with open findings is refused
        assertThat(post(AUDITS + "/" + id + "/close", q, null).status()).isEqualTo(409);

        // one finding opens a CAPA (linked both ways), the other is corrected
        JsonNode withCapa = ok(post(AUDITS + "/findings/" + f1.get("id").asLong() + "/capa", q, null), 200);
        assertThat(withCapa.get("status").asString()).isEqualTo("CAPA");
        long capaId = withCapa.get("capaId").asLong();
        JsonNode capa = ok(get("/api/v1/capa/" + capaId, q), 200);
        assertThat(capa.get("sources").get(0).get("sourceType").asString()).isEqualTo("AUDIT");
        assertThat(capa.get("sources").get(0).get("sourceCode").asString()).isEqualTo(f1.get("code").asString());
        JsonNode corrected = ok(post(AUDITS + "/findings/" + f2.get("id").asLong() + "/correction", q,
                j("{'correction':'已张贴MSDS'}")), 200);
        assertThat(corrected.get("status").asString()).isEqualTo("CLOSED");
        assertThat(post(AUDITS + "/" + id + "/close", q, null).status()).isEqualTo(409); // the CAPA is still open

        // the CAPA is worked and closed: its finding closes with it, then the audit closes
        closeCapa(capaId);
        String status = null;
        for (int i = 0; i < 50 && !"CLOSED".equals(status); i++) {
            Thread.sleep(100);
            status = ok(get(AUDITS + "/findings/" + f1.get("id").asLong(), q), 200).get("status").asString();
        }
        assertThat(status).isEqualTo("CLOSED");
        a = ok(post(AUDITS + "/" + id + "/close", q, null), 200);
        assertThat(a.get("status").asString()).isEqualTo("CLOSED");

        // the findings list finds them, the report prints
        JsonNode list = ok(get(AUDITS + "/findings?auditId=" + id + "&limit=1", q), 200);
        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(list.get("nextCursor").isNull()).isFalse();
        // a keyword finds a finding by its description (two Chinese characters too), its code, or its audit's title
        String enc = java.net.URLEncoder.encode("MSDS未张贴", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ok(get(AUDITS + "/findings?q=" + enc, q), 200).get("items").findValuesAsString("code"))
                .contains(f2.get("code").asString());
        assertThat(ok(get(AUDITS + "/findings?q=" + java.net.URLEncoder.encode("张贴", java.nio.charset.StandardCharsets.UTF_8),
                q), 200).get("items").findValuesAsString("code")).contains(f2.get("code").asString());
        assertThat(ok(get(AUDITS + "/findings?q=" + f1.get("code").asString().toLowerCase(), q), 200).get("items")
                .findValuesAsString("code")).containsExactly(f1.get("code").asString());
        assertThat(ok(get(AUDITS + "/findings?auditId=" + id + "&q=" + java.net.URLEncoder.encode(a.get("counterpart")
                .asString(), java.nio.charset.StandardCharsets.UTF_8), q), 200).get("items").size()).isEqualTo(2);
        assertThat(get(AUDITS + "/findings?q=" + "x".repeat(201), q).status()).isEqualTo(422);
        Response pdf = call("GET", AUDITS + "/" + id + "/report.pdf", q, null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).contains("pdf");
    }

    @Test
    void answeringOnARetiredTemplateRevisionIsRefused() {
        String q = tokenFor("quality");
        String code = "R-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = template(code);
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        JsonNode a = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'2026-12-09','counterpart':'供应商"
                + code + "'}")), 201);
        JsonNode next = ok(post(TEMPLATES + "/" + templateId + "/revisions", q, null), 201);
        assertThat(next.get("revision").asInt()).isEqualTo(2);
        assertThat(next.get("status").asString()).isEqualTo("DRAFT");
        ok(post(TEMPLATES + "/" + templateId + "/retire", q, null), 200);
        Response r = put(AUDITS + "/" + a.get("id").asLong() + "/answers/" + item(a, 1), q, j("{'answer':'3'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(ok(get(AUDITS + "/" + a.get("id").asLong(), q), 200).get("templateRevision").asInt()).isEqualTo(1);
    }

    @Test
    void aPreContractVisitWithEmsAsksThirteenPhotosAndIsDecidedByTheManagerAfterTheRecommendation() {
        String q = tokenFor("quality");
        long templateId = ok(get(TEMPLATES + "?kind=PRE_CONTRACT&status=PUBLISHED", q), 200).get(0).get("id").asLong();
        JsonNode qms = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'2026-12-10','counterpart':'QMS客户"
                + UUID.randomUUID() + "','schemes':['QMS']}")), 201);
        assertThat(qms.get("sections").get(0).get("questions").size()).isEqualTo(8);
        JsonNode ems = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'2026-12-10','counterpart':'EMS客户"
                + UUID.randomUUID() + "','schemes':['EMS']}")), 201);
        assertThat(ems.get("sections").get(0).get("questions").size()).isEqualTo(13);
        long id = qms.get("id").asLong();
        // deciding before the visit is conducted and assessed is refused
        assertThat(post(AUDITS + "/" + id + "/decision", q, j("{'decision':'ACCEPT'}")).status()).isEqualTo(409);
        // a team member without manage may not decide
        assertThat(post(AUDITS + "/" + id + "/decision", tokenFor("staff"), j("{'decision':'ACCEPT'}")).status())
                .isEqualTo(403);
    }

    @Test
    void theAuditPageShowsADemoAuditOneSectionAtATimeWithItsPdcaFolders() {
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        JsonNode rows = ok(get(AUDITS + "?kind=CSR&limit=200", tokenFor("quality")), 200).get("items");
        assertThat(rows.size()).isPositive();
        long id = rows.get(rows.size() - 1).get("id").asLong();
        var list = session.get("/audits");
        assertThat(list.status()).isEqualTo(200);
        var page = session.get("/audits/" + id + "?section=1");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"pdca\"", "folder-P_PREP", "CSR红线");
    }

    boolean[] reminded(long findingId) {
        return jdbc.sql("select reminded_early_at, reminded_due_at from audit_finding where id = :id").param("id", findingId)
                .query((rs, n) -> new boolean[] {rs.getObject(1) != null, rs.getObject(2) != null}).single();
    }

    long notices(long userId, String findingCode) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and title like :c")
                .param("u", userId).param("c", "%" + findingCode + "%").query(Long.class).single();
    }

    /** A CSR template whose items belong to SALES (two) and QA (one, a red line). */
    long readinessTemplate(String code) {
        long id = ok(post(TEMPLATES, tokenFor("quality"), j("{'code':'" + code + "','kind':'FACTORY','title':'验厂前检查测试',"
                + "'sections':[{'titleZhCn':'人事','items':["
                + "{'textZhCn':'劳动合同齐全','kind':'YES_NO','departmentCode':'SALES','evidence':'劳动合同'},"
                + "{'textZhCn':'考勤记录一致','kind':'YES_NO','departmentCode':'SALES'},"
                + "{'textZhCn':'无童工','kind':'YES_NO','redLine':true,'departmentCode':'QA'},"
                + "{'textZhCn':'员工人数','kind':'NUMBER','minValue':0,'maxValue':1000}]}]}")), 201).get("id").asLong();
        ok(post(TEMPLATES + "/" + id + "/publish", tokenFor("quality"), null), 200);
        return id;
    }

    @Test
    void aPlannedFactoryAuditGetsAReadinessTaskPerDepartmentGapsBecomeFindingsAndBlockTheStartUntilClosed() {
        String q = tokenFor("quality");
        String code = "M2-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = readinessTemplate(code);
        LocalDate auditDate = LocalDate.parse(today()).plusDays(21);
        JsonNode a = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + auditDate
                + "','counterpart':'品牌商" + code + "'}")), 201);
        long id = a.get("id").asLong();
        JsonNode board = ok(get(AUDITS + "/readiness?auditId=" + id, q), 200);
        assertThat(board.size()).isEqualTo(2);
        JsonNode sales = null;
        JsonNode qa = null;
        for (JsonNode t : board) {
            assertThat(LocalDate.parse(t.get("checkOn").asString())).isBetween(auditDate.minusDays(11), auditDate.minusDays(5));
            assertThat(t.get("status").asString()).isEqualTo("OPEN");
            assertThat(t.get("colour").asString()).isEqualTo("AMBER");
            if (t.get("departmentName").asString().contains("业务部")) {
                sales = t;
            } else {
                qa = t;
            }
        }
        assertThat(sales.get("items").asInt()).isEqualTo(2);
        assertThat(qa.get("items").asInt()).isEqualTo(1);
        long salesTask = sales.get("id").asLong();
        long qaTask = qa.get("id").asLong();
        // the board holds only the reader's reach: the sales user sees the sales task, on this audit and among all
        // planned ones, and not the quality department's (404 when asked for it directly)
        JsonNode salesBoard = ok(get(AUDITS + "/readiness?auditId=" + id, tokenFor("sales")), 200);
        assertThat(salesBoard).hasSize(1);
        assertThat(salesBoard.get(0).get("id").asLong()).isEqualTo(salesTask);
        java.util.List<Long> allPlanned = new java.util.ArrayList<>();
        ok(get(AUDITS + "/readiness", tokenFor("sales")), 200).forEach(t -> allPlanned.add(t.get("id").asLong()));
        assertThat(allPlanned).contains(salesTask).doesNotContain(qaTask);
        java.util.List<Long> managers = new java.util.ArrayList<>();
        ok(get(AUDITS + "/readiness", q), 200).forEach(t -> managers.add(t.get("id").asLong()));
        assertThat(managers).contains(salesTask, qaTask);
        assertThat(get(AUDITS + "/readiness/" + qaTask, tokenFor("sales")).status()).isEqualTo(404);

        // the department is reminded once, two days before its check date
        LocalDate checkOn = LocalDate.parse(sales.get("checkOn").asString());
        String auditCode = a.get("code").asString();
        long before = notices(userId("sales"), auditCode);
        jobs.remindReadiness(checkOn.minusDays(3));
        assertThat(notices(userId("sales"), auditCode)).isEqualTo(before);
        assertThat(jobs.remindReadiness(checkOn.minusDays(2))).isGreaterThanOrEqualTo(1);
        assertThat(notices(userId("sales"), auditCode)).isEqualTo(before + 1);
        jobs.remindReadiness(checkOn);
        assertThat(notices(userId("sales"), auditCode)).isEqualTo(before + 1);

        // the audit cannot start before the readiness check
        Response start = post(AUDITS + "/" + id + "/start", q, null);
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.body()).contains("audit.readiness-open");

        // the sales department sees its task and marks its items; another department's user does not
        JsonNode detail = ok(get(AUDITS + "/readiness/" + salesTask, tokenFor("sales")), 200);
        assertThat(detail.get("canMark").asBoolean()).isTrue();
        assertThat(detail.get("canCheck").asBoolean()).isFalse();
        long item1 = detail.get("items").get(0).get("item").get("id").asLong();
        long item2 = detail.get("items").get(1).get("item").get("id").asLong();
        assertThat(put(AUDITS + "/readiness/" + salesTask + "/items/" + item1, tokenFor("staff"), j("{'state':'READY'}"))
                .status()).isIn(403, 404);
        Response noNote = put(AUDITS + "/readiness/" + salesTask + "/items/" + item2, tokenFor("sales"), j("{'state':'GAP'}"));
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.body()).contains("note");
        ok(put(AUDITS + "/readiness/" + salesTask + "/items/" + item1, tokenFor("sales"), j("{'state':'READY'}")), 200);
        ok(upload(AUDITS + "/readiness/" + salesTask + "/items/" + item1 + "/evidence", "sales",
                new Multipart().file("file", "劳动合同清单.txt", "text/plain", "合同".getBytes())), 201);
        // checking before every item is marked is refused
        assertThat(post(AUDITS + "/readiness/" + salesTask + "/check", q, null).status()).isEqualTo(409);
        JsonNode marked = ok(put(AUDITS + "/readiness/" + salesTask + "/items/" + item2, tokenFor("sales"),
                j("{'state':'GAP','note':'三月考勤缺签字'}")), 200);
        assertThat(marked.get("items").get(0).get("evidence").size()).isEqualTo(1);
        // only the internal auditor checks; a gap deadline on the audit day is refused
        assertThat(post(AUDITS + "/readiness/" + salesTask + "/check", tokenFor("sales"), null).status()).isEqualTo(403);
        Response late = post(AUDITS + "/readiness/" + salesTask + "/check", q, j("{'dueOn':'" + auditDate + "'}"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("dueOn");
        JsonNode checked = ok(post(AUDITS + "/readiness/" + salesTask + "/check", q, null), 200);
        assertThat(checked.get("task").get("status").asString()).isEqualTo("CHECKED");
        assertThat(checked.get("task").get("colour").asString()).isEqualTo("AMBER");
        long gapFinding = checked.get("items").get(1).get("findingId").asLong();
        JsonNode finding = ok(get(AUDITS + "/findings/" + gapFinding, q), 200);
        assertThat(finding.get("origin").asString()).isEqualTo("INTERNAL");
        assertThat(LocalDate.parse(finding.get("dueOn").asString())).isBefore(auditDate);
        assertThat(finding.get("description").asString()).contains("三月考勤缺签字");

        // QA: all ready -> green
        JsonNode qaDetail = ok(get(AUDITS + "/readiness/" + qaTask, q), 200);
        ok(put(AUDITS + "/readiness/" + qaTask + "/items/" + qaDetail.get("items").get(0).get("item").get("id").asLong(), q,
                j("{'state':'READY'}")), 200);
        assertThat(ok(post(AUDITS + "/readiness/" + qaTask + "/check", q, null), 200).get("task").get("colour").asString())
                .isEqualTo("GREEN");
        // the gap is still open: no start
        assertThat(post(AUDITS + "/" + id + "/start", q, null).status()).isEqualTo(409);
        ok(post(AUDITS + "/findings/" + gapFinding + "/correction", tokenFor("sales"), j("{'correction':'已补签'}")), 200);
        board = ok(get(AUDITS + "/readiness?auditId=" + id, q), 200);
        for (JsonNode t : board) {
            assertThat(t.get("colour").asString()).isEqualTo("GREEN");
        }
        assertThat(ok(post(AUDITS + "/" + id + "/start", q, null), 200).get("status").asString()).isEqualTo("IN_PROGRESS");
        // the board page and the task page show it
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        var page = session.get("/audits/readiness/" + salesTask);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("三月考勤缺签字", "劳动合同清单.txt");
        var audit = session.get("/audits/" + id);
        assertThat(audit.body()).contains("id=\"readiness\"", "colour-GREEN");
    }

    @Test
    void itemOwnersAreShownOnSiteAndOnTheReadinessTaskAndTheReadinessReminderGoesToThemInsteadOfTheDepartment() {
        String q = tokenFor("quality");
        String code = "A1-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = readinessTemplate(code);
        LocalDate auditDate = LocalDate.parse(today()).plusDays(21);
        JsonNode a = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + auditDate
                + "','counterpart':'品牌商" + code + "'}")), 201);
        long id = a.get("id").asLong();
        String owners = AUDITS + "/" + id + "/owners";
        assertThat(put(owners, q, j("{'userId':" + userId("staff") + "}")).body()).contains("itemId");
        assertThat(put(owners, q, j("{'sectionNo':9,'userId':" + userId("staff") + "}")).body()).contains("sectionNo");
        assertThat(put(owners, tokenFor("sales"), j("{'sectionNo':1,'userId':" + userId("sales") + "}")).status())
                .isIn(403, 404);
        // the whole section to one person, then one item to another
        assertThat(ok(put(owners, q, j("{'sectionNo':1,'userId':" + userId("sales") + "}")), 200).size()).isEqualTo(4);
        long contracts = item(a, 0);
        ok(put(owners, q, j("{'itemId':" + contracts + ",'userId':" + userId("staff") + "}")), 200);
        long headcount = item(a, 3);
        ok(put(owners, q, j("{'itemId':" + headcount + ",'userId':null}")), 200);
        JsonNode list = ok(get(owners, q), 200);
        assertThat(list.size()).isEqualTo(3);
        String staffName = jdbc.sql("select display_name from app_user where username = 'staff'").query(String.class).single();
        JsonNode detail = ok(get(AUDITS + "/" + id, q), 200);
        assertThat(detail.get("sections").get(0).get("questions").get(0).get("ownerName").asString()).isEqualTo(staffName);
        assertThat(detail.get("sections").get(0).get("questions").get(3).get("ownerName").isNull()).isTrue();

        JsonNode board = ok(get(AUDITS + "/readiness?auditId=" + id, q), 200);
        long salesTask = 0;
        LocalDate checkOn = null;
        for (JsonNode t : board) {
            if (t.get("departmentName").asString().contains("业务部")) {
                salesTask = t.get("id").asLong();
                checkOn = LocalDate.parse(t.get("checkOn").asString());
            }
        }
        JsonNode task = ok(get(AUDITS + "/readiness/" + salesTask, q), 200);
        assertThat(task.get("items").findValuesAsString("ownerName")).contains(staffName);
        // the reminder reaches the owners: staff (outside the department) for the SALES task, sales for the QA task;
        // the QA department, whose only item has an owner, is not told
        String auditCode = a.get("code").asString();
        long staff = notices(userId("staff"), auditCode);
        long sales = notices(userId("sales"), auditCode);
        long quality = notices(userId("quality"), auditCode);
        jobs.remindReadiness(checkOn.minusDays(2));
        assertThat(notices(userId("staff"), auditCode)).isEqualTo(staff + 1);
        assertThat(notices(userId("sales"), auditCode)).isEqualTo(sales + 2);
        assertThat(notices(userId("quality"), auditCode)).isEqualTo(quality);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'inspection-audit' and record_id = :id"
                + " and action = 'OWNER'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aManagersOverrideLetsTheAuditStartWithTheReadinessCheckOpenAndOnlyAManagerMayRecordIt() {
        String q = tokenFor("quality");
        String code = "OV-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = readinessTemplate(code);
        long id = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'"
                + LocalDate.parse(today()).plusDays(3) + "','counterpart':'品牌商" + code + "','memberIds':["
                + userId("sales") + "]}")), 201).get("id").asLong();
        JsonNode board = ok(get("/api/v1/audits/readiness?auditId=" + id, tokenFor("sales")), 200);
        assertThat(board.size()).isEqualTo(2);
        assertThat(post(AUDITS + "/" + id + "/readiness-override", tokenFor("sales"), j("{'note':'x'}")).status())
                .isEqualTo(403);
        assertThat(post(AUDITS + "/" + id + "/readiness-override", q, j("{'note':' '}")).body()).contains("note");
        assertThat(post(AUDITS + "/" + id + "/start", tokenFor("sales"), null).status()).isEqualTo(409);
        ok(post(AUDITS + "/" + id + "/readiness-override", q, j("{'note':'客户临时改期'}")), 200);
        assertThat(ok(post(AUDITS + "/" + id + "/start", tokenFor("sales"), null), 200).get("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void aScheduleGeneratesItsAuditsAheadOncePerDateEvenWhenTwoNodesRunAtOnce() throws Exception {
        String q = tokenFor("quality");
        String counterpart = "月度神秘顾客" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse(today());
        assertThat(post(AUDITS + "/schedules", q, j("{'templateCode':'MYSTERY-GATE','counterpart':'x','everyN':0,"
                + "'unit':'WEEKS','nextDate':'" + today.plusDays(1) + "'}")).body()).contains("everyN");
        assertThat(post(AUDITS + "/schedules", q, j("{'templateCode':'NO-SUCH','counterpart':'x','everyN':1,"
                + "'unit':'WEEKS','nextDate':'" + today.plusDays(1) + "'}")).body()).contains("templateCode");
        assertThat(post(AUDITS + "/schedules", tokenFor("sales"), j("{}")).status()).isEqualTo(403);
        JsonNode s = ok(post(AUDITS + "/schedules", q, j("{'templateCode':'MYSTERY-GATE','counterpart':'" + counterpart
                + "','everyN':1,'unit':'WEEKS','nextDate':'" + today.plusDays(1) + "','aheadDays':30}")), 201);
        // two nodes at once, then once more: one audit per date
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var one = pool.submit(() -> schedules.generate(today));
        var two = pool.submit(() -> schedules.generate(today));
        one.get();
        two.get();
        pool.shutdown();
        schedules.generate(today);
        java.util.List<LocalDate> dates = jdbc.sql("select audit_date from audit where schedule_id = :s order by audit_date")
                .param("s", s.get("id").asLong()).query(LocalDate.class).list();
        assertThat(dates).containsExactly(today.plusDays(1), today.plusDays(8), today.plusDays(15), today.plusDays(22),
                today.plusDays(29));
        JsonNode after = ok(get(AUDITS + "/schedules", q), 200);
        for (JsonNode x : after) {
            if (x.get("id").asLong() == s.get("id").asLong()) {
                assertThat(x.get("nextDate").asString()).isEqualTo(today.plusDays(36).toString());
            }
        }
        // a week later the next one is added
        schedules.generate(today.plusDays(7));
        assertThat(jdbc.sql("select count(*) from audit where schedule_id = :s").param("s", s.get("id").asLong())
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aScheduleIsEditedInPlaceWithItsVersionAndTheEditIsAudited() throws Exception {
        String q = tokenFor("quality");
        LocalDate today = LocalDate.parse(today());
        String counterpart = "季度供应商" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode s = ok(post(AUDITS + "/schedules", q, j("{'templateCode':'MYSTERY-GATE','counterpart':'" + counterpart
                + "','everyN':1,'unit':'WEEKS','nextDate':'" + today.plusDays(40) + "','aheadDays':5}")), 201);
        String path = AUDITS + "/schedules/" + s.get("id").asLong();
        long version = s.get("version").asLong();
        String edit = "{'templateCode':'SUPPLIER-6S','counterpart':'" + counterpart + "-改','everyN':3,'unit':'MONTHS',"
                + "'nextDate':'" + today.plusDays(50) + "','aheadDays':10,'version':";
        // no version: 422; bad period: 422 naming the field; not a manager: 403
        assertThat(put(path, q, j(edit + "null}")).body()).contains("version");
        assertThat(put(path, q, j(edit.replace("'everyN':3", "'everyN':0") + version + "}")).body()).contains("everyN");
        assertThat(put(path, tokenFor("sales"), j(edit + version + "}")).status()).isEqualTo(403);
        JsonNode e = ok(put(path, q, j(edit + version + "}")), 200);
        assertThat(e.get("templateCode").asString()).isEqualTo("SUPPLIER-6S");
        assertThat(e.get("counterpart").asString()).isEqualTo(counterpart + "-改");
        assertThat(e.get("everyN").asInt()).isEqualTo(3);
        assertThat(e.get("unit").asString()).isEqualTo("MONTHS");
        assertThat(e.get("nextDate").asString()).isEqualTo(today.plusDays(50).toString());
        assertThat(e.get("version").asLong()).isEqualTo(version + 1);
        // a second editor with the old version: 409, nothing written over
        assertThat(put(path, q, j(edit.replace("-改", "-旧") + version + "}")).status()).isEqualTo(409);
        assertThat(ok(get(path, q), 200).get("counterpart").asString()).isEqualTo(counterpart + "-改");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'audit-schedule' and record_id = :id"
                + " and action = 'UPDATE'").param("id", String.valueOf(s.get("id").asLong())).query(Long.class).single())
                .isEqualTo(1);
        // a stopped schedule is not edited
        JsonNode stopped = ok(post(path + "/stop", q, null), 200);
        assertThat(put(path, q, j(edit + stopped.get("version").asLong() + "}")).status()).isEqualTo(409);
    }

    @Test
    void aTemplatesDeliverablesAreCopiedToItsAuditsAndTheAuditClosesOnlyOnceEveryRequiredOneHasItsFile() {
        String q = tokenFor("quality");
        String code = "D-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = oneItemDraft(code, "SUPPLIER", "交付资料测试", "基本", "资料齐全");
        assertThat(put(TEMPLATES + "/" + templateId + "/deliverables", q, j("{'names':['" + "x".repeat(201) + "']}"))
                .body()).contains("names[0]");
        assertThat(ok(put(TEMPLATES + "/" + templateId + "/deliverables", q,
                j("{'names':['Facility Profile',' CFSI_CMRT ','','Facility Profile']}")), 200).toString())
                .isEqualTo("[\"Facility Profile\",\"CFSI_CMRT\"]");
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        // published: the list is kept, no longer changed
        assertThat(put(TEMPLATES + "/" + templateId + "/deliverables", q, j("{'names':['x']}")).status()).isEqualTo(409);
        JsonNode a = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + today()
                + "','counterpart':'交付资料供应商" + code + "'}")), 201);
        long id = a.get("id").asLong();
        JsonNode list = ok(get(AUDITS + "/" + id + "/deliverables", q), 200);
        assertThat(list.findValuesAsString("name")).containsExactly("Facility Profile", "CFSI_CMRT");
        long profile = list.get(0).get("id").asLong();
        long cmrt = list.get(1).get("id").asLong();
        // a deliverable added by hand: optional, owned by a person, due in a week; a second one of the same name: 422
        JsonNode extra = ok(post(AUDITS + "/" + id + "/deliverables", q, j("{'name':'申请书附件：营业执照','required':false,"
                + "'ownerUserId':" + userId("sales") + ",'dueOn':'" + LocalDate.parse(today()).plusDays(7) + "'}")), 201);
        assertThat(extra.get("ownerName").asString()).isNotBlank();
        assertThat(extra.get("required").asBoolean()).isFalse();
        assertThat(post(AUDITS + "/" + id + "/deliverables", q, j("{'name':'CFSI_CMRT'}")).body()).contains("name");
        assertThat(post(AUDITS + "/" + id + "/deliverables", tokenFor("sales"), j("{'name':'x'}")).status())
                .isIn(403, 404);
        // no file yet: cannot be marked as uploaded to the portal
        assertThat(post(AUDITS + "/" + id + "/deliverables/" + cmrt + "/portal", q, j("{}")).status()).isEqualTo(409);

        ok(post(AUDITS + "/" + id + "/start", q, null), 200);
        ok(put(AUDITS + "/" + id + "/answers/" + item(a, 0), q, j("{'answer':'YES'}")), 200);
        ok(post(AUDITS + "/" + id + "/finish", q, null), 200);
        Response refused = post(AUDITS + "/" + id + "/close", q, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Facility Profile").contains("CFSI_CMRT").doesNotContain("营业执照");

        ok(upload(AUDITS + "/" + id + "/deliverables/" + profile + "/file", "quality",
                new Multipart().file("file", "facility-profile.txt", "text/plain", "profile".getBytes())), 200);
        JsonNode withFile = ok(upload(AUDITS + "/" + id + "/deliverables/" + cmrt + "/file", "quality",
                new Multipart().file("file", "CFSI_CMRT.txt", "text/plain", "cmrt".getBytes())), 200);
        assertThat(withFile.get("file").get("fileName").asString()).isEqualTo("CFSI_CMRT.txt");
        assertThat(post(AUDITS + "/" + id + "/deliverables/" + cmrt + "/portal", q,
                j("{'uploadedOn':'" + LocalDate.parse(today()).plusDays(1) + "'}")).body()).contains("uploadedOn");
        assertThat(post(AUDITS + "/" + id + "/deliverables/" + cmrt + "/portal", q,
                j("{'version':" + (withFile.get("version").asLong() - 1) + "}")).status()).isEqualTo(409);
        JsonNode marked = ok(post(AUDITS + "/" + id + "/deliverables/" + cmrt + "/portal", q,
                j("{'version':" + withFile.get("version").asLong() + "}")), 200);
        assertThat(marked.get("portalUploadedOn").asString()).isEqualTo(today());
        assertThat(ok(post(AUDITS + "/" + id + "/close", q, null), 200).get("status").asString()).isEqualTo("CLOSED");
        assertThat(post(AUDITS + "/" + id + "/deliverables", q, j("{'name':'迟到的资料'}")).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'inspection-audit' and record_id = :id"
                + " and action like 'DELIVERABLE_%'").param("id", String.valueOf(id)).query(Long.class).single())
                .isEqualTo(4);
    }

    /** The work inbox line "deliverables I owe" of a person, read from the home dashboard: {count, urgent}. */
    long[] owed(String user) {
        for (JsonNode w : ok(get("/api/v1/dashboards/me", tokenFor(user)), 200).get("work")) {
            if ("inspection.deliverables-mine".equals(w.get("code").asString())) {
                return new long[] {w.get("count").asLong(), w.get("urgent").asBoolean() ? 1 : 0};
            }
        }
        return new long[] {0, 0};
    }

    @Test
    void aDeliverableIsInItsOwnersWorkInboxUntilItsFileIsUploadedOrTheAuditCloses() {
        String q = tokenFor("quality");
        String code = "W-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = oneItemDraft(code, "SUPPLIER", "待交资料收件箱", "基本", "资料齐全");
        ok(put(TEMPLATES + "/" + templateId + "/deliverables", q, j("{'names':['Facility Profile']}")), 200);
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        long[] salesBefore = owed("sales");
        long[] leadBefore = owed("quality");
        JsonNode a = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + today()
                + "','counterpart':'待交资料供应商" + code + "'}")), 201);
        long id = a.get("id").asLong();
        // the template's deliverable has no owner: it is the lead's
        assertThat(owed("quality")[0]).isEqualTo(leadBefore[0] + 1);
        // one owned by a salesperson (not on the audit team), due yesterday: in their inbox and urgent
        long cmrt = ok(post(AUDITS + "/" + id + "/deliverables", q, j("{'name':'CFSI_CMRT','ownerUserId':"
                + userId("sales") + ",'dueOn':'" + LocalDate.parse(today()).minusDays(1) + "'}")), 201).get("id").asLong();
        long[] sales = owed("sales");
        assertThat(sales[0]).isEqualTo(salesBefore[0] + 1);
        assertThat(sales[1]).isEqualTo(1);
        JsonNode mine = ok(get(AUDITS + "/deliverables/mine", tokenFor("sales")), 200);
        assertThat(mine.findValuesAsString("name")).contains("CFSI_CMRT");
        assertThat(mine.findValuesAsString("auditTitle")).contains(a.get("title").asString());
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("sales", DEMO_PASSWORD);
        assertThat(session.get("/audits/deliverables").body()).contains("owed-" + cmrt, "CFSI_CMRT");
        // another person cannot upload it; its owner can, from the inbox, and it leaves the inbox
        assertThat(upload(AUDITS + "/" + id + "/deliverables/" + cmrt + "/file", "depthead",
                new Multipart().file("file", "x.txt", "text/plain", "x".getBytes())).status()).isIn(403, 404);
        ok(upload(AUDITS + "/" + id + "/deliverables/" + cmrt + "/file", "sales",
                new Multipart().file("file", "CFSI_CMRT.txt", "text/plain", "cmrt".getBytes())), 200);
        assertThat(owed("sales")[0]).isEqualTo(salesBefore[0]);
        assertThat(ok(get(AUDITS + "/deliverables/mine", tokenFor("sales")), 200).findValuesAsString("name"))
                .doesNotContain("CFSI_CMRT");
        // the lead's unowned one leaves the inbox once its file is there and the audit is closed
        long profile = 0;
        for (JsonNode d : ok(get(AUDITS + "/" + id + "/deliverables", q), 200)) {
            if ("Facility Profile".equals(d.get("name").asString())) {
                profile = d.get("id").asLong();
            }
        }
        ok(upload(AUDITS + "/" + id + "/deliverables/" + profile + "/file", "quality",
                new Multipart().file("file", "profile.txt", "text/plain", "p".getBytes())), 200);
        assertThat(owed("quality")[0]).isEqualTo(leadBefore[0]);
        // an optional one left without a file leaves the lead's inbox when the audit closes
        ok(post(AUDITS + "/" + id + "/deliverables", q, j("{'name':'营业执照','required':false}")), 201);
        assertThat(owed("quality")[0]).isEqualTo(leadBefore[0] + 1);
        ok(post(AUDITS + "/" + id + "/start", q, null), 200);
        ok(put(AUDITS + "/" + id + "/answers/" + item(a, 0), q, j("{'answer':'YES'}")), 200);
        ok(post(AUDITS + "/" + id + "/finish", q, null), 200);
        ok(post(AUDITS + "/" + id + "/close", q, null), 200);
        assertThat(owed("quality")[0]).isEqualTo(leadBefore[0]);
    }

    @Test
    void aFactoryProfileIsCheckedSavedWithItsVersionPrintedInTheReportAndPreFillsTheCounterpartsNextAudit() {
        String q = tokenFor("quality");
        String code = "FP-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = oneItemDraft(code, "FACTORY", "验厂基本信息", "人事", "劳动合同");
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        String counterpart = "验厂基本信息工厂" + code;
        long first = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + today()
                + "','counterpart':'" + counterpart + "'}")), 201).get("id").asLong();
        String path = AUDITS + "/" + first + "/factory-profile";
        JsonNode empty = ok(get(path, q), 200);
        assertThat(empty.get("saved").asBoolean()).isFalse();
        assertThat(empty.get("profile").get("companyName").asString()).isEqualTo(counterpart);

        String good = "'companyName':'" + counterpart + "','address':'江苏省苏州市工业园区1号','legalRepresentative':'王建国',"
                + "'employeesTotal':120,'employeesMale':70,'employeesFemale':50,'employeesMinor':2,'productionArea':8500.5,"
                + "'products':'食品包装','certifications':'ISO 9001, FSSC 22000','workingHours':'08:00-17:00',"
                + "'shifts':2,'dormitory':true,'canteen':true,'csrThreshold':'不得使用童工；每周工作不超过60小时'";
        // the rules, each a 422 naming its field; nothing is saved
        assertThat(put(path, q, j("{'profile':{'address':'x'}}")).body()).contains("companyName");
        Response sum = put(path, q, j("{'profile':{" + good.replace("'employeesFemale':50", "'employeesFemale':49") + "}}"));
        assertThat(sum.status()).isEqualTo(422);
        assertThat(sum.body()).contains("employeesFemale");
        assertThat(put(path, q, j("{'profile':{" + good.replace("'employeesMinor':2", "'employeesMinor':121") + "}}"))
                .body()).contains("employeesMinor");
        assertThat(put(path, q, j("{'profile':{" + good.replace("'shifts':2", "'shifts':5") + "}}")).body())
                .contains("shifts");
        assertThat(put(path, q, j("{'profile':{" + good.replace("8500.5", "-1") + "}}")).body()).contains("productionArea");
        assertThat(ok(get(path, q), 200).get("saved").asBoolean()).isFalse();
        // someone outside the audit team cannot save it
        assertThat(put(path, tokenFor("sales"), j("{'profile':{" + good + "}}")).status()).isIn(403, 404);

        JsonNode saved = ok(put(path, q, j("{'profile':{" + good + "}}")), 200);
        assertThat(saved.get("saved").asBoolean()).isTrue();
        assertThat(saved.get("profile").get("employeesTotal").asInt()).isEqualTo(120);
        long version = saved.get("version").asLong();
        assertThat(put(path, q, j("{'profile':{" + good + "},'version':" + (version - 1) + "}")).status()).isEqualTo(409);
        ok(put(path, q, j("{'profile':{" + good.replace("'shifts':2", "'shifts':3") + "},'version':" + version + "}")), 200);

        // the A folder names an improvement report by its reply date (default today); never a future date
        JsonNode report = ok(upload(AUDITS + "/" + first + "/folders/A_IMPROVEMENT?repliedOn="
                + LocalDate.parse(today()).minusDays(3), "quality",
                new Multipart().file("file", "改善报告.txt", "text/plain", "report".getBytes())), 201);
        assertThat(report.get("fileName").asString()).isEqualTo(LocalDate.parse(today()).minusDays(3) + " 改善报告.txt");
        assertThat(ok(upload(AUDITS + "/" + first + "/folders/A_IMPROVEMENT", "quality",
                new Multipart().file("file", "第二次回复.txt", "text/plain", "r".getBytes())), 201).get("fileName")
                .asString()).isEqualTo(today() + " 第二次回复.txt");
        assertThat(upload(AUDITS + "/" + first + "/folders/A_IMPROVEMENT?repliedOn=" + LocalDate.parse(today()).plusDays(1),
                "quality", new Multipart().file("file", "x.txt", "text/plain", "x".getBytes())).body()).contains("repliedOn");
        assertThat(ok(upload(AUDITS + "/" + first + "/folders/D_ONSITE", "quality",
                new Multipart().file("file", "首次会议纪要.txt", "text/plain", "m".getBytes())), 201).get("fileName")
                .asString()).isEqualTo("首次会议纪要.txt");

        // printed in the report
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        assertThat(session.get("/audits/" + first + "/report").body())
                .contains("id=\"factory-profile\"", "不得使用童工；每周工作不超过60小时", "王建国");

        // the next audit of the same counterpart is pre-filled from this one, not yet saved
        long next = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'"
                + LocalDate.parse(today()).plusDays(30) + "','counterpart':'" + counterpart + "'}")), 201).get("id").asLong();
        JsonNode pre = ok(get(AUDITS + "/" + next + "/factory-profile", q), 200);
        assertThat(pre.get("saved").asBoolean()).isFalse();
        assertThat(pre.get("prefilledFromAuditId").asLong()).isEqualTo(first);
        assertThat(pre.get("profile").get("shifts").asInt()).isEqualTo(3);
        assertThat(pre.get("profile").get("csrThreshold").asString()).isEqualTo("不得使用童工；每周工作不超过60小时");
        assertThat(session.get("/audits/" + next + "/factory-profile").body()).contains("profile-prefilled", "王建国");
    }

    @Test
    void anAuditAndATemplateLinkToTheirPlaceInTheDocumentSystemAndABadAddressIsRefusedNamingTheField() {
        String q = tokenFor("quality");
        long templateId = ok(get(TEMPLATES + "?kind=CSR&status=PUBLISHED", q), 200).get(0).get("id").asLong();
        String link = "https://pdmc.example.com/docs/CSR/Apple-" + UUID.randomUUID().toString().substring(0, 8) + ".xlsx";
        JsonNode t = ok(put(TEMPLATES + "/" + templateId + "/document-ref", q, j("{'documentRef':'" + link + "'}")), 200);
        assertThat(t.get("link").asString()).isEqualTo(link);
        Response bad = put(TEMPLATES + "/" + templateId + "/document-ref", q, j("{'documentRef':'javascript:alert(1)'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("documentRef");
        // no base URL is configured here: a bare path cannot make a link
        assertThat(put(TEMPLATES + "/" + templateId + "/document-ref", q, j("{'documentRef':'CSR/x.xlsx'}")).body())
                .contains("documentRef");
        assertThat(put(TEMPLATES + "/" + templateId + "/document-ref", tokenFor("sales"), j("{'documentRef':'" + link
                + "'}")).status()).isEqualTo(403);
        assertThat(ok(get(TEMPLATES + "/" + templateId + "/document-ref", q), 200).get("documentRef").asString())
                .isEqualTo(link);

        long id = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + LocalDate.parse(today())
                .plusDays(60) + "','counterpart':'文件系统客户" + UUID.randomUUID().toString().substring(0, 8) + "'}")), 201)
                .get("id").asLong();
        String folder = "https://pdmc.example.com/docs/audits/" + id;
        assertThat(put(AUDITS + "/" + id + "/document-ref", q, j("{'documentRef':'ftp://pdmc/" + id + "'}")).body())
                .contains("documentRef");
        assertThat(ok(put(AUDITS + "/" + id + "/document-ref", q, j("{'documentRef':'" + folder + "'}")), 200)
                .get("link").asString()).isEqualTo(folder);
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        assertThat(session.get("/audits/" + id).body()).contains("href=\"" + folder + "\"");
        assertThat(session.get("/checklist-templates/" + templateId).body()).contains("href=\"" + link + "\"");
        // cleared with a blank reference
        assertThat(ok(put(AUDITS + "/" + id + "/document-ref", q, j("{'documentRef':''}")), 200).get("link").isNull())
                .isTrue();
    }

    @Test
    void statisticsCountAuditsByKindAndResultFindingsBySectionAndDepartmentRedLinesAndExportToExcel() {
        String q = tokenFor("quality");
        LocalDate today = LocalDate.parse(today());
        String period = "?from=" + today.minusDays(30) + "&to=" + today.plusDays(30);
        JsonNode s = ok(get(AUDITS + "/statistics" + period, q), 200);
        // the demo CSR audit three days ago failed the fire-exit red line
        assertThat(s.get("byKindAndResult").toString()).contains("CSR/FAIL");
        assertThat(s.get("redLineFailures").toString()).contains("消防通道与安全出口畅通");
        assertThat(s.get("findingsBySection").toString()).contains("CSR红线");
        assertThat(s.get("findingsByDepartment").size()).isPositive();
        assertThat(s.get("scoreTrend").toString()).contains("江苏恒顺食品有限公司");
        assertThat(s.get("findingsOpen").asLong()).isPositive();
        Response bad = get(AUDITS + "/statistics?from=" + today + "&to=" + today.minusDays(1), q);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"to\"");
        assertThat(s.get("companyWide").asBoolean()).isTrue();
        Response xlsx = call("GET", AUDITS + "/statistics/export" + period, q, null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        var page = session.get("/audits/statistics" + period);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("消防通道与安全出口畅通", "id=\"trend\"");
    }

    @Test
    void aDepartmentHeadsStatisticsHoldOnlyTheirDepartmentsFindingsWhileAManagerSeesAll() {
        String q = tokenFor("quality");
        // a period of its own, far ahead, so that only this test's audit falls in it
        LocalDate day = LocalDate.of(2040 + (int) (Math.random() * 40), 1 + (int) (Math.random() * 12), 10);
        String period = "?from=" + day + "&to=" + day;
        long templateId = ok(get(TEMPLATES + "?kind=SUPPLIER&status=PUBLISHED", q), 200).get(0).get("id").asLong();
        String counterpart = "统计范围供应商" + UUID.randomUUID().toString().substring(0, 8);
        long id = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + day + "','counterpart':'"
                + counterpart + "'}")), 201).get("id").asLong();
        ok(post(AUDITS + "/" + id + "/start", q, null), 200);
        long heads = jdbc.sql("select department_id from app_user where username = 'depthead'").query(Long.class).single();
        long qa = jdbc.sql("select id from department where code = 'QA'").query(Long.class).single();
        String headsName = jdbc.sql("select name from department where id = :d").param("d", heads).query(String.class).single();
        String qaName = jdbc.sql("select name from department where id = :d").param("d", qa).query(String.class).single();
        ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'维修记录不全','departmentId':" + heads + "}")), 201);
        ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'检验报告缺签字','departmentId':" + qa + "}")), 201);
        ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'来料批次未标识','departmentId':" + qa + "}")), 201);

        JsonNode all = ok(get(AUDITS + "/statistics" + period, q), 200);
        assertThat(all.get("companyWide").asBoolean()).isTrue();
        assertThat(all.get("findingsOpen").asLong()).isEqualTo(3);
        assertThat(all.get("findingsByDepartment").toString()).contains(headsName, qaName);

        JsonNode mine = ok(get(AUDITS + "/statistics" + period, tokenFor("depthead")), 200);
        assertThat(mine.get("companyWide").asBoolean()).isFalse();
        assertThat(mine.get("findingsOpen").asLong()).isEqualTo(1);
        assertThat(mine.get("findingsByDepartment")).hasSize(1);
        assertThat(mine.get("findingsByDepartment").get(0).get("label").asString()).isEqualTo(headsName);
        assertThat(mine.get("findingsByDepartment").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(mine.get("byKindAndResult").toString()).contains("SUPPLIER/IN_PROGRESS");

        // a staff member outside both departments, not on the audit, sees none of it
        JsonNode staff = ok(get(AUDITS + "/statistics" + period, tokenFor("sales")), 200);
        assertThat(staff.get("findingsOpen").asLong()).isZero();
        assertThat(staff.get("byKindAndResult")).isEmpty();
        com.careloop.support.PageSession session = new com.careloop.support.PageSession(port);
        session.login("depthead", DEMO_PASSWORD);
        var page = session.get("/audits/statistics" + period);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"stats-scope\"");
    }

    @Test
    void aTemplatesDeliverablesAndEvidenceListsTravelThroughItsExcelAndABadDeliverableRowIsRefusedWithNothingSaved()
            throws Exception {
        String q = tokenFor("quality");
        String code = "XD-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = ok(post(TEMPLATES, q, j("{'code':'" + code + "','kind':'CSR','title':'交付资料Excel',"
                + "'sections':[{'titleZhCn':'文件','items':[{'textZhCn':'劳动合同齐全','kind':'YES_NO',"
                + "'evidence':'劳动合同\\n员工花名册'}]}]}")), 201).get("id").asLong();
        ok(put(TEMPLATES + "/" + templateId + "/deliverables", q, j("{'names':['Facility Profile','CFSI_CMRT']}")), 200);
        byte[] bytes = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + TEMPLATES + "/"
                + templateId + "/export")).header("Authorization", "Bearer " + q).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        // a deliverable name over 200 characters in the sheet's fourth row: 422 naming it, no template saved
        byte[] bad;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheet("deliverables").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Facility Profile");
            wb.getSheet("deliverables").createRow(3).createCell(0).setCellValue("x".repeat(201));
            var out = new ByteArrayOutputStream();
            wb.write(out);
            bad = out.toByteArray();
        }
        String copy = code + "-C";
        Response refused = upload(TEMPLATES + "/import?code=" + copy, "quality", new Multipart().file("file", "bad.xlsx",
                xlsx, bad));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("deliverables[4].deliverable");
        assertThat(jdbc.sql("select count(*) from checklist_template where code = :c").param("c", copy).query(Long.class)
                .single()).isZero();

        JsonNode draft = ok(upload(TEMPLATES + "/import?code=" + copy, "quality", new Multipart().file("file", "t.xlsx",
                xlsx, bytes)), 201);
        long draftId = draft.get("id").asLong();
        assertThat(ok(get(TEMPLATES + "/" + draftId + "/deliverables", q), 200).toString())
                .isEqualTo("[\"Facility Profile\",\"CFSI_CMRT\"]");
        assertThat(draft.get("sections").get(0).get("items").get(0).get("evidence").toString())
                .isEqualTo("[\"劳动合同\",\"员工花名册\"]");
    }

    @Test
    void aTemplateExportsToExcelAndImportsIntoANewDraftWhileABadRowIsRefusedNamingRowAndColumnWithNothingSaved()
            throws Exception {
        String q = tokenFor("quality");
        long csr = ok(get(TEMPLATES + "?kind=CSR&status=PUBLISHED", q), 200).get(0).get("id").asLong();
        JsonNode original = ok(get(TEMPLATES + "/" + csr, q), 200);
        Response xlsx = call("GET", TEMPLATES + "/" + csr + "/export", q, null);
        assertThat(xlsx.status()).isEqualTo(200);
        byte[] bytes = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + TEMPLATES + "/" + csr
                + "/export")).header("Authorization", "Bearer " + q).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        String code = "XL-" + UUID.randomUUID().toString().substring(0, 8);

        // a bad kind in the third row of items: 422 naming row and column, no template saved
        byte[] bad;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var items = wb.getSheet("items");
            var row = items.getRow(2);
            row.removeCell(row.getCell(TemplateExcelColumns.KIND)); // the export writes inline strings
            row.createCell(TemplateExcelColumns.KIND).setCellValue("MAYBE");
            var out = new ByteArrayOutputStream();
            wb.write(out);
            bad = out.toByteArray();
        }
        Response refused = upload(TEMPLATES + "/import?code=" + code, "quality",
                new Multipart().file("file", "bad.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("items[3].kind");
        assertThat(jdbc.sql("select count(*) from checklist_template where code = :c").param("c", code).query(Long.class)
                .single()).isZero();
        assertThat(upload(TEMPLATES + "/import", "quality", new Multipart().file("file", "x.xlsx", "text/plain",
                "not excel".getBytes())).status()).isEqualTo(422);

        // the good file: a new draft with the same sections, items, red lines and texts
        JsonNode draft = ok(upload(TEMPLATES + "/import?code=" + code, "quality", new Multipart().file("file", "csr.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes)), 201);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("code").asString()).isEqualTo(code);
        assertThat(draft.get("kind").asString()).isEqualTo("CSR");
        assertThat(draft.get("sections").size()).isEqualTo(original.get("sections").size());
        JsonNode redLine = draft.get("sections").get(1).get("items").get(0);
        JsonNode was = original.get("sections").get(1).get("items").get(0);
        assertThat(redLine.get("redLine").asBoolean()).isTrue();
        assertThat(redLine.get("textZhCn").asString()).isEqualTo(was.get("textZhCn").asString());
        assertThat(redLine.get("textEn").asString()).isEqualTo(was.get("textEn").asString());
        assertThat(redLine.get("departmentCode").asString()).isEqualTo(was.get("departmentCode").asString());
        // importing the same code again while its draft exists is refused
        assertThat(upload(TEMPLATES + "/import?code=" + code, "quality", new Multipart().file("file", "csr.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes)).status()).isEqualTo(409);
        assertThat(upload(TEMPLATES + "/import", "sales", new Multipart().file("file", "csr.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes)).status()).isEqualTo(403);
    }

    /**
     * The dashboard counts findings not closed (a CAPA under way included) and those overdue; its figures and the work
     * inbox's "findings of my department due" open the findings list filtered the same way ({@code open},
     * {@code overdue}: not closed and due before today), on the page, the API and the Excel export, with a keyword too.
     */
    @Test
    void theFindingsListShowsTheFindingsNotClosedAndTheOverdueOnesAsTheDashboardCountsThem() {
        String q = tokenFor("quality");
        String code = "OD-" + UUID.randomUUID().toString().substring(0, 8);
        long templateId = oneItemDraft(code, "SUPPLIER", "供应商考察" + code, "整理", "物品分类");
        ok(post(TEMPLATES + "/" + templateId + "/publish", q, null), 200);
        long id = ok(post(AUDITS, q, j("{'templateId':" + templateId + ",'auditDate':'" + today()
                + "','counterpart':'逾期供应商" + code + "'}")), 201).get("id").asLong();
        ok(post(AUDITS + "/" + id + "/start", q, null), 200);
        String due = LocalDate.parse(today()).plusDays(5).toString();
        long inTime = ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'标识未逾期','dueOn':'" + due + "'}")),
                201).get("id").asLong();
        long late = ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'标识已逾期','dueOn':'" + due + "'}")),
                201).get("id").asLong();
        long closed = ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'标识逾期已关闭','dueOn':'" + due
                + "'}")), 201).get("id").asLong();
        ok(post(AUDITS + "/findings/" + closed + "/correction", q, j("{'correction':'已重新标识'}")), 200);
        // three days later for two of them (a due date in the past cannot be entered)
        jdbc.sql("update audit_finding set due_on = :d where id in (:ids)")
                .param("d", LocalDate.parse(today()).minusDays(3)).param("ids", java.util.List.of(late, closed)).update();

        String list = AUDITS + "/findings?auditId=" + id;
        assertThat(ids(ok(get(list, q), 200))).containsExactly(closed, late, inTime);
        assertThat(ids(ok(get(list + "&open=true", q), 200))).containsExactly(late, inTime);
        JsonNode overdue = ok(get(list + "&overdue=true", q), 200);
        assertThat(ids(overdue)).containsExactly(late);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        // with a keyword every finding of the audit holds, and with the status filter
        String word = java.net.URLEncoder.encode("逾期", StandardCharsets.UTF_8);
        assertThat(ids(ok(get(list + "&q=" + word, q), 200))).containsExactly(closed, late, inTime);
        assertThat(ids(ok(get(list + "&q=" + word + "&overdue=true", q), 200))).containsExactly(late);
        assertThat(ids(ok(get(list + "&status=CLOSED&open=true", q), 200))).isEmpty();
        // the page: the two boxes, the department choice, the overdue rows only
        com.careloop.support.PageSession page = new com.careloop.support.PageSession(port);
        page.login("quality", DEMO_PASSWORD);
        String html = page.get("/audits/findings?overdue=true&auditId=" + id).body();
        assertThat(html).contains("标识已逾期").doesNotContain("标识未逾期").doesNotContain("标识逾期已关闭")
                .contains("id=\"finding-overdue\"").contains("id=\"finding-department\"");
        assertThat(html.replaceAll("\\s+", " ")).containsPattern("id=\"finding-overdue\"[^>]*checked");
        assertThat(page.get("/audits/findings?open=true&auditId=" + id).body()).contains("标识未逾期")
                .contains("标识已逾期").doesNotContain("标识逾期已关闭");
        // the Excel export of the same filter
        Response xlsx = call("GET", AUDITS + "/findings/export?overdue=true&auditId=" + id, q, null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    }

    static java.util.List<Long> ids(JsonNode page) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        page.get("items").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    /** Column indexes of the items sheet (see docs/inspections.md). */
    static final class TemplateExcelColumns {
        static final int KIND = 7;
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private void closeCapa(long capaId) {
        String q = tokenFor("quality");
        String base = "/api/v1/capa/" + capaId + "/";
        ok(post(base + "containment", q, j("{'containment':'隔离相关人员岗位'}")), 200);
        ok(post(base + "root-cause", q, j("{'whys':['招聘未核验','无核验流程'],'category':'METHOD','statement':'招聘无年龄核验'}")), 200);
        JsonNode d = ok(post(base + "actions", q, j("{'description':'入职身份证核验','ownerUserId':" + userId("quality")
                + ",'dueDate':'" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5) + "'}")), 200);
        long action = d.get("actions").get(0).get("id").asLong();
        ok(post(base + "actions/" + action + "/done", q, j("{'evidence':'核验记录'}")), 200);
        ok(post(base + "start-verification", q, null), 200);
        ok(post(base + "effectiveness-checks", q, j("{'effective':true,'evidence':'连续抽查无问题'}")), 200);
        ok(post(base + "close", q, j("{'recurrencePrevention':'纳入招聘流程'}")), 200);
    }
}
