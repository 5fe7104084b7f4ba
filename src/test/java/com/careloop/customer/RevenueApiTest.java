package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.customer.revenue.RevenueService;
import com.careloop.support.Multipart;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Yearly revenue through the API, its import, and the 70% ranking through API, page and RevenueRanking. */
class RevenueApiTest extends ExcelApiTestBase {

    @Autowired
    RevenueRanking revenueRanking;

    /**
     * Years handed out once each, well after the ones other tests write (this year and a few back), so a
     * ranking holds only the calling test's customers. Static: one sequence per JVM, i.e. per database.
     */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2050);

    /** A year no other test uses, so the ranking holds only this test's customers. */
    static int freshYear() {
        int year = NEXT_YEAR.getAndIncrement();
        if (year > RevenueService.MAX_YEAR) {
            throw new IllegalStateException("no fresh revenue year left (past " + RevenueService.MAX_YEAR + ")");
        }
        return year;
    }

    long customer(String name) {
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'ORGANISATION',"
                + "'confirmDuplicate':true}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().get("id").asLong();
    }

    String code(long id) {
        return get("/api/v1/customers/" + id, tokenFor("manager")).json().get("code").asString();
    }

    @Test
    void revenueIsSetPerYearReadBackAndValidated() {
        long id = customer("收入" + unique());
        String token = tokenFor("manager");
        Response put = put("/api/v1/customers/" + id + "/revenue/2026", token,
                j("{'amount':125000.50,'orderCount':12,'lastOrderDate':'2026-11-20'}"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put("/api/v1/customers/" + id + "/revenue/2025", token, j("{'amount':90000}")).status()).isEqualTo(200);
        // a second PUT replaces the year
        assertThat(put("/api/v1/customers/" + id + "/revenue/2025", token, j("{'amount':95000,'orderCount':3}")).status())
                .isEqualTo(200);
        JsonNode years = get("/api/v1/customers/" + id + "/revenue", token).json();
        assertThat(years).hasSize(2);
        assertThat(years.get(0).get("year").asInt()).isEqualTo(2026);
        assertThat(years.get(0).get("amount").decimalValue()).isEqualByComparingTo("125000.50");
        assertThat(years.get(0).get("lastOrderDate").asString()).isEqualTo("2026-11-20");
        assertThat(years.get(1).get("amount").decimalValue()).isEqualByComparingTo("95000");
        assertThat(years.get(1).get("orderCount").asInt()).isEqualTo(3);

        Response negative = put("/api/v1/customers/" + id + "/revenue/2026", token, j("{'amount':-1}"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        Response badYear = put("/api/v1/customers/" + id + "/revenue/1800", token, j("{'amount':1}"));
        assertThat(badYear.status()).isEqualTo(422);
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
        Response outOfYear = put("/api/v1/customers/" + id + "/revenue/2026", token,
                j("{'amount':1,'lastOrderDate':'2025-01-01'}"));
        assertThat(outOfYear.json().get("errors").get(0).get("field").asString()).isEqualTo("lastOrderDate");
        assertThat(put("/api/v1/customers/987654321/revenue/2026", token, j("{'amount':1}")).status()).isEqualTo(404);
        // the customer 360 page shows the years to those with customer:revenue only
        PageSession manager = new PageSession(port);
        manager.login("manager", DEMO_PASSWORD);
        assertThat(manager.get("/customers/" + id).body()).contains("id=\"customer-revenue\"").contains("125,000.50")
                .contains("id=\"revenue-form\"");
        PageSession frontdesk = new PageSession(port);
        frontdesk.login("frontdesk", DEMO_PASSWORD);
        assertThat(frontdesk.get("/customers/" + id).body()).contains("收入").doesNotContain("customer-revenue");
        assertThat(get("/api/v1/customers/" + id + "/revenue", tokenFor("frontdesk")).status()).isEqualTo(403);
        // the write is audited per customer and year
        JsonNode audit = get("/api/v1/audit-events/customer-revenue/" + id + "-2025", token).json();
        assertThat(audit).extracting(a -> a.get("action").asString()).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void theRankingMarksTheCustomersMakingUpSeventyPercent() {
        int year = freshYear();
        String u = unique();
        long a = customer("排名甲" + u);
        long b = customer("排名乙" + u);
        long c = customer("排名丙" + u);
        long d = customer("排名丁" + u);
        String token = tokenFor("manager");
        // 400 + 300 = exactly 70% of 1000: A and B are in, C is not
        put("/api/v1/customers/" + a + "/revenue/" + year, token, j("{'amount':400}"));
        put("/api/v1/customers/" + b + "/revenue/" + year, token, j("{'amount':300}"));
        put("/api/v1/customers/" + c + "/revenue/" + year, token, j("{'amount':200}"));
        put("/api/v1/customers/" + d + "/revenue/" + year, token, j("{'amount':100}"));
        JsonNode ranking = get("/api/v1/customers/revenue-ranking?year=" + year, token).json();
        assertThat(ranking.get("total").decimalValue()).isEqualByComparingTo("1000");
        assertThat(ranking.get("marked").asInt()).isEqualTo(2);
        List<String> rows = new ArrayList<>();
        ranking.get("rows").forEach(r -> rows.add(r.get("customerId").asLong() + ":" + r.get("share").decimalValue()
                .stripTrailingZeros().toPlainString() + ":" + r.get("cumulativeShare").decimalValue().stripTrailingZeros()
                .toPlainString() + ":" + r.get("marked").asBoolean()));
        assertThat(rows).containsExactly(a + ":0.4:0.4:true", b + ":0.3:0.7:true", c + ":0.2:0.9:false",
                d + ":0.1:1:false");
        assertThat(revenueRanking.customersMakingUp(year, new BigDecimal("0.70"))).containsExactly(a, b);
        assertThat(revenueRanking.customersMakingUp(year, new BigDecimal("0.71"))).containsExactly(a, b, c);
        assertThat(revenueRanking.customersMakingUp(freshYear(), new BigDecimal("0.70"))).isEmpty();

        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        String page = s.get("/customers/revenue-ranking?year=" + year).body();
        assertThat(page).contains("排名甲" + u).contains("data-code=\"" + code(a) + "\" data-marked=\"true\"")
                .contains("data-code=\"" + code(c) + "\" data-marked=\"false\"");
        var export = s.download("/customers/revenue-ranking/export?year=" + year);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().length).isGreaterThan(1000);
        assertThat(get("/api/v1/customers/revenue-ranking?year=" + year, tokenFor("frontdesk")).status()).isEqualTo(403);
    }

    @Test
    void revenueIsImportedFromAWorkbookWithRowErrors() {
        int year = freshYear();
        String u = unique();
        long a = customer("收入导入甲" + u);
        long b = customer("收入导入乙" + u);
        byte[] file = xlsx(List.of("客户编号", "年度", "收入金额", "订单数", "最后订单日期"), List.of(
                new Object[] {code(a), year, new BigDecimal("800.00"), 5, year + "-06-30"},  // row 2
                new Object[] {code(b), year, new BigDecimal("-5"), 1, null},                  // row 3: negative
                new Object[] {"KH-NONE-" + u, year, 10, null, null},                        // row 4: unknown code
                new Object[] {code(b), year, 200, "三", null},                                // row 5: orders not a number
                new Object[] {code(b), year, 200, 2, null}));                                 // row 6
        Response r = upload("/api/v1/customers/revenue-imports", tokenFor("manager"), "r.xlsx", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(errors).containsExactly("3 收入金额", "4 客户编号", "5 订单数");
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        assertThat(revenueRanking.customersMakingUp(year, new BigDecimal("0.70"))).containsExactly(a);
        assertThat(get("/api/v1/customers/" + b + "/revenue", tokenFor("manager")).json().get(0).get("amount")
                .decimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void theImportPageShowsTheReportAndOffersItAsAWorkbook() throws Exception {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/customers/import");
        String name = "页面导入" + unique();
        byte[] file = xlsx(HEADERS, List.of(new Object[] {name, "单位客户", mobile(), null, null, null},
                new Object[] {"页面错行" + unique(), "单位客户", "999", null, null, null}));
        var r = s.postMultipart("/customers/import", new Multipart().file("file", "c.xlsx", "application/octet-stream", file));
        assertThat(r.status()).isEqualTo(302);
        String page = s.get("/customers/import").body();
        assertThat(page).contains("id=\"import-summary\"").contains("id=\"import-errors-table\"").contains("电话格式不正确")
                .doesNotContain("flash error");
        var errors = s.download("/customers/import/errors");
        try (var wb = workbook(errors.body())) {
            assertThat(cells(wb.getSheetAt(0).getRow(1))).startsWith("3.0", "电话");
        }
        assertThat(found(name)).isEqualTo(1);

        s.get("/customers/import");
        s.postMultipart("/customers/import", new Multipart().file("file", "c.txt", "text/plain", "hello".getBytes()));
        assertThat(s.get("/customers/import").body()).contains("flash error").contains(".xlsx");
    }
}
