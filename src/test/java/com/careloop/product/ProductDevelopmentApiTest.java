package com.careloop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.ReportPeriod;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Custom new-product development over HTTP (H2 and PostgreSQL): the seven nodes in order up to the accepted
 * quotation and the special contract review it starts, out of order and stale versions refused (409), a BOM line
 * without quantity (422 naming it, nothing saved), a node of another department refused, the board, the key-node
 * statistics with their export and the printed forms.
 */
class ProductDevelopmentApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/product-developments";

    @Autowired
    JdbcClient jdbc;

    long customer() {
        String name = "新品客户" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    JsonNode start(long customer) {
        Response r = post(BASE, tokenFor("admin"), j("{'customerId':" + customer + ",'demand':{'productName':"
                + "'耐酸瓶盖内垫','application':'香醋瓶盖密封','firstOrderQuantity':60000,'annualQuantity':500000,"
                + "'unit':'片','targetPrice':0.30,'requiredOn':'" + today(60) + "','requirements':'耐醋酸，无异味'}}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String path, String body) {
        Response r = post(BASE + path, tokenFor("admin"), j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode throughPilot(long id) {
        step("/" + id + "/rnd-report", "{'summary':'三种配方小样，B 配方耐酸 72 h 无溶胀','testResults':'溶胀率 0.8%',"
                + "'feasible':true,'conclusion':'采用 B 配方'}");
        step("/" + id + "/process-sheet", "{'process':'混料 → 挤出 → 冲切 → 检验','spec':'Φ28×1.2 mm','bom':["
                + "{'component':'PE 粒料','quantity':0.012,'unit':'kg'},{'component':'EPE 发泡层','quantity':1,"
                + "'unit':'片'}]}");
        return step("/" + id + "/pilot", "{'runOn':'" + today(0) + "','quantityRun':2000,'quantityGood':1900,"
                + "'defects':'毛边 60，厚度超差 40','conclusion':'可量产'}");
    }

    String node(JsonNode d, String node, String field) {
        return d.get("nodes").valueStream().filter(n -> n.get("node").asString().equals(node)).findFirst()
                .orElseThrow().get(field).asString();
    }

    @Test
    void aDevelopmentRunsItsSevenNodesAndTheAcceptedQuotationStartsASpecialContractReview() {
        long customer = customer();
        JsonNode d = start(customer);
        long id = d.get("id").asLong();
        assertThat(d.get("number").asString()).matches("XP\\d{4}-\\d{5}");
        assertThat(d.get("currentNode").asString()).isEqualTo("RND_REPORT");
        assertThat(node(d, "DEMAND", "status")).isEqualTo("DONE");
        assertThat(node(d, "RND_REPORT", "status")).isEqualTo("OPEN");
        assertThat(node(d, "RND_REPORT", "departmentName")).isEqualTo("技术部");
        assertThat(node(d, "RND_REPORT", "dueOn")).isGreaterThan(today(0));
        // the board shows it in R&D's column
        JsonNode board = get(BASE + "/board?customerId=" + customer, tokenFor("admin")).json();
        JsonNode rnd = board.valueStream().filter(c -> c.get("node").asString().equals("RND_REPORT")).findFirst()
                .orElseThrow();
        assertThat(rnd.get("rows").valueStream().map(r -> r.get("id").asLong()).toList()).containsExactly(id);

        d = throughPilot(id);
        assertThat(d.get("pilot").get("yieldPercent").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(node(d, "PILOT", "departmentName")).isEqualTo("生产部");
        d = step("/" + id + "/cost", "{'unitCosts':[11.50,0.035],'labourCost':0.02,'overheadCost':0.015}");
        assertThat(d.get("cost").get("materialCost").decimalValue()).isEqualByComparingTo("0.173");
        assertThat(d.get("cost").get("unitCost").decimalValue()).isEqualByComparingTo("0.208");
        assertThat(d.get("cost").get("costPerGoodUnit").decimalValue()).isEqualByComparingTo("0.2189");
        d = step("/" + id + "/quotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.32},{'minQuantity':50000,"
                + "'unitPrice':0.29}],'validUntil':'" + today(30) + "','terms':'含税，运费另计'}");
        assertThat(d.get("currentNode").asString()).isEqualTo("CUSTOMER_ANSWER");
        // no answer before the quotation reached the customer
        Response early = post(BASE + "/" + id + "/answer", tokenFor("admin"), j("{'accepted':true,'answeredOn':'"
                + today(0) + "','quantity':60000,'deliveryDate':'" + today(45) + "'}"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("product.quotation-not-sent");
        d = step("/" + id + "/quotation/sent", "{'sentOn':'" + today(0) + "','sentTo':'采购部 王经理'}");
        assertThat(d.get("quotation").get("sentTo").asString()).isEqualTo("采购部 王经理");
        d = step("/" + id + "/answer", "{'accepted':true,'answeredOn':'" + today(0) + "','quantity':60000,"
                + "'deliveryDate':'" + today(45) + "'}");
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("answer").get("unitPrice").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(d.get("contractNumber").isNull()).isFalse();
        long contractId = d.get("contractId").asLong();

        JsonNode contract = get("/api/v1/contracts/" + contractId, tokenFor("admin")).json();
        assertThat(contract.get("source").asString()).isEqualTo("QUOTATION");
        assertThat(contract.get("contractClass").asString()).isEqualTo("SPECIAL");
        assertThat(contract.get("status").asString()).isNotEqualTo("REGISTERED");
        assertThat(contract.get("customerId").asLong()).isEqualTo(customer);
        JsonNode line = contract.get("lines").get(0);
        assertThat(line.get("product").asString()).isEqualTo("耐酸瓶盖内垫");
        assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo("60000");
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(line.get("remark").asString()).as("the contract names the development")
                .isEqualTo(d.get("number").asString());
        assertThat(jdbc.sql("select action from audit_event where record_type = 'product-development'"
                + " and record_id = :id order by id").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("CREATE", "COMPLETE_RND_REPORT", "COMPLETE_PROCESS_BOM", "COMPLETE_PILOT",
                        "COMPLETE_COST", "COMPLETE_QUOTATION", "SEND_QUOTATION", "ACCEPTED", "CONTRACT_REVIEW");
        // the ended development takes no further step
        assertThat(post(BASE + "/" + id + "/quotation/sent", tokenFor("admin"), j("{'sentOn':'" + today(0) + "'}"))
                .status()).isEqualTo(409);
    }

    @Test
    void aNodeCompletedOutOfOrderIsRefusedWith409AndNothingChanges() {
        long id = start(customer()).get("id").asLong();
        Response r = post(BASE + "/" + id + "/pilot", tokenFor("admin"), j("{'runOn':'" + today(0)
                + "','quantityRun':100,'quantityGood':90}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("product.node-out-of-order");
        JsonNode d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(node(d, "PILOT", "status")).isEqualTo("WAITING");
        assertThat(d.get("pilot").isNull()).isTrue();
    }

    @Test
    void aBomLineWithoutQuantityIsA422NamingItAndNothingIsSaved() {
        long id = start(customer()).get("id").asLong();
        step("/" + id + "/rnd-report", "{'summary':'小样合格','feasible':true}");
        long version = get(BASE + "/" + id, tokenFor("admin")).json().get("version").asLong();
        Response r = post(BASE + "/" + id + "/process-sheet", tokenFor("admin"), j("{'process':'注塑','bom':["
                + "{'component':'PP','quantity':0.01,'unit':'kg'},{'component':'色母','quantity':0.001,'unit':'kg'},"
                + "{'component':'垫片','unit':'片'}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("bom[2].quantity");
        for (String[] c : List.of(new String[] {"{'process':'注塑','bom':[]}", "bom"},
                new String[] {"{'process':'注塑','bom':[{'component':'PP','quantity':0,'unit':'kg'}]}",
                        "bom[0].quantity"},
                new String[] {"{'bom':[{'component':'PP','quantity':1,'unit':'kg'}]}", "process"})) {
            Response bad = post(BASE + "/" + id + "/process-sheet", tokenFor("admin"), j(c[0]));
            assertThat(bad.status()).as(bad.body()).isEqualTo(422);
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
        }
        JsonNode d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("version").asLong()).isEqualTo(version);
        assertThat(d.get("processSheet").isNull()).isTrue();
        assertThat(node(d, "PROCESS_BOM", "status")).isEqualTo("OPEN");
    }

    @Test
    void aStaleVersionIsRefusedWith409() {
        JsonNode d = start(customer());
        long id = d.get("id").asLong();
        long seen = d.get("version").asLong();
        step("/" + id + "/rnd-report", "{'summary':'小样合格','feasible':true,'version':" + seen + "}");
        Response r = post(BASE + "/" + id + "/process-sheet", tokenFor("admin"), j("{'process':'注塑','bom':["
                + "{'component':'PP','quantity':1,'unit':'kg'}],'version':" + seen + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
    }

    @Test
    void onlyTheOwnerDepartmentCompletesItsNodeAndAViewerCannotStartOne() {
        long customer = customer();
        long id = start(customer).get("id").asLong();
        // sales may develop by role but the R&D report belongs to the technical department
        Response r = post(BASE + "/" + id + "/rnd-report", tokenFor("sales"), j("{'summary':'x','feasible':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("product.not-your-node");
        assertThat(post(BASE, tokenFor("gm"), j("{'customerId':" + customer + "}")).status()).isEqualTo(403);
        // bad demand: 422 naming the field
        Response bad = post(BASE, tokenFor("admin"), j("{'customerId':" + customer + ",'demand':{'productName':'盖',"
                + "'unit':'个','firstOrderQuantity':0}}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("demand.firstOrderQuantity");
    }

    @Test
    void aRejectedQuotationEndsTheDevelopmentWithoutAContract() {
        long id = start(customer()).get("id").asLong();
        throughPilot(id);
        step("/" + id + "/cost", "{'unitCosts':[10,0.03],'labourCost':0.02,'overheadCost':0.01}");
        step("/" + id + "/quotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.35}],'validUntil':'" + today(10)
                + "'}");
        step("/" + id + "/quotation/sent", "{'sentOn':'" + today(0) + "'}");
        JsonNode d = step("/" + id + "/answer", "{'accepted':false,'answeredOn':'" + today(0) + "','note':'价格偏高'}");
        assertThat(d.get("status").asString()).isEqualTo("REJECTED");
        assertThat(d.get("contractId").isNull()).isTrue();
        assertThat(d.get("answer").get("note").asString()).isEqualTo("价格偏高");
    }

    @Test
    void theKeyNodeStatisticsCountLeadTimesAndOnTimeRatesAndExportAndTheFormsPrint() throws Exception {
        long id = start(customer()).get("id").asLong();
        throughPilot(id);
        step("/" + id + "/cost", "{'unitCosts':[11.50,0.035],'labourCost':0.02,'overheadCost':0.015}");
        step("/" + id + "/quotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.32}],'validUntil':'" + today(30)
                + "'}");
        JsonNode s = get(BASE + "/statistics?from=" + today(0) + "&to=" + today(0), tokenFor("admin")).json();
        assertThat(s.get("started").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode pilot = s.get("nodes").valueStream().filter(n -> n.get("node").asString().equals("PILOT"))
                .findFirst().orElseThrow();
        assertThat(pilot.get("completed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(pilot.get("averageWorkingDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(pilot.get("onTimeRate").decimalValue()).isEqualByComparingTo("100");
        assertThat(s.get("departments").valueStream().map(x -> x.get("departmentName").asString()).toList())
                .contains("技术部", "生产部", "财务部");
        Response xlsx = get(BASE + "/statistics/export?from=" + today(0) + "&to=" + today(0), tokenFor("admin"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
        // the register as a workbook: the list's filters, one line per development
        String numberOf = get(BASE + "/" + id, tokenFor("admin")).json().get("number").asString();
        Response register = get(BASE + "/export?q=" + numberOf, tokenFor("admin"));
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.header("Content-Type")).contains("spreadsheetml");
        com.careloop.support.PageSession admin = new com.careloop.support.PageSession(port);
        admin.login("admin", ADMIN_PASSWORD);
        var file = admin.download("/product-developments/list/export?q=" + numberOf);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(numberOf);
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("报价送达 · 顾客答复");
        }
        Response backwards = get(BASE + "/statistics?from=" + today(0) + "&to=" + today(-1), tokenFor("admin"));
        assertThat(backwards.status()).isEqualTo(422);
        String number = get(BASE + "/" + id, tokenFor("admin")).json().get("number").asString();
        for (String form : List.of("demand", "process-sheet", "quotation")) {
            PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/forms/" + form + ".pdf",
                    tokenFor("admin"), null, number);
            assertThat(pdf.text()).as(form).contains(number);
        }
        assertThat(PrintedPdf.fetch(http, port, BASE + "/" + id + "/forms/process-sheet.pdf", tokenFor("admin"), null,
                number).text()).contains("PE 粒料");
        assertThat(get(BASE + "/" + start(customer()).get("id").asLong() + "/forms/quotation.pdf", tokenFor("admin"))
                .status()).as("no quotation yet").isEqualTo(404);
    }

    // ---- slice 2: the quotation by personal link, re-quotation, figures -------------------------------------------

    @Autowired
    List<FigureSource> figureSources;

    long quoted(long customer, int validDays) {
        long id = start(customer).get("id").asLong();
        throughPilot(id);
        step("/" + id + "/cost", "{'unitCosts':[11.50,0.035],'labourCost':0.02,'overheadCost':0.015}");
        step("/" + id + "/quotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.32},{'minQuantity':50000,"
                + "'unitPrice':0.29}],'validUntil':'" + today(validDays) + "','terms':'含税'}");
        return id;
    }

    JsonNode link(long id, String body) {
        Response r = post(BASE + "/" + id + "/quotation/link", tokenFor("admin"), body == null ? null : j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String path(String url) {
        return url.replaceAll("^https?://[^/]+", "");
    }

    @Test
    void theCustomerAcceptsTheQuotationOnceThroughTheLinkAndTheSpecialContractReviewStarts() {
        long id = quoted(customer(), 20);
        JsonNode link = link(id, "{'email':'buyer@hengshun.example','language':'en'}");
        assertThat(link.get("expiresOn").asString()).as("valid through the quotation's last day").isEqualTo(today(20));
        String url = path(link.get("url").asString());
        assertThat(url).startsWith("/public/product-quotations/");
        JsonNode d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("quotation").get("sentTo").asString()).as("recorded as sent").isEqualTo("buyer@hengshun.example");
        assertThat(jdbc.sql("select action from audit_event where record_type = 'product-development' and record_id = :id"
                + " order by id").param("id", String.valueOf(id)).query(String.class).list())
                .contains("ISSUE_CUSTOMER_LINK", "QUOTATION_LINK", "MAIL_CUSTOMER_LINK");

        PageSession customer = new PageSession(port);
        PageSession.Page page = customer.get(url);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("quotation-answer-form").contains("耐酸瓶盖内垫").contains("0.29")
                .as("nothing internal").doesNotContain("0.2189").doesNotContain("??");
        // below the lowest tier: 422 naming the rule, nothing saved, the link still open
        PageSession.Page bad = customer.post(url, "accepted", "true", "quantity", "500", "deliveryDate", today(40));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(get(BASE + "/" + id, tokenFor("admin")).json().get("status").asString()).isEqualTo("IN_PROGRESS");
        PageSession.Page ok = customer.post(url, "accepted", "true", "quantity", "60000", "deliveryDate", today(40),
                "note", "请按期交货");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("quotation-public-thanks");
        d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("answer").get("unitPrice").decimalValue()).isEqualByComparingTo("0.29");
        assertThat(node(d, "CUSTOMER_ANSWER", "completedByName")).isEqualTo("顾客（个人链接）");
        long contractId = d.get("contractId").asLong();
        JsonNode contract = get("/api/v1/contracts/" + contractId, tokenFor("admin")).json();
        assertThat(contract.get("contractClass").asString()).isEqualTo("SPECIAL");
        assertThat(contract.get("status").asString()).as("submitted to the countersign").isNotEqualTo("REGISTERED");
        assertThat(contract.get("lines").get(0).get("remark").asString()).isEqualTo(d.get("number").asString());
        // twice: 409 and the polite page
        PageSession.Page again = customer.post(url, "accepted", "false", "note", "改主意了");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("quotation-public-answered");
        assertThat(get(BASE + "/" + id, tokenFor("admin")).json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(customer.get("/public/product-quotations/unknown-token").body())
                .contains("quotation-public-unknown");
    }

    @Test
    void aRejectionByLinkNeedsTheReasonAndTheQuotationIsQuotedAgainAsANewRevision() {
        long id = quoted(customer(), 20);
        String first = path(link(id, null).get("url").asString());
        PageSession customer = new PageSession(port);
        customer.get(first);
        PageSession.Page noReason = customer.post(first, "accepted", "false");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(customer.post(first, "accepted", "false", "note", "单价高于目标价").status()).isEqualTo(200);
        JsonNode d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("status").asString()).isEqualTo("REJECTED");
        assertThat(d.get("contractId").isNull()).isTrue();
        // the re-quotation: bad tiers 422, then revision 2 with the old one kept
        Response bad = post(BASE + "/" + id + "/requotation", tokenFor("admin"), j("{'tiers':[{'minQuantity':0,"
                + "'unitPrice':0.3}],'validUntil':'" + today(15) + "'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("tiers[0].minQuantity");
        d = step("/" + id + "/requotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.30},{'minQuantity':50000,"
                + "'unitPrice':0.27}],'validUntil':'" + today(15) + "','version':" + d.get("version").asLong() + "}");
        assertThat(d.get("quotationRevision").asInt()).isEqualTo(2);
        assertThat(d.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(d.get("currentNode").asString()).isEqualTo("CUSTOMER_ANSWER");
        assertThat(d.get("quotation").get("tiers").get(1).get("unitPrice").decimalValue()).isEqualByComparingTo("0.27");
        assertThat(d.get("quotation").get("sentOn").isNull()).isTrue();
        JsonNode earlier = d.get("earlierQuotations").get(0);
        assertThat(earlier.get("revision").asInt()).isEqualTo(1);
        assertThat(earlier.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(earlier.get("answer").get("note").asString()).isEqualTo("单价高于目标价");
        assertThat(earlier.get("quotation").get("tiers").get(1).get("unitPrice").decimalValue())
                .isEqualByComparingTo("0.29");
        // not again while the new one is awaited and valid
        Response early = post(BASE + "/" + id + "/requotation", tokenFor("admin"), j("{'tiers':[{'minQuantity':1,"
                + "'unitPrice':0.3}],'validUntil':'" + today(15) + "'}"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("product.requote-not-allowed");
        // the first link does not answer the new revision; a new link does
        assertThat(customer.get(first).body()).contains("quotation-public-answered");
        String second = path(link(id, null).get("url").asString());
        PageSession.Page page = customer.get(second);
        assertThat(page.body()).contains("0.27");
        assertThat(customer.post(second, "accepted", "true", "quantity", "50000", "deliveryDate", today(30))
                .status()).isEqualTo(200);
        d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("answer").get("unitPrice").decimalValue()).isEqualByComparingTo("0.27");
    }

    @Test
    void anExpiredQuotationIsQuotedAgainAndItsLinkSaysExpired() {
        long id = quoted(customer(), 20);
        String url = path(link(id, null).get("url").asString());
        PageSession customer = new PageSession(port);
        assertThat(customer.get(url).body()).contains("quotation-answer-form");
        // the quotation's validity and its link's last day pass (moved back in the data, as time would)
        String old = today(20);
        jdbc.sql("update product_development_node set form = replace(form, :old, :past) where development_id = :id"
                + " and node = 'QUOTATION'").param("old", "\"validUntil\":\"" + old + "\"")
                .param("past", "\"validUntil\":\"" + today(-1) + "\"").param("id", id).update();
        jdbc.sql("update customer_link set expires_on = :past where purpose = 'product-development' and record_id = :id")
                .param("past", LocalDate.parse(today(-1))).param("id", id).update();
        JsonNode d = get(BASE + "/" + id, tokenFor("admin")).json();
        assertThat(d.get("quotationExpired").asBoolean()).isTrue();
        assertThat(customer.get(url).body()).contains("quotation-public-expired");
        PageSession.Page late = customer.post(url, "accepted", "true", "quantity", "60000", "deliveryDate", today(30));
        assertThat(late.status()).isEqualTo(409);
        Response noLink = post(BASE + "/" + id + "/quotation/link", tokenFor("admin"), null);
        assertThat(noLink.status()).isEqualTo(409);
        assertThat(noLink.json().get("code").asString()).isEqualTo("product.quotation-expired");
        d = step("/" + id + "/requotation", "{'tiers':[{'minQuantity':10000,'unitPrice':0.33}],'validUntil':'"
                + today(10) + "'}");
        assertThat(d.get("quotationRevision").asInt()).isEqualTo(2);
        assertThat(d.get("earlierQuotations").get(0).get("outcome").asString()).isEqualTo("EXPIRED");
        assertThat(d.get("quotationExpired").asBoolean()).isFalse();
    }

    @Test
    void theFiguresCountDevelopmentsWithOverdueNodesAndTheNodeOnTimeRate() {
        long customer = customer();
        long id = start(customer).get("id").asLong();
        step("/" + id + "/rnd-report", "{'summary':'小样合格','feasible':true}");
        FigureQuery q = new FigureQuery(ReportPeriod.day(LocalDate.parse(today(0))), FigureQuery.company(), customer,
                FigureQuery.Purpose.DASHBOARD);
        assertThat(figure(q, "product.overdueDevelopments").value()).isEqualByComparingTo("0");
        Figure rate = figure(q, "product.nodeOnTimeRate");
        assertThat(rate.numerator()).isEqualTo(1);
        assertThat(rate.denominator()).isEqualTo(1);
        jdbc.sql("update product_development_node set due_on = :past where development_id = :id and status = 'OPEN'")
                .param("past", LocalDate.parse(today(-1))).param("id", id).update();
        assertThat(figure(q, "product.overdueDevelopments").value()).isEqualByComparingTo("1");
        assertThat(figure(q, "product.overdueDevelopments").drillDown()).contains("customerId=" + customer);
    }

    Figure figure(FigureQuery q, String code) {
        return figureSources.stream().filter(s -> s.getClass().getSimpleName().startsWith("ProductFigures"))
                .flatMap(s -> s.figures(q).stream()).filter(f -> f.code().equals(code))
                .findFirst().orElseThrow();
    }
}
