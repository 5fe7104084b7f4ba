package com.careloop.property;

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

import com.careloop.property.register.PropertyInspectionJob;
import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Arrival documents and inspection photos through the platform file store, served only after the item's own check. */
class PropertyFilesApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/customer-properties";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PropertyInspectionJob job;

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
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

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    JsonNode item(String kind, String extra) {
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'附件客户" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'ORGANISATION','phone':'136" + String.format("%08d",
                (long) (Math.random() * 100_000_000L)) + "'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Response r = post(BASE, tokenFor("manager"), j("{'customerId':" + c.json().get("id").asLong() + ",'kind':'" + kind
                + "','itemName':'附件测试','quantity':1,'unit':'套','receivedOn':'"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3) + "','receiverName':'x','marking':'附件钢印'" + extra + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void anArrivalDocumentAndAnInspectionPhotoAreStoredShownAndServedWithTheirPreview() throws Exception {
        long qa = department("QA");
        JsonNode d = item("TOOLING", ",'owningDepartmentId':" + qa + ",'handedToDepartmentId':" + qa);
        long id = d.get("id").asLong();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        Response doc = upload(BASE + "/" + id + "/files", "manager",
                new Multipart().file("file", "验收单.pdf", "application/pdf", pdf).field("slot", "ARRIVAL"));
        assertThat(doc.status()).as(doc.body()).isEqualTo(201);
        assertThat(doc.json().get("slot").asString()).isEqualTo("ARRIVAL");
        job.run();
        long inspection = get(BASE + "/" + id, tokenFor("quality")).json().get("inspections").get(0).get("id").asLong();
        byte[] png = png();
        Response photo = upload(BASE + "/" + id + "/inspections/" + inspection + "/photos", "quality",
                new Multipart().file("file", "检查.png", "image/png", png));
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(photo.json().get("image").asBoolean()).isTrue();
        assertThat(photo.json().get("inspectionId").asLong()).isEqualTo(inspection);
        JsonNode detail = get(BASE + "/" + id, tokenFor("quality")).json();
        assertThat(detail.get("files").size()).isEqualTo(2);
        assertThat(detail.get("timeline").valueStream().map(e -> e.get("kind").asString())).contains("FILE_ADDED");
        long photoId = photo.json().get("id").asLong();
        HttpResponse<byte[]> bytes = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/"
                + id + "/files/" + photoId)).header("Authorization", "Bearer " + tokenFor("quality")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(png);
        HttpResponse<byte[]> thumb = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/"
                + id + "/files/" + photoId + "/thumbnail")).header("Authorization", "Bearer " + tokenFor("quality")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(thumb.body())).getWidth()).isLessThanOrEqualTo(320);
        // a file of another item is not served through this one
        JsonNode other = item("PART", "");
        assertThat(get(BASE + "/" + other.get("id").asLong() + "/files/" + photoId, tokenFor("quality")).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-property' and record_id = :id"
                + " and action = 'FILE_ADDED'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotWhatItClaimsOrOnAReturnedItemIsRefusedAndNothingIsStored() {
        JsonNode d = item("PART", "");
        long id = d.get("id").asLong();
        long before = jdbc.sql("select count(*) from stored_file").query(Long.class).single();
        Response fake = upload(BASE + "/" + id + "/files", "manager",
                new Multipart().file("file", "photo.png", "image/png", "MZ\u0090\u0000binary".getBytes()));
        assertThat(fake.status()).as(fake.body()).isEqualTo(422);
        assertThat(fake.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        Response slot = upload(BASE + "/" + id + "/files", "manager",
                new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes()).field("slot", "OTHER"));
        assertThat(slot.status()).isEqualTo(422);
        assertThat(slot.json().get("errors").get(0).get("field").asString()).isEqualTo("slot");
        Response none = post(BASE + "/" + id + "/files", tokenFor("manager"), "{}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(post(BASE + "/" + id + "/return", tokenFor("manager"), j("{'note':'退回'}")).status()).isEqualTo(200);
        Response late = upload(BASE + "/" + id + "/files", "manager",
                new Multipart().file("file", "a.txt", "text/plain", "hello".getBytes()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from stored_file").query(Long.class).single()).isEqualTo(before);
    }
}
