package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Seven-day no-reason returns over HTTP: the slip's life, the period, the goods condition, the summary and export. */
class ReturnApiTest extends ClaimTestSupport {

    static final String BASE = "/api/v1/returns";

    String slip(long customer, LocalDate received, LocalDate requested, String condition, String amount, String reason) {
        return "{'customerId':" + customer + ",'product':'电热水壶','model':'ZK-1517','purchaseDate':'" + received
                + "','receivedOn':'" + received + "','requestedOn':'" + requested + "'," + (reason == null ? ""
                : "'reason':'" + reason + "',") + "'goodsCondition':'" + condition + "','refundAmount':" + amount
                + ",'refundMethod':'WECHAT_PAY'}";
    }

    @Test
    void requestedAcceptedRefunded() {
        long customer = newCustomer();
        LocalDate received = today().minusDays(7);
        JsonNode r = ok("frontdesk", BASE, slip(customer, received, today(), "OPENED_UNDAMAGED", "129", null));
        long id = r.get("id").asLong();
        assertThat(r.get("code").asString()).matches("TH\\d{4}-\\d{6}");
        assertThat(r.get("lastDay").asString()).isEqualTo(today().toString());
        assertThat(r.get("reason").isNull()).isTrue();
        assertThat(r.get("refundAmount").decimalValue()).isEqualByComparingTo("129.00");
        assertThat(r.get("status").asString()).isEqualTo("REQUESTED");
        refused("frontdesk", BASE + "/" + id + "/refund", null, 409, null, null);
        ok("frontdesk", BASE + "/" + id + "/accept", "{'version':" + r.get("version").asLong() + "}");
        JsonNode refunded = ok("frontdesk", BASE + "/" + id + "/refund", "{'refundReference':'WX-0091'}");
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(kinds(refunded)).containsExactly("REQUESTED", "ACCEPTED", "REFUNDED");
        assertThat(auditActions("return", id)).containsExactly("CREATE", "ACCEPTED", "REFUNDED");
        refused("frontdesk", BASE + "/" + id + "/refuse", "{'comment':'晚了'}", 409, null, null);
    }

    @Test
    void aReturnAfterTheSeventhDayIsRefusedNamingTheLastDayAndNothingIsSaved() {
        long customer = newCustomer();
        LocalDate received = today().minusDays(8);
        JsonNode problem = refused("frontdesk", BASE, slip(customer, received, today(), "INTACT", "99", "不想要了"),
                422, "requestedOn", "seven-day-period");
        assertThat(problem.get("detail").asString()).contains(received.plusDays(7).toString());
        assertThat(rows("return_slip", customer)).isZero();
    }

    @Test
    void damagedOrIncompleteGoodsAreNoNoReasonReturn() {
        long customer = newCustomer();
        refused("frontdesk", BASE, slip(customer, today(), today(), "DAMAGED", "99", null), 422, "goodsCondition", "goods-condition");
        refused("frontdesk", BASE, slip(customer, today(), today(), "MISSING_PARTS", "99", null), 422, "goodsCondition", "goods-condition");
        refused("frontdesk", BASE, slip(customer, today(), today(), "INTACT", "-1", null), 422, "refundAmount", "non-negative");
        refused("frontdesk", BASE, slip(customer, today(), today().plusDays(1), "INTACT", "1", null), 422, "requestedOn", "past");
        assertThat(rows("return_slip", customer)).isZero();
    }

