package com.careloop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The development pages in all three languages, and a development from demand to contract through the page forms. */
class ProductPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    long customer() {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面新品客户"
                + UUID.randomUUID().toString().substring(0, 6) + "','kind':'ORGANISATION','phone':'136"
                + String.format("%08d", (long) (Math.random() * 100_000_000L)) + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String today(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 新品研发看板, 样品工艺单 · 物料清单, 关键节点绩效指标",
            "zh-TW, 新品研發看板, 樣品工藝單 · 物料清單, 關鍵節點績效指標",
            "en, New-product development board, Sample process sheet and bill of materials, key-node indicators"})
    void theBoardListDevelopmentAndStatisticsRenderInEveryLanguage(String lang, String board, String sheet,
                                                                  String statistics) {
        long customer = customer();
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/?lang=" + lang);
        s.get("/product-developments/new");
        PageSession.Page created = s.post("/product-developments/new", "customerId", String.valueOf(customer),
                "productName", "页面试制瓶盖", "unit", "个", "firstOrderQuantity", "5000", "requiredOn", today(30));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/product-developments/(\\d+).*", "$1"));
        String number = jdbc.sql("select number from product_development where id = :id").param("id", id)
                .query(String.class).single();
        PageSession.Page b = s.get("/product-developments?customerId=" + customer);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.body()).contains(board).contains(sheet).contains(number).contains("id=\"column-RND_REPORT\"")
                .doesNotContain("??");
        assertThat(s.get("/product-developments/list?customerId=" + customer).body()).contains(number)
                .doesNotContain("??");
        PageSession.Page detail = s.get("/product-developments/" + id);
        assertThat(detail.body()).contains(number).contains("id=\"rnd-form\"").contains(sheet).doesNotContain("??");
        assertThat(s.get("/product-developments/statistics").body()).containsIgnoringCase(statistics)
                .doesNotContain("??");
        assertThat(s.get("/product-developments/" + id + "/forms/demand").body()).contains("页面试制瓶盖")
                .doesNotContain("??");
    }

    @Test
    void aDevelopmentGoesFromDemandToContractThroughThePageFormsAndARefusalIsAMessage() {
        long customer = customer();
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/product-developments/new");
        long id = Long.parseLong(s.post("/product-developments/new", "customerId", String.valueOf(customer),
                "productName", "页面耐热杯", "unit", "个", "requirements", "耐 100 ℃").location()
                .replaceAll(".*/product-developments/(\\d+).*", "$1"));
        String base = "/product-developments/" + id;
        // out of order: a message on the page, nothing done
        PageSession.Page refused = s.post(base + "/pilot", "runOn", today(0), "quantityRun", "10", "quantityGood", "9");
        assertThat(refused.location()).endsWith(base);
        assertThat(s.get(base).body()).contains("flash error");
        assertThat(s.post(base + "/rnd-report", "summary", "小样耐热合格", "feasible", "true").status()).isEqualTo(302);
        assertThat(s.get(base).body()).contains("flash success");
        // a BOM row without quantity is named; blank rows are ignored
        PageSession.Page noQuantity = s.post(base + "/process-sheet", "process", "注塑", "component", "PP", "quantity",
                "0.02", "unit", "kg", "component", "", "quantity", "", "unit", "", "component", "色母", "quantity", "",
                "unit", "kg");
        assertThat(noQuantity.status()).as(noQuantity.body()).isEqualTo(302);
        String afterRefusal = s.get(base).body();
        assertThat(afterRefusal).contains("bom[1].quantity");
        assertThat(s.post(base + "/process-sheet", "process", "注塑", "spec", "350ml", "component", "PP", "quantity",
                "0.02", "unit", "kg", "component", "色母", "quantity", "0.0005", "unit", "kg").status()).isEqualTo(302);
        assertThat(s.post(base + "/pilot", "runOn", today(0), "quantityRun", "500", "quantityGood", "480").status())
                .isEqualTo(302);
        assertThat(s.post(base + "/cost", "unitCost", "12", "unitCost", "40", "labourCost", "0.05", "overheadCost",
                "0.03").status()).isEqualTo(302);
        // 0.02 × 12 + 0.0005 × 40 + 0.05 + 0.03 = 0.34; × 500 / 480 = 0.3542
        assertThat(s.get(base).body()).contains("0.3542");
        assertThat(s.post(base + "/quotation", "minQuantity", "1000", "unitPrice", "0.45", "minQuantity", "",
                "unitPrice", "", "validUntil", today(20)).status()).isEqualTo(302);
        assertThat(s.post(base + "/quotation/sent", "sentOn", today(0), "sentTo", "采购").status()).isEqualTo(302);
        assertThat(s.post(base + "/answer", "accepted", "true", "answeredOn", today(0), "quantity", "3000",
                "deliveryDate", today(30)).status()).isEqualTo(302);
        String page = s.get(base).body();
        assertThat(page).contains("id=\"development-contract\"").contains("/contracts/");
        assertThat(jdbc.sql("select contract_id from product_development where id = :id").param("id", id)
                .query(Long.class).single()).isNotNull();
    }
}
