package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
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
 * A field service over HTTP (H2 and PostgreSQL): planned from a FIELD_SERVICE request with a three-department team,
 * departure refused without the briefing then allowed, the on-site record with its bad input refused (nothing
 * saved), the report signed (not before arrival, not with a non-image), printed as PDF, an open point becoming a CAPA
 * and another a follow-up request; who sees what.
 */
class FieldServiceApiTest extends FieldServiceTestBase {

    @Test
    void plannedBriefedDepartedOnSiteSignedPrintedAndTheOpenPointBecomesACapa() throws Exception {
        long request = fieldRequest();
        JsonNode f = plan(request);
        long id = f.get("id").asLong();
        assertThat(f.get("code").asString()).matches("XC\\d{4}-\\d{5}");
        assertThat(f.get("status").asString()).isEqualTo("PLANNED");
        assertThat(f.get("site").asString()).as("the request's location").isEqualTo("镇江 3号车间");
        assertThat(f.get("team").size()).isEqualTo(4);
        assertThat(f.get("team").valueStream().map(m -> m.get("department").asString()).distinct().count())
                .as("a team from several departments").isGreaterThanOrEqualTo(3);
        assertThat(f.get("parts").get(0).get("name").asString()).as("the request's materials").isEqualTo("封口机加热片");
        assertThat(f.get("tools").get(0).get("name").asString()).isEqualTo("万用表");
        assertThat(f.get("tools").get(0).get("measuring").asBoolean())
                .as("a measuring instrument the team takes from metrology (003-E3)").isTrue();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", user("teamleader")).param("l", "/field-services/" + id).query(Long.class).single())
                .as("the member is notified").isEqualTo(1);

        Response refused = post(BASE + "/" + id + "/depart", tokenFor("depthead"), "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("fieldservice.briefing-missing");

        step("manager", id, "/briefing", "{'briefedBy':'保安部 韩队长','topics':'高处作业、临时用电','acknowledgedUserIds':["
                + user("depthead") + "," + user("teamleader") + "," + user("quality") + "]}");
        assertThat(post(BASE + "/" + id + "/depart", tokenFor("depthead"), "{}").status())
                .as("one member has not acknowledged yet").isEqualTo(409);
        step("sales", id, "/briefing/acknowledge", null);
        JsonNode checks = get(BASE + "/" + id, tokenFor("manager")).json().get("checklist");
        assertThat(checks.valueStream().map(c -> c.get("code").asString()).toList())
                .as("PPE and the seed's conduct rules on site (000-D6)")
                .contains("PPE", "UNIFORM", "HELMET", "COURTESY", "TEAMWORK", "NO_DEMANDS");
        StringBuilder codes = new StringBuilder();
        checks.valueStream().forEach(c -> codes.append(codes.isEmpty() ? "" : ",").append("'")
                .append(c.get("code").asString()).append("'"));
        step("manager", id, "/checklist", "{'checked':[" + codes + "]}");
        JsonNode departed = step("depthead", id, "/depart", "{}");
        assertThat(departed.get("status").asString()).isEqualTo("DEPARTED");

        Response early = post(BASE + "/" + id + "/customer-signature", tokenFor("depthead"), j("{'signerName':'马工',"
                + "'evaluation':'SATISFIED','signatureImage':'" + pngDataUrl() + "'}"));
        assertThat(early.status()).as("signed before arrival").isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("fieldservice.signed-before-arrival");

        JsonNode there = step("depthead", id, "/arrive", "{}");
        long member = there.get("team").get(1).get("id").asLong();
        long part = there.get("parts").get(0).get("id").asLong();
        OffsetDateTime now = OffsetDateTime.now();
        String from = now.minusHours(3).toString();
        String to = now.minusHours(1).toString();
        step("depthead", id, "/hours", "{'memberId':" + member + ",'from':'" + from + "','to':'" + to + "'}");
        Response negative = post(BASE + "/" + id + "/hours", tokenFor("depthead"), j("{'memberId':" + member
                + ",'from':'" + to + "','to':'" + from + "'}"));
        assertThat(negative.status()).isEqualTo(422);
        Response overlap = post(BASE + "/" + id + "/hours", tokenFor("depthead"), j("{'memberId':" + member
                + ",'from':'" + now.minusHours(2) + "','to':'" + now.minusMinutes(10) + "'}"));
        assertThat(overlap.status()).isEqualTo(422);
        Response above = post(BASE + "/" + id + "/parts-used", tokenFor("depthead"), j("{'partId':" + part
                + ",'used':5}"));
        assertThat(above.status()).as(above.body()).isEqualTo(422);
        step("depthead", id, "/parts-used", "{'partId':" + part + ",'used':2}");
        step("depthead", id, "/work", "{'memberId':" + member + ",'workDone':'输送线安装完毕'}");
        step("depthead", id, "/findings", "{'findings':'试运行正常'}");
        step("depthead", id, "/measurements", "{'name':'封口温度','value':'185','unit':'℃'}");
        JsonNode withPoint = step("depthead", id, "/open-points", "{'description':'备用加热片需补发','ownerId':"
                + user("quality") + ",'dueOn':'" + day(10) + "'}");
        long point = withPoint.get("openPoints").get(0).get("id").asLong();
        JsonNode saved = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(saved.get("hours").size()).as("the refused hours were not saved").isEqualTo(1);
        assertThat(saved.get("parts").get(0).get("used").asDouble()).isEqualTo(2.0);
        assertThat(saved.get("totalHours").asDouble()).isEqualTo(2.0);

        Response notImage = post(BASE + "/" + id + "/customer-signature", tokenFor("depthead"), j("{'signerName':'马工',"
                + "'evaluation':'SATISFIED','signatureImage':'data:image/png;base64,"
                + Base64.getEncoder().encodeToString("not a picture".getBytes()) + "'}"));
        assertThat(notImage.status()).as(notImage.body()).isEqualTo(422);
        assertThat(get(BASE + "/" + id, tokenFor("manager")).json().get("report").get("code").isNull())
                .as("nothing signed half-way").isTrue();
        JsonNode signed = step("depthead", id, "/customer-signature", "{'signerName':'马工','evaluation':'SATISFIED',"
                + "'comment':'满意','signatureImage':'" + pngDataUrl() + "'}");
        assertThat(signed.get("status").asString()).isEqualTo("REPORTED");
        String report = signed.get("report").get("code").asString();
        assertThat(report).matches("XB\\d{4}-\\d{5}");
        step("depthead", id, "/leader-signature", "{'signatureImage':'" + pngDataUrl() + "'}");

        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/report.pdf", tokenFor("manager"), null, report);
        assertThat(pdf.text()).contains("现场服务报告", "Q/JL081304", report, "封口温度", "备用加热片需补发", "马工");

        JsonNode capa = step("depthead", id, "/open-points/" + point + "/follow-up", "{'as':'CAPA'}");
        JsonNode p = capa.get("openPoints").get(0);
        assertThat(p.get("followUpKind").asString()).isEqualTo("CAPA");
        assertThat(get("/api/v1/capa/" + p.get("followUpId").asLong(), tokenFor("manager")).json()
                .get("code").asString()).isEqualTo(p.get("followUpCode").asString());
        Response again = post(BASE + "/" + id + "/open-points/" + point + "/follow-up", tokenFor("depthead"),
                j("{'as':'REQUEST'}"));
        assertThat(again.status()).as("one follow-up per open point").isEqualTo(409);
    }

    @Test
    void aManagersExceptionLetsTheTeamDepartAndAnOpenPointBecomesAFollowUpRequest() {
        long id = plan(fieldRequest()).get("id").asLong();
        Response notManager = post(BASE + "/" + id + "/departure-exception", tokenFor("depthead"),
                j("{'reason':'紧急'}"));
        assertThat(notManager.status()).isEqualTo(403);
        step("manager", id, "/departure-exception", "{'reason':'顾客停产抢修，交底在途中电话进行'}");
        step("depthead", id, "/depart", "{}");
        step("depthead", id, "/arrive", "{}");
        JsonNode withPoint = step("depthead", id, "/open-points", "{'description':'控制柜需改造','ownerId':"
                + user("teamleader") + "}");
        long point = withPoint.get("openPoints").get(0).get("id").asLong();
        JsonNode done = step("manager", id, "/open-points/" + point + "/follow-up", "{'as':'REQUEST'}");
        long follow = done.get("openPoints").get(0).get("followUpId").asLong();
        JsonNode r = get("/api/v1/service-requests/" + follow, tokenFor("manager")).json();
        assertThat(r.get("type").asString()).isEqualTo("FIELD_SERVICE");
        assertThat(r.get("description").asString()).contains("控制柜需改造");
    }

    /**
     * The team leader is a department head whose service-desk scope does not reach the CS customer: the open point
     * still becomes the customer's follow-up request, registered by the leader on behalf of the CS department (the
     * customer and site of the origin request), undispatched in the CS queue.
     */
    @Test
    void theTeamLeaderTurnsAnOpenPointIntoTheCustomersFollowUpRequest() {
        long request = fieldRequest();
        JsonNode origin = get("/api/v1/service-requests/" + request, tokenFor("manager")).json();
        assertThat(get("/api/v1/service-requests/" + request, tokenFor("depthead")).status())
                .as("the leader's own service-desk scope does not reach the request").isEqualTo(404);
        long id = plan(request).get("id").asLong();
        step("manager", id, "/departure-exception", "{'reason':'抢修'}");
        step("depthead", id, "/depart", "{}");
        step("depthead", id, "/arrive", "{}");
        long point = step("depthead", id, "/open-points", "{'description':'减速机需更换油封','ownerId':"
                + user("depthead") + "}").get("openPoints").get(0).get("id").asLong();
        long before = jdbc.sql("select count(*) from service_request").query(Long.class).single();
        JsonNode done = step("depthead", id, "/open-points/" + point + "/follow-up", "{'as':'REQUEST'}");
        JsonNode p = done.get("openPoints").get(0);
        assertThat(p.get("followUpKind").asString()).isEqualTo("REQUEST");
        assertThat(jdbc.sql("select count(*) from service_request").query(Long.class).single()).isEqualTo(before + 1);
        JsonNode r = get("/api/v1/service-requests/" + p.get("followUpId").asLong(), tokenFor("manager")).json();
        assertThat(r.get("code").asString()).isEqualTo(p.get("followUpCode").asString());
        assertThat(r.get("customerId").asLong()).as("the origin's customer").isEqualTo(origin.get("customerId").asLong());
        assertThat(r.get("type").asString()).isEqualTo("FIELD_SERVICE");
        assertThat(r.get("fieldKind").asString()).isEqualTo("INSTALLATION_COMMISSIONING");
        assertThat(r.get("channel").asString()).isEqualTo("STAFF_REPORT");
        assertThat(r.get("status").asString()).as("in the CS queue, not dispatched").isEqualTo("REGISTERED");
        assertThat(r.get("location").asString()).isEqualTo("镇江 3号车间");
        assertThat(r.get("description").asString()).contains("减速机需更换油封");
        assertThat(r.get("registeredByName").asString()).isEqualTo(jdbc.sql(
                "select display_name from app_user where username = 'depthead'").query(String.class).single());
    }

    @Test
    void aTeamMemberSeesTheServicesTheyAreOnAndOthersDoNot() {
        long id = plan(fieldRequest()).get("id").asLong();
        assertThat(get(BASE + "/" + id, tokenFor("sales")).status()).as("on the team").isEqualTo(200);
        assertThat(get(BASE + "?mine=true", tokenFor("sales")).json().get("items").valueStream()
                .anyMatch(x -> x.get("id").asLong() == id)).isTrue();
        assertThat(get(BASE + "/" + id, tokenFor("staff")).status()).as("not on the team, not in scope").isEqualTo(404);
        assertThat(get(BASE, tokenFor("staff")).json().get("items").valueStream()
                .noneMatch(x -> x.get("id").asLong() == id)).isTrue();
        assertThat(get(BASE + "/" + id, tokenFor("gm")).status()).as("managers see all").isEqualTo(200);
    }

    @Test
    void aPlanFromARequestThatIsNotAFieldServiceOrWithDatesOutOfOrderIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from field_service").query(Long.class).single();
        Response r = post("/api/v1/service-requests", tokenFor("manager"), j("{'contactName':'某人',"
                + "'contactPhone':'13800001111','type':'CONSULTATION','title':'咨询','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Response wrong = post(BASE, tokenFor("manager"), j("{'requestId':" + r.json().get("id").asLong()
                + ",'travelOutOn':'" + day(0) + "','onSiteFrom':'" + day(0) + "','onSiteTo':'" + day(0)
                + "','returnOn':'" + day(0) + "','leader':{'userId':" + user("depthead") + ",'task':'t'}}"));
        assertThat(wrong.status()).isEqualTo(422);
        Response order = post(BASE, tokenFor("manager"), j("{'requestId':" + fieldRequest() + ",'travelOutOn':'"
                + day(2) + "','onSiteFrom':'" + day(1) + "','onSiteTo':'" + day(3) + "','returnOn':'" + day(4)
                + "','leader':{'userId':" + user("depthead") + ",'task':'t'}}"));
        assertThat(order.status()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from field_service").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPhotoIsStoredWithAThumbnailAndAFileThatIsNotAnImageIsRefused() throws Exception {
        long id = plan(fieldRequest()).get("id").asLong();
        step("manager", id, "/departure-exception", "{'reason':'测试'}");
        step("depthead", id, "/depart", "{}");
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Response photo = upload(BASE + "/" + id + "/photos", "depthead",
                new Multipart().file("file", "现场.png", "image/png", out.toByteArray()));
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        long file = photo.json().get("id").asLong();
        HttpResponse<byte[]> thumb = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE
                + "/" + id + "/files/" + file + "/thumbnail")).header("Authorization", "Bearer " + tokenFor("depthead"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        Response text = upload(BASE + "/" + id + "/photos", "depthead",
                new Multipart().file("file", "a.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes()));
        assertThat(text.status()).isEqualTo(422);
    }

    @Test
    void everyFieldServiceEndpointIsTaggedInTheOpenApiDocument() {
        Response docs = get("/v3/api-docs", tokenFor("manager"));
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        java.util.Map<String, String> tagOf = java.util.Map.of("/api/v1/field-services", "Field services",
                "/api/v1/visit-reports", "Visit reports", "/api/v1/product-failures", "Product failures",
                "/api/v1/warranty-parts", "Warranty parts");
        java.util.Set<String> seen = new java.util.HashSet<>();
        docs.json().get("paths").properties().forEach(path -> tagOf.forEach((prefix, tag) -> {
            if (path.getKey().equals(prefix) || path.getKey().startsWith(prefix + "/")) {
                path.getValue().properties().forEach(op -> assertThat(op.getValue().get("tags").valueStream()
                        .map(JsonNode::asString).toList()).as(op.getKey() + " " + path.getKey()).containsExactly(tag));
                seen.add(prefix);
            }
        }));
        assertThat(seen).as("all four APIs are in the document").containsExactlyInAnyOrderElementsOf(tagOf.keySet());
        assertThat(docs.json().get("tags").valueStream().map(t -> t.get("name").asString()).toList())
                .contains("Field services", "Visit reports", "Product failures", "Warranty parts");
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
}
