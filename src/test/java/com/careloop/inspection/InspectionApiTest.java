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

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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

        // the customer's own finding; a file in the C folder
        JsonNode f2 = ok(post(AUDITS + "/" + id + "/findings", q, j("{'description':'MSDS未张贴','severity':'MINOR'}")), 201);
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
