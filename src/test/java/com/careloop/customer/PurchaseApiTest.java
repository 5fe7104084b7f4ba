package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.careloop.platform.excel.XlsxExport;
import com.careloop.platform.excel.XlsxReader;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Purchases and warranties: entered, posted by the order system (idempotent), imported from Excel, read by other modules. */
class PurchaseApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Purchases purchasesApi;

    private JsonNode customer(String representative) {
        long rep = jdbc.sql("select id from app_user where username = :u").param("u", representative).query(Long.class).single();
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'购买测试" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','confirmDuplicate':true,'representativeId':" + rep + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private List<String> fieldsOf(Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void aPurchaseIsRecordedWithTheWarrantyEndComputedFromTheTermsAndListed() {
        long c = customer("manager").get("id").asLong();
        Response r = post("/api/v1/customers/" + c + "/purchases", tokenFor("frontdesk"), j("{'product':'家用中央空调',"
                + "'model':'KFR-72LW','serialNo':'SN001','saleDate':'2026-03-15','deliveryDate':'2026-04-01',"
                + "'warrantyTerms':'包修1年 包换3个月 包退7天'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("warrantyEnd").asString()).isEqualTo("2027-03-31");
        Response entered = post("/api/v1/customers/" + c + "/purchases", tokenFor("frontdesk"), j("{'product':'热水器',"
                + "'saleDate':'2026-05-01','warrantyTerms':'包修1年','warrantyEnd':'2029-04-30'}"));
        assertThat(entered.json().get("warrantyEnd").asString()).isEqualTo("2029-04-30");
        JsonNode list = get("/api/v1/customers/" + c + "/purchases", tokenFor("quality")).json();
        assertThat(list.get("items").valueStream().map(p -> p.get("product").asString())).containsExactly("热水器", "家用中央空调");
        assertThat(list.get("items").get(1).get("source").asString()).isEqualTo("API");
        JsonNode trail = get("/api/v1/audit-events/purchase/" + r.json().get("id").asLong(), tokenFor("manager")).json();
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATE");
    }

    @Test
    void theOrderSystemPostsByCustomerCodeAndTheSameExternalRefReturnsTheExistingRecord() {
        JsonNode c = customer("manager");
        String body = j("{'customerCode':'" + c.get("code").asString() + "','product':'智能门锁','saleDate':'2026-06-01',"
                + "'externalRef':'SO-" + c.get("id").asLong() + "-1'}");
        Response first = post("/api/v1/purchases", tokenFor("manager"), body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response again = post("/api/v1/purchases", tokenFor("manager"), body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        Response viaCustomer = post("/api/v1/customers/" + c.get("id").asLong() + "/purchases", tokenFor("manager"), body);
        assertThat(viaCustomer.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from purchase where customer_id = :c").param("c", c.get("id").asLong())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badDatesAnUnknownCustomerAndMissingFieldsAreRefusedNamingTheField() {
        JsonNode c = customer("manager");
        long id = c.get("id").asLong();
        Response delivery = post("/api/v1/customers/" + id + "/purchases", tokenFor("manager"),
                j("{'product':'空调','saleDate':'2026-03-15','deliveryDate':'2026-03-14'}"));
        assertThat(delivery.status()).isEqualTo(422);
        assertThat(fieldsOf(delivery)).containsExactly("deliveryDate");
        Response end = post("/api/v1/customers/" + id + "/purchases", tokenFor("manager"),
                j("{'product':'空调','saleDate':'2026-03-15','warrantyEnd':'2026-03-01'}"));
        assertThat(fieldsOf(end)).containsExactly("warrantyEnd");
        Response unknown = post("/api/v1/purchases", tokenFor("manager"), j("{'customerCode':'KH0000-999999','product':'空调',"
                + "'saleDate':'2026-03-15'}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(fieldsOf(unknown)).containsExactly("customerCode");
        assertThat(fieldsOf(post("/api/v1/purchases", tokenFor("manager"), j("{'product':'空调','saleDate':'2026-03-15'}"))))
                .containsExactly("customerCode");
        Response missing = post("/api/v1/customers/" + id + "/purchases", tokenFor("manager"), j("{'product':''}"));
        assertThat(fieldsOf(missing)).contains("product", "saleDate");
        assertThat(post("/api/v1/customers/" + id + "/purchases", tokenFor("manager"), j("{'product':'x','saleDate':'15.03.2026'}"))
                .status()).isEqualTo(400);
        assertThat(get("/api/v1/customers/" + id + "/purchases", tokenFor("manager")).json().get("items").size()).isZero();
    }

    @Test
    void aUserOutsideTheCustomersScopeGetsNotFoundOrAnUnknownCode() {
        JsonNode others = customer("manager");
        long id = others.get("id").asLong();
        assertThat(get("/api/v1/customers/" + id + "/purchases", tokenFor("sales")).status()).isEqualTo(404);
        assertThat(post("/api/v1/customers/" + id + "/purchases", tokenFor("sales"), j("{'product':'x','saleDate':'2026-03-15'}"))
                .status()).isEqualTo(404);
        Response byCode = post("/api/v1/purchases", tokenFor("sales"), j("{'customerCode':'" + others.get("code").asString()
                + "','product':'x','saleDate':'2026-03-15'}"));
        assertThat(fieldsOf(byCode)).containsExactly("customerCode");
    }

    @Test
    void theImportTakesTheGoodRowsAndReportsEveryErrorOfTheBadOnesWithoutSavingThem() throws Exception {
        JsonNode a = customer("manager");
        JsonNode b = customer("manager");
        String codeA = a.get("code").asString();
        post("/api/v1/purchases", tokenFor("manager"), j("{'customerCode':'" + codeA + "','product':'已有','saleDate':'2026-01-01',"
                + "'externalRef':'IMP-" + a.get("id").asLong() + "'}"));
        var out = new ByteArrayOutputStream();
        try (var xlsx = XlsxExport.open(out, "购买记录", List.of("客户编号*", "产品*", "型号", "序列号", "批号", "销售日期*", "交付日期",
                "三包条款", "保修截止日", "订单行号"))) {
            xlsx.row(codeA, "家用中央空调", "KFR-72LW", "SN-IMP-1", null, LocalDate.of(2026, 3, 15), null, "包修2年", null, null);
            xlsx.row(codeA, "热水器", null, null, null, "2026-03-15", "2026-03-10", null, null, null);
            xlsx.row("KH0000-999999", "门锁", null, null, null, "2026-03-15", null, null, null, null);
            xlsx.row(b.get("code").asString(), null, null, null, null, "2026/13/01", null, null, null, null);
            xlsx.row(codeA, "已有", null, null, null, "2026-01-01", null, null, null, "IMP-" + a.get("id").asLong());
        }
        Response r = upload("/api/v1/purchases/import", tokenFor("manager"), out.toByteArray());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(report.get("errors").valueStream().map(e -> e.get("row").asInt() + " " + e.get("column").asString()))
                .containsExactlyInAnyOrder("3 交付日期", "4 客户编号", "5 产品", "5 销售日期");
        JsonNode ofA = get("/api/v1/customers/" + a.get("id").asLong() + "/purchases", tokenFor("manager")).json();
        assertThat(ofA.get("items").valueStream().map(p -> p.get("product").asString())).containsExactly("家用中央空调", "已有");
        assertThat(ofA.get("items").get(0).get("warrantyEnd").asString()).isEqualTo("2028-03-14");
        assertThat(ofA.get("items").get(0).get("source").asString()).isEqualTo("IMPORT");
        assertThat(get("/api/v1/customers/" + b.get("id").asLong() + "/purchases", tokenFor("manager")).json().get("items").size())
                .isZero();
    }

    @Test
    void theImportTemplateHasTheColumnsAndNonWorkbooksAreRefused() throws Exception {
        Response t = get("/api/v1/purchases/import-template", tokenFor("manager"));
        assertThat(t.status()).isEqualTo(200);
        byte[] bytes = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/purchases/import-template"))
                .header("Authorization", "Bearer " + tokenFor("manager")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        var rows = XlsxReader.read(new ByteArrayInputStream(bytes), List.of("客户编号", "产品", "销售日期", "三包条款", "订单行号"), 10);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("三包条款")).isEqualTo("包修1年 包换3个月 包退7天"));
        Response notXlsx = upload("/api/v1/purchases/import", tokenFor("manager"), "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).isEqualTo(422);
        assertThat(fieldsOf(notXlsx)).containsExactly("file");
        assertThat(upload("/api/v1/purchases/import", tokenFor("frontdesk"), bytes).status()).isEqualTo(403);
    }

    @Test
    void otherModulesFindTheSalesOfADayAndTheWarrantiesEndingSoon() {
        long c = customer("manager").get("id").asLong();
        LocalDate day = LocalDate.of(2019, 7, 1 + (int) (c % 28));
        long sold = post("/api/v1/customers/" + c + "/purchases", tokenFor("manager"), j("{'product':'净水器','model':'RO-400',"
                + "'serialNo':'JS-" + c + "','saleDate':'" + day + "','warrantyEnd':'" + day.plusDays(10) + "'}")).json().get("id").asLong();
        long later = post("/api/v1/customers/" + c + "/purchases", tokenFor("manager"), j("{'product':'空气净化器','saleDate':'"
                + day.plusDays(1) + "','warrantyEnd':'" + day.plusDays(40) + "'}")).json().get("id").asLong();
        assertThat(purchasesApi.soldOn(day)).filteredOn(p -> p.customerId() == c).singleElement().satisfies(p -> {
            assertThat(p.purchaseId()).isEqualTo(sold);
            assertThat(p.product()).isEqualTo("净水器");
            assertThat(p.model()).isEqualTo("RO-400");
            assertThat(p.serialNo()).isEqualTo("JS-" + c);
            assertThat(p.saleDate()).isEqualTo(day);
            assertThat(p.warrantyEnd()).isEqualTo(day.plusDays(10));
        });
        assertThat(purchasesApi.warrantiesEndingBetween(day.plusDays(10), day.plusDays(39)))
                .filteredOn(p -> p.customerId() == c).extracting(Purchases.PurchaseRef::purchaseId).containsExactly(sold);
        assertThat(purchasesApi.warrantiesEndingBetween(day, day.plusDays(40)))
                .filteredOn(p -> p.customerId() == c).extracting(Purchases.PurchaseRef::purchaseId).containsExactly(sold, later);
    }

    @Test
    void theDemoHasAWarrantyEndingWithinThirtyDays() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(purchasesApi.warrantiesEndingBetween(today, today.plusDays(30))).extracting(Purchases.PurchaseRef::product)
                .contains("家用中央空调");
    }

    private Response upload(String path, String token, byte[] file) {
        String boundary = "----careloop" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