    @Test
    void aSlipForOneOfTheCustomersPurchasesTakesItsDates() {
        long customer = newCustomer();
        LocalDate sold = today().minusDays(4);
        Response p = post("/api/v1/customers/" + customer + "/purchases", tokenFor("manager"), j("{'product':'燃气热水器',"
                + "'model':'JSQ30','serialNo':'RQ-1','saleDate':'" + sold + "','deliveryDate':'" + sold.plusDays(1) + "'}"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long purchase = p.json().get("id").asLong();
        JsonNode choices = get(BASE + "/purchase-choices?customerId=" + customer, tokenFor("frontdesk")).json();
        assertThat(choices.get(0).get("purchaseId").asLong()).isEqualTo(purchase);
        assertThat(choices.get(0).get("lastDay").asString()).isEqualTo(sold.plusDays(8).toString());
        JsonNode r = ok("frontdesk", BASE, "{'customerId':" + customer + ",'purchaseId':" + purchase
                + ",'goodsCondition':'INTACT','refundAmount':2999,'refundMethod':'ORIGINAL_PAYMENT'}");
        assertThat(r.get("product").asString()).isEqualTo("燃气热水器");
        assertThat(r.get("serialNo").asString()).isEqualTo("RQ-1");
        assertThat(r.get("purchaseDate").asString()).isEqualTo(sold.toString());
        assertThat(r.get("receivedOn").asString()).isEqualTo(sold.plusDays(1).toString());
        assertThat(r.get("lastDay").asString()).isEqualTo(sold.plusDays(8).toString());
        long stranger = newCustomer();
        refused("frontdesk", BASE, "{'customerId':" + stranger + ",'purchaseId':" + purchase
                + ",'goodsCondition':'INTACT','refundAmount':1,'refundMethod':'CASH'}", 422, "purchaseId", "exists");
    }

    @Test
    void theSummaryTotalsPerMonthProductAndReasonAndTheExport() throws Exception {
        long customer = newCustomer();
        // a far-away month no other test uses, so the totals are exact
        LocalDate day = LocalDate.of(2020, 2, 3);
        String product = "测试品" + customer;
        jdbc.sql("""
                insert into return_slip (code, customer_id, customer_name, product, purchase_date, received_on, requested_on,
                  last_day, reason, goods_condition, refund_amount, refund_method, status, registered_by, registered_by_name,
                  version, created_at, updated_at)
                values (:code, :c, '客户', :p, :d, :d, :d, :d, :reason, 'INTACT', :amount, 'CASH', :status, 1, 'x', 0,
                  current_timestamp, current_timestamp)""")
                .param("code", "THX-" + customer + "-1").param("c", customer).param("p", product).param("d", day)
                .param("reason", null).param("amount", new java.math.BigDecimal("100.50")).param("status", "REFUNDED").update();
        jdbc.sql("""
                insert into return_slip (code, customer_id, customer_name, product, purchase_date, received_on, requested_on,
                  last_day, reason, goods_condition, refund_amount, refund_method, status, registered_by, registered_by_name,
                  version, created_at, updated_at)
                values (:code, :c, '客户', :p, :d, :d, :d, :d, :reason, 'INTACT', :amount, 'CASH', :status, 1, 'x', 0,
                  current_timestamp, current_timestamp)""")
                .param("code", "THX-" + customer + "-2").param("c", customer).param("p", product).param("d", day.plusDays(20))
                .param("reason", "颜色不符").param("amount", new java.math.BigDecimal("50")).param("status", "REFUSED").update();
        Response summary = get(BASE + "/summary?from=2020-02-01&to=2020-03-31", tokenFor("frontdesk"));
        assertThat(summary.body()).as("money keeps two decimals").contains("\"refundTotal\":100.50");
        JsonNode s = summary.json();
        assertThat(s.get("overall").get("slips").asLong()).isEqualTo(2);
        assertThat(s.get("overall").get("refused").asLong()).isEqualTo(1);
        assertThat(s.get("overall").get("refundTotal").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(s.get("byMonth").valueStream().map(t -> t.get("key").asString() + "=" + t.get("slips").asLong()
                + "/" + t.get("refundTotal").decimalValue().stripTrailingZeros().toPlainString()).toList())
                .containsExactly("2020-02=2/100.5");
        assertThat(s.get("byProduct").valueStream().filter(t -> t.get("key").asString().equals(product))
                .map(t -> t.get("slips").asLong()).toList()).containsExactly(2L);
        assertThat(s.get("byReason").valueStream().map(t -> t.get("key").asString() + "=" + t.get("slips").asLong() + "/"
                + t.get("refused").asLong()).toList()).containsExactly("=1/0", "颜色不符=1/1");

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE
                + "/export?from=2020-02-01&to=2020-03-31")).header("Authorization", "Bearer " + tokenFor("frontdesk"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("THX-" + customer + "-1");
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(100.5);
        }
    }
}
