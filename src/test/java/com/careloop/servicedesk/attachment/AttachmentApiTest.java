package com.careloop.servicedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Attachments of a service request over HTTP: upload, list, download, every refused file, scope and audit. */
class AttachmentApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    long newRequest() {
        Response r = post(BASE, tokenFor("frontdesk"), j("{'contactName':'王先生','contactPhone':'13900001111','type':'REPAIR',"
                + "'title':'阳台漏水 " + UUID.randomUUID() + "','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A multipart/form-data upload of one part named {@code file}. */
    Response upload(long id, String token, String fileName, String contentType, byte[] bytes, String... headers) {
        String boundary = "----careloop" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/" + id + "/attachments"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .headers(headers.length == 0 ? new String[] {"X-None", "-"} : headers)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void assertRefused(Response r, int status, String rule) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("rule").asString()).isEqualTo(rule);
    }

    @Test
    void aPhotoAndAPdfAreStoredListedAndDownloadedWithTheirTypeAndASafeName() throws Exception {
        long id = newRequest();
        String token = tokenFor("frontdesk");
        Response photo = upload(id, token, "C:\\Users\\王\\漏水 照片.png", "image/png", PNG);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(photo.json().get("fileName").asString()).isEqualTo("漏水 照片.png");
        assertThat(photo.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(photo.json().get("size").asLong()).isEqualTo(PNG.length);
        assertThat(photo.json().get("uploadedBy").asString()).isEqualTo("frontdesk");
        // a PDF declared as octet-stream is recognised by its bytes
        Response pdf = upload(id, token, "quote.pdf", "application/octet-stream", PDF);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.json().get("contentType").asString()).isEqualTo("application/pdf");

        JsonNode list = get(BASE + "/" + id + "/attachments", token).json();
        assertThat(list.valueStream().map(a -> a.get("fileName").asString())).containsExactly("漏水 照片.png", "quote.pdf");

        var file = download(BASE + "/" + id + "/attachments/" + photo.json().get("id").asLong(), token);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''").doesNotContain("\\", "/");

        // audit-trail entries on the request, in the same transaction as the file
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'service-request' and record_id = :id "
                + "and action = 'ATTACHMENT'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void forbiddenTypesMismatchesEmptyAndOversizedFilesAreRefusedNamingFileAndTheRule() {
        long id = newRequest();
        String token = tokenFor("frontdesk");
        // an executable renamed to .png: the bytes decide
        assertRefused(upload(id, token, "photo.png", "image/png", "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1)),
                422, "content-type");
        // HTML is not on the list, whatever it is called
        assertRefused(upload(id, token, "note.html", "text/html", "<script>alert(1)</script>".getBytes()), 422, "content-type");
        // a PNG that claims to be a PDF
        assertRefused(upload(id, token, "x.pdf", "application/pdf", PNG), 422, "content-type-mismatch");
        // a zip that is not an Office document
        assertRefused(upload(id, token, "x.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0}), 422, "content-type");
        assertRefused(upload(id, token, "empty.txt", "text/plain", new byte[0]), 422, "required");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Response tooBig = upload(id, token, "big.pdf", "application/pdf", big);
        assertThat(tooBig.status()).as(tooBig.body()).isIn(413, 422);
        assertRefused(tooBig, tooBig.status(), "max-size");
        // a plain text file and an Office document are fine
        assertThat(upload(id, token, "notes.txt", "text/plain", "水管师傅周三上午来".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);
        byte[] doc = Arrays.copyOf(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
                (byte) 0xe1}, 512);
        assertThat(upload(id, token, "letter.doc", "application/msword", doc).json().get("contentType").asString())
                .isEqualTo("application/msword");
        assertThat(get(BASE + "/" + id + "/attachments", token).json().size()).isEqualTo(2);
    }

    @Test
    void theRequestsDataScopeAppliesAndUnknownIdsAreNotFound() throws Exception {
        long id = newRequest();
        long attachment = upload(id, tokenFor("frontdesk"), "a.png", "image/png", PNG).json().get("id").asLong();
        // staff see only what they handle or registered
        assertThat(get(BASE + "/" + id + "/attachments", tokenFor("staff")).status()).isEqualTo(404);
        assertThat(download(BASE + "/" + id + "/attachments/" + attachment, tokenFor("staff")).statusCode()).isEqualTo(404);
        assertThat(upload(id, tokenFor("staff"), "b.png", "image/png", PNG).status()).isEqualTo(404);
        // an attachment of another request is not reachable through this one
        long other = newRequest();
        assertThat(download(BASE + "/" + other + "/attachments/" + attachment, tokenFor("frontdesk")).statusCode()).isEqualTo(404);
        assertThat(get(BASE + "/987654/attachments", tokenFor("frontdesk")).status()).isEqualTo(404);
        // without the file part
        Response none = post(BASE + "/" + id + "/attachments", tokenFor("frontdesk"), "{}");
        assertRefused(none, 422, "required");
    }

    /** The platform's idempotency filter hashes the parts of a multipart upload: a retry stores nothing new. */
    @Test
    void anUploadRetriedWithTheSameIdempotencyKeyIsStoredOnce() {
        long id = newRequest();
        String key = "up-" + UUID.randomUUID();
        Response first = upload(id, tokenFor("frontdesk"), "a.png", "image/png", PNG, "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response retry = upload(id, tokenFor("frontdesk"), "a.png", "image/png", PNG, "Idempotency-Key", key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(get(BASE + "/" + id + "/attachments", tokenFor("frontdesk")).json().size()).isEqualTo(1);
    }
}
