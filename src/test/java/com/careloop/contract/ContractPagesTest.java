package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contract pages in all three languages, and registration, submission and a refused step through the forms. */
class ContractPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    long customerId() {
        return jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();
    }

    static String day(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 合同登记表, 合同明细, 特殊合同, 会签中, 合同评审表, 登记合同/订单",
            "zh-TW, 合約登記表, 合約明細, 特殊合約, 會簽中, 合約評審表, 登記合約/訂單",
            "en, Contract register, Lines, Special contract, Countersign under way, Contract review form, Register a contract / order"})
    void registerContractNewFormAndReviewFormRenderInEveryLanguage(String lang, String register, String lines,
                                                                   String special, String stage, String form,
                                                                   String newTitle) {
        Response r = post("/api/v1/contracts", tokenFor("sales"), j("{'customerId':" + customerId() + ",'source':'WEB',"
                + "'contractClass':'SPECIAL','orderDate':'" + day(0) + "','deliveryDate':'" + day(20) + "',"
                + "'lines':[{'product':'页面测试纸箱','spec':'A4','quantity':10,'unit':'只','unitPrice':3.5}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String number = r.json().get("number").asString();
        assertThat(post("/api/v1/contracts/" + id + "/submit", tokenFor("sales"), null).status()).isEqualTo(200);

        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page list = s.get("/contracts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"contracts\"", register, number).doesNotContain("??");
        assertThat(s.get("/contracts?q=" + number + "&status=UNDER_REVIEW&reviewStage=COUNTERSIGN&from=" + day(-1))
                .body()).contains(number);
        PageSession.Page detail = s.get("/contracts/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(number, lines, special, stage, "页面测试纸箱", "35.00", "id=\"contract-reviews\"",
                "id=\"sign-form\"").doesNotContain("??");
        assertThat(s.get("/contracts/" + id + "/review-form").body()).contains(form, "R-QP-005-06", number)
                .doesNotContain("??");
        assertThat(s.get("/contracts/new?customer=" + "有限公司").body()).contains(newTitle, "id=\"contract-form\"")
                .doesNotContain("??");
    }

    @Test
    void salesRegistersAndSubmitsThroughTheFormsAndABadLineComesBackAsAReadableMessage() {
        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        s.get("/contracts/new");
        String customerNumber = "PG-" + UUID.randomUUID().toString().substring(0, 6);
        PageSession.Page bad = s.post("/contracts/new", "customerId", String.valueOf(customerId()),
                "customerNumber", customerNumber, "source", "PHONE", "contractClass", "REGULAR",
                "orderDate", day(0), "deliveryDate", day(10), "product", "纸箱", "spec", "", "quantity", "10",
                "unit", "只", "unitPrice", "1.999", "remark", "");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(bad.location()).endsWith("/contracts/new");
        assertThat(s.get("/contracts/new").body()).contains("第 1 行单价", "2 位小数");
        PageSession.Page created = s.post("/contracts/new", "customerId", String.valueOf(customerId()),
                "customerNumber", customerNumber, "source", "PHONE", "contractClass", "REGULAR",
                "orderDate", day(0), "deliveryDate", day(10), "product", "纸箱", "spec", "", "quantity", "10",
                "unit", "只", "unitPrice", "1.99", "remark", "", "product", "", "spec", "", "quantity", "",
                "unit", "", "unitPrice", "", "remark", "");
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/contracts/(\\d+).*", "$1"));
        assertThat(s.get("/contracts/" + id).body()).contains(customerNumber, "19.90", "id=\"submit-form\"");
        PageSession.Page attached = s.postMultipart("/contracts/" + id + "/files", new com.careloop.support.Multipart()
                .field("slot", "DRAWING").file("file", "图纸.pdf", "application/pdf",
                        "%PDF-1.4\n%drawing\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(attached.status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("图纸.pdf", "图纸/技术资料");
        // a phone order: submitting before the customer's confirmation is refused with a message
        assertThat(s.post("/contracts/" + id + "/submit").status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("尚未经客户确认", "id=\"confirmation-prepare\"");
        assertThat(s.post("/contracts/" + id + "/order-confirmation", "agreedWith", "采购王经理", "agreedOn", day(0),
                "summary", "电话商定", "email", "", "language", "zh-CN").status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("confirmation-url", "/public/order-confirmations/",
                "待客户确认", "id=\"confirmation-document\"");
        assertThat(s.postMultipart("/contracts/" + id + "/order-confirmation/document", new com.careloop.support.Multipart()
                .field("method", "SIGNED_SCAN").file("file", "回传.pdf", "application/pdf",
                        "%PDF-1.4\n%signed\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).status())
                .isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("客户已确认", "客户签字传真/扫描件");
        assertThat(s.post("/contracts/" + id + "/submit").status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("id=\"sign-form\"").doesNotContain("id=\"submit-form\"");
        // signing production's aspect is refused with a message on the page
        s.post("/contracts/" + id + "/sign", "aspect", "CAPACITY_DELIVERY", "verdict", "ACCEPT");
        assertThat(s.get("/contracts/" + id).body()).contains("不是您负责评审的内容");
        s.post("/contracts/" + id + "/sign", "aspect", "QUANTITY_PRICE_PAYMENT", "verdict", "ACCEPT");
        assertThat(s.get("/contracts/" + id).body()).contains("钱晓东 · ");
    }

    @Test
    void theHomePageCountsOutcomesToDecideAndInconsistenciesToSettleAndTheGlobalSearchFindsAContract() {
        PageSession gm = new PageSession(port);
        gm.login("gm", DEMO_PASSWORD);
        assertThat(gm.get("/").body()).contains("id=\"work-contract-outcomes\"", "等待评审结论的合同");
        PageSession sales = new PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        assertThat(sales.get("/").body()).contains("id=\"work-contract-inconsistencies\"");

        Response r = post("/api/v1/contracts", tokenFor("sales"), j("{'customerId':" + customerId() + ",'source':'WEB',"
                + "'contractClass':'REGULAR','orderDate':'" + day(0) + "','deliveryDate':'" + day(5) + "',"
                + "'lines':[{'product':'搜索纸箱','quantity':1,'unit':'只','unitPrice':1}]}"));
        String number = r.json().get("number").asString();
        assertThat(get("/api/v1/search?q=" + number, tokenFor("sales")).json().get("hits").toString()).contains(number);
        assertThat(get("/api/v1/search?q=" + number, tokenFor("frontdesk")).json().get("hits").size()).isZero();
    }
}
