package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Seed 002-A17 (§5.4 出货计划): sales plans shipments of an accepted contract by the customer's required delivery date
 * for a shipper, who finds them in their work, prints the pack (contract, production notice, carton list 纸箱单) and
 * records them shipped; the delivery progress follows and the contract is delivered once every line is shipped in
 * full. Bad input is a 4xx naming the field with nothing saved; a stale version is a 409. Runs on H2 and PostgreSQL
 * (tag api).
 */
class ContractShipmentApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";

    @Autowired
    JdbcClient jdbc;

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** A contract of two lines (100 and 35), delivery in 10 days; accepted when asked. */
    long contract(boolean accept) {
        long customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class)
                .single();
        Response reg = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'SH-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'REPEAT_UNCHANGED',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(10) + "','lines':[{'product':'出货纸箱',"
                + "'spec':'5层','quantity':100,'unit':'只','unitPrice':3},{'product':'隔板','quantity':35,'unit':'片',"
                + "'unitPrice':1}]}"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.json().get("id").asLong();
        if (accept) {
            assertThat(post(BASE + "/" + id + "/submit", tokenFor("sales"), null).status()).isEqualTo(200);
            Response a = post(BASE + "/" + id + "/outcome", tokenFor("gm"), j("{'outcome':'A'}"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
        return id;
    }

    Response plan(long id, String body) {
        return post(BASE + "/" + id + "/shipments", tokenFor("sales"), j(body));
    }

    static String field(Response r) {
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aShipmentIsPlannedShippedWithItsPackAndTheContractIsDeliveredWhenAllLinesAreShipped() {
        long id = contract(true);
        long keeper = userId("keeper");
        String ok = "'shipperId':" + keeper + ",'carrier':'顺丰物流','vehicle':'闽B12345'";

        // bad input: each a 422 naming the field, nothing saved
        for (String[] bad : new String[][] {
                {"{'plannedDate':'" + today(-1) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':10}]}", "plannedDate"},
                {"{'plannedDate':'" + today(11) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':10}]}", "plannedDate"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':0}]}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':-3}]}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':10},{'lineNo':2,'quantity':36}]}",
                        "lines[1].quantity"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':9,'quantity':1}]}", "lines[0].lineNo"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':5,'unitsPerCarton':0}]}",
                        "lines[0].unitsPerCarton"},
                {"{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[]}", "lines"},
                {"{'plannedDate':'" + today(5) + "','shipperId':987654321,'lines':[{'lineNo':1,'quantity':5}]}", "shipperId"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':5}]}", "shipperId"}}) {
            Response r = plan(id, bad[0]);
            assertThat(r.status()).as(bad[0] + " → " + r.body()).isEqualTo(422);
            assertThat(field(r)).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(get(BASE + "/" + id + "/shipments", tokenFor("sales")).json().size()).as("nothing saved").isZero();

        // a contract still under review cannot be shipped
        long underReview = contract(false);
        Response early = plan(underReview, "{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':5}]}");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("contract.shipment-contract-state");

        // the first shipment: 60 of line 1 in cartons of 25, all 35 of line 2
        Response first = plan(id, "{'plannedDate':'" + today(5) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':60,"
                + "'unitsPerCarton':25,'marks':'ACME 上海'},{'lineNo':2,'quantity':35}]}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode s1 = first.json();
        assertThat(s1.get("number").asString()).startsWith("CHJH");
        assertThat(s1.get("status").asString()).isEqualTo("PLANNED");
        assertThat(s1.get("shipperName").asString()).isEqualTo("马秀英");
        assertThat(s1.get("lines").get(0).get("cartons").asLong()).as("60 / 25 rounded up").isEqualTo(3);
        assertThat(s1.get("lines").get(1).get("cartons").isNull()).isTrue();
        assertThat(s1.get("noticeNumber").asString()).as("the pack's production notice").startsWith("SCTZ");
        long s1Id = s1.get("id").asLong();

        // only 40 of line 1 are left; after the delivery date only with a reason
        Response over = plan(id, "{'plannedDate':'" + today(6) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':41}]}");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(field(over)).isEqualTo("lines[0].quantity");
        Response second = plan(id, "{'plannedDate':'" + today(12) + "','lateReason':'客户仓库月底盘点',"
                + ok + ",'lines':[{'lineNo':1,'quantity':40}]}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        long s2Id = second.json().get("id").asLong();
        long s2Version = second.json().get("version").asLong();

        // the shipper's work and the list
        JsonNode mine = get("/api/v1/shipments?status=PLANNED&shipperId=" + keeper, tokenFor("keeper")).json();
        assertThat(mine.valueStream().map(x -> x.get("id").asLong()).toList()).contains(s1Id, s2Id);
        assertThat(get(BASE + "/" + id + "/shipments/" + s1Id, tokenFor("keeper")).status())
                .as("the shipper reads the shipment of a contract outside their scope").isEqualTo(200);
        assertThat(get("/api/v1/shipments", tokenFor("frontdesk")).status()).isEqualTo(403);

        // recording it shipped: bad input 422, nothing saved
        String ship = BASE + "/" + id + "/shipments/" + s1Id + "/ship";
        for (String[] bad : new String[][] {
                {"{'shippedOn':'" + today(1) + "','deliveryNote':'SF100'}", "shippedOn"},
                {"{'shippedOn':'" + today(0) + "'}", "deliveryNote"},
                {"{'shippedOn':'" + today(0) + "','deliveryNote':'SF100','lines':[{'lineNo':1,'quantity':61}]}",
                        "lines[0].quantity"},
                {"{'shippedOn':'" + today(0) + "','deliveryNote':'SF100','lines':[{'lineNo':1,'quantity':0},"
                        + "{'lineNo':2,'quantity':0}]}", "lines"}}) {
            Response r = post(ship, tokenFor("keeper"), j(bad[0]));
            assertThat(r.status()).as(bad[0] + " → " + r.body()).isEqualTo(422);
            assertThat(field(r)).isEqualTo(bad[1]);
        }
        assertThat(get(BASE + "/" + id + "/shipments/" + s1Id, tokenFor("keeper")).json().get("status").asString())
                .isEqualTo("PLANNED");
        Response stale = post(ship, tokenFor("keeper"), j("{'shippedOn':'" + today(0) + "','deliveryNote':'SF100',"
                + "'version':" + (s1.get("version").asLong() + 7) + "}"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);

        Response shipped = post(ship, tokenFor("keeper"), j("{'shippedOn':'" + today(0) + "','deliveryNote':'SF1001',"
                + "'version':" + s1.get("version").asLong() + "}"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.json().get("lines").get(0).get("shippedQuantity").decimalValue()).isEqualByComparingTo("60");
        assertThat(post(ship, tokenFor("keeper"), j("{'shippedOn':'" + today(0) + "','deliveryNote':'x'}")).status())
                .as("shipped already").isEqualTo(409);
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("status").asString()).as("40 still to ship")
                .isEqualTo("ACCEPTED");

        // cancel the late shipment: a stale version 409, no reason 422, then cancelled
        String cancel = BASE + "/" + id + "/shipments/" + s2Id + "/cancel";
        assertThat(post(cancel, tokenFor("sales"), j("{'reason':'改期','version':" + (s2Version + 3) + "}")).status())
                .isEqualTo(409);
        Response noReason = post(cancel, tokenFor("sales"), j("{'version':" + s2Version + "}"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(field(noReason)).isEqualTo("reason");
        Response cancelled = post(cancel, tokenFor("sales"), j("{'reason':'客户要求提前','version':" + s2Version + "}"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

        // the last 40, shipped: every line in full → the contract is delivered
        Response third = plan(id, "{'plannedDate':'" + today(0) + "'," + ok + ",'lines':[{'lineNo':1,'quantity':40,"
                + "'unitsPerCarton':25}]}");
        assertThat(third.status()).as(third.body()).isEqualTo(201);
        long s3Id = third.json().get("id").asLong();
        Response done = post(BASE + "/" + id + "/shipments/" + s3Id + "/ship", tokenFor("keeper"),
                j("{'shippedOn':'" + today(0) + "','deliveryNote':'SF1002'}"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode progress = get(BASE + "/" + id + "/shipments/progress", tokenFor("sales")).json();
        assertThat(progress.get(0).get("shipped").decimalValue()).isEqualByComparingTo("100");
        assertThat(progress.get(1).get("shipped").decimalValue()).isEqualByComparingTo("35");
        assertThat(progress.valueStream().allMatch(p -> p.get("complete").asBoolean())).isTrue();
        JsonNode delivered = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        JsonNode row = get(BASE + "?q=" + delivered.get("number").asString(), tokenFor("sales")).json().get("items").get(0);
        assertThat(row.get("shippedAmount").decimalValue()).as("the register's delivery progress: 100 × 3 + 35 × 1")
                .isEqualByComparingTo("335");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'contract-shipment' and record_id = :id")
                .param("id", String.valueOf(s1Id)).query(Long.class).single()).as("planned and shipped, audited")
                .isGreaterThanOrEqualTo(2);

        // the carton list as PDF, the plan in Excel
        Response pdf = get(BASE + "/" + id + "/shipments/" + s1Id + "/carton-list.pdf", tokenFor("keeper"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        Response xlsx = get("/api/v1/shipments/export?shipperId=" + keeper, tokenFor("sales"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    }

    @Test
    void theShipperFindsTheShipmentInTheirWorkAndPrintsThePack() {
        long id = contract(true);
        long keeper = userId("keeper");
        Response r = plan(id, "{'plannedDate':'" + today(0) + "','shipperId':" + keeper + ",'lines':[{'lineNo':1,"
                + "'quantity':100,'unitsPerCarton':30,'marks':'唛头-" + id + "'}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long sid = r.json().get("id").asLong();

        PageSession keeperSession = new PageSession(port);
        keeperSession.login("keeper", DEMO_PASSWORD);
        assertThat(keeperSession.get("/").body()).contains("待发货的出货计划");
        String page = keeperSession.get("/shipments/" + sid).body();
        assertThat(page).contains("发货资料", "纸箱单", "生产单", "id=\"do-ship\"", "id=\"pack-notice\"");
        String cartons = keeperSession.get("/shipments/" + sid + "/carton-list").body();
        assertThat(cartons).contains("唛头-" + id, "出货纸箱", "<td class=\"num\">4</td>");
        assertThat(keeperSession.get("/contracts/" + id + "/review-form").status()).as("the customer contract")
                .isEqualTo(200);
        assertThat(keeperSession.get("/shipments?status=PLANNED&shipperId=" + keeper).body()).contains(
                r.json().get("number").asString());

        // a refused step comes back as a readable message on the page
        assertThat(keeperSession.post("/shipments/" + sid + "/ship", "shippedOn", today(0)).status()).isEqualTo(302);
        assertThat(keeperSession.get("/shipments/" + sid).body()).contains("请填写 送货单号/运单号");
        assertThat(keeperSession.post("/shipments/" + sid + "/ship", "shippedOn", today(0), "deliveryNote", "DN-1",
                "quantity_1", "90").status()).isEqualTo(302);
        assertThat(keeperSession.get("/shipments/" + sid).body()).contains("已发货");

        PageSession sales = new PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        String contractPage = sales.get("/contracts/" + id).body();
        assertThat(contractPage).contains("出货计划", "交货进度", "id=\"shipment-plan-form\"");
        assertThat(sales.post("/contracts/" + id + "/shipments", "plannedDate", today(0), "shipperId",
                String.valueOf(keeper), "quantity_1", "11").status()).isEqualTo(302);
        assertThat(sales.get("/contracts/" + id).body()).as("10 left of 100 after 90 shipped").contains("超出还可安排的数量 10");
        assertThat(sales.get("/shipments").body()).contains("出货计划", r.json().get("number").asString());
    }

    @Test
    void aPlannedShipmentIsChangedWithinWhatIsLeftAndEveryBadChangeIsRefusedWithNothingSaved() {
        long id = contract(true);
        long keeper = userId("keeper");
        Response p1 = plan(id, "{'plannedDate':'" + today(5) + "','shipperId':" + keeper + ",'lines':[{'lineNo':1,"
                + "'quantity':60,'unitsPerCarton':25,'marks':'ACME'},{'lineNo':2,'quantity':35}]}");
        assertThat(p1.status()).as(p1.body()).isEqualTo(201);
        long s1 = p1.json().get("id").asLong();
        long v1 = p1.json().get("version").asLong();
        Response p2 = plan(id, "{'plannedDate':'" + today(6) + "','shipperId':" + keeper + ",'lines':[{'lineNo':1,"
                + "'quantity':30}]}");
        assertThat(p2.status()).as(p2.body()).isEqualTo(201);
        long s2 = p2.json().get("id").asLong();
        String url = BASE + "/" + id + "/shipments/" + s1;

        // every bad change: a 4xx naming the field, nothing saved (line 1: 100 ordered, 30 in the other shipment)
        String v = ",'version':" + v1;
        for (String[] bad : new String[][] {
                {"{'plannedDate':'" + today(7) + "','lines':[{'lineNo':1,'quantity':50}]}", "version"},
                {"{'lines':[{'lineNo':1,'quantity':50}]" + v + "}", "plannedDate"},
                {"{'plannedDate':'" + today(-1) + "'" + v + "}", "plannedDate"},
                {"{'plannedDate':'" + today(11) + "'" + v + "}", "plannedDate"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':71}]" + v + "}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':2,'quantity':35},{'lineNo':1,'quantity':0}]" + v
                        + "}", "lines[1].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':-5}]" + v + "}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':1.2345}]" + v + "}",
                        "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':2,'quantity':36}]" + v + "}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':9,'quantity':1}]" + v + "}", "lines[0].lineNo"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'quantity':1}]" + v + "}", "lines[0].lineNo"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1}]" + v + "}", "lines[0].quantity"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':10},{'lineNo':1,'quantity':5}]" + v
                        + "}", "lines[1].lineNo"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':50,'unitsPerCarton':0}]" + v + "}",
                        "lines[0].unitsPerCarton"},
                {"{'plannedDate':'" + today(5) + "','lines':[{'lineNo':1,'quantity':50,'unitsPerCarton':-2}]" + v + "}",
                        "lines[0].unitsPerCarton"}}) {
            Response r = put(url, tokenFor("sales"), j(bad[0]));
            assertThat(r.status()).as(bad[0] + " → " + r.body()).isEqualTo(422);
            assertThat(field(r)).as(bad[0]).isEqualTo(bad[1]);
        }
        // a line of the contract that this shipment does not carry
        Response notCarried = put(BASE + "/" + id + "/shipments/" + s2, tokenFor("sales"), j("{'plannedDate':'"
                + today(6) + "','lines':[{'lineNo':2,'quantity':1}],'version':" + p2.json().get("version").asLong() + "}"));
        assertThat(notCarried.status()).as(notCarried.body()).isEqualTo(422);
        assertThat(field(notCarried)).isEqualTo("lines[0].lineNo");
        Response stale = put(url, tokenFor("sales"), j("{'plannedDate':'" + today(7) + "','version':" + (v1 + 5) + "}"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(put(url, tokenFor("frontdesk"), j("{'plannedDate':'" + today(7) + "'" + v + "}")).status())
                .as("no contract:register").isEqualTo(403);
        JsonNode unchanged = get(url, tokenFor("sales")).json();
        assertThat(unchanged.get("plannedDate").asString()).isEqualTo(today(5));
        assertThat(unchanged.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("60");
        assertThat(unchanged.get("lines").get(0).get("unitsPerCarton").asInt()).isEqualTo(25);
        assertThat(unchanged.get("version").asLong()).isEqualTo(v1);
        assertThat(updates(s1)).as("nothing audited").isZero();

        // the change: later than the required date with a reason, line 1 up to all that is left (70), cartons of 35
        Response changed = put(url, tokenFor("sales"), j("{'plannedDate':'" + today(12) + "','lateReason':'客户改期',"
                + "'lines':[{'lineNo':1,'quantity':70,'unitsPerCarton':35,'marks':'ACME 上海'}]" + v + "}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode c = changed.json();
        assertThat(c.get("plannedDate").asString()).isEqualTo(today(12));
        assertThat(c.get("lateReason").asString()).isEqualTo("客户改期");
        assertThat(c.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("70");
        assertThat(c.get("lines").get(0).get("cartons").asLong()).as("70 / 35").isEqualTo(2);
        assertThat(c.get("lines").get(1).get("quantity").decimalValue()).as("a line not given is kept")
                .isEqualByComparingTo("35");
        assertThat(c.get("version").asLong()).isGreaterThan(v1);
        assertThat(updates(s1)).as("audited").isEqualTo(1);
        assertThat(get(BASE + "/" + id + "/shipments/progress", tokenFor("sales")).json().get(0).get("planned")
                .decimalValue()).isEqualByComparingTo("100");
        Response full = plan(id, "{'plannedDate':'" + today(5) + "','shipperId':" + keeper + ",'lines':[{'lineNo':1,"
                + "'quantity':1}]}");
        assertThat(full.status()).as("nothing of line 1 is left to plan").isEqualTo(422);
        assertThat(put(url, tokenFor("sales"), j("{'plannedDate':'" + today(8) + "'" + v + "}")).status())
                .as("the version before the change is stale now").isEqualTo(409);
        // only the carton size, changed again with the new version: the version still moves on
        long v2 = c.get("version").asLong();
        Response carton = put(url, tokenFor("sales"), j("{'plannedDate':'" + today(12) + "','lateReason':'客户改期',"
                + "'lines':[{'lineNo':1,'quantity':70,'unitsPerCarton':10,'marks':'ACME 上海'}],'version':" + v2 + "}"));
        assertThat(carton.status()).as(carton.body()).isEqualTo(200);
        assertThat(carton.json().get("lines").get(0).get("cartons").asLong()).isEqualTo(7);
        assertThat(carton.json().get("version").asLong()).isGreaterThan(v2);
        assertThat(put(url, tokenFor("sales"), j("{'plannedDate':'" + today(12) + "','lateReason':'x','version':" + v2
                + "}")).status()).as("a change of the lines alone makes the version stale too").isEqualTo(409);

        // shipped or cancelled: no more changes
        Response shipped = post(BASE + "/" + id + "/shipments/" + s2 + "/ship", tokenFor("keeper"),
                j("{'shippedOn':'" + today(0) + "','deliveryNote':'SF-E1'}"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        Response late = put(BASE + "/" + id + "/shipments/" + s2, tokenFor("sales"), j("{'plannedDate':'" + today(6)
                + "','version':" + shipped.json().get("version").asLong() + "}"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("contract.shipment-state");

        // on the page: the form, a refusal as a readable message, then the change
        PageSession sales = new PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        String page = sales.get("/shipments/" + s1).body();
        assertThat(page).contains("修改出货计划", "id=\"edit-form\"", "id=\"edit-quantity-1\"");
        long v3 = carton.json().get("version").asLong();
        assertThat(sales.post("/shipments/" + s1 + "/edit", "plannedDate", today(12), "lateReason", "客户改期",
                "quantity_1", "71", "quantity_2", "35", "version", String.valueOf(v3)).status()).isEqualTo(302);
        assertThat(sales.get("/shipments/" + s1).body()).contains("超出还可安排的数量 70");
        assertThat(sales.post("/shipments/" + s1 + "/edit", "plannedDate", today(9), "quantity_1", "40",
                "unitsPerCarton_1", "20", "quantity_2", "30", "version", String.valueOf(v3)).status()).isEqualTo(302);
        String after = sales.get("/shipments/" + s1).body();
        assertThat(after).contains("出货计划已修改");
        JsonNode saved = get(url, tokenFor("sales")).json();
        assertThat(saved.get("plannedDate").asString()).isEqualTo(today(9));
        assertThat(saved.get("lines").get(0).get("cartons").asLong()).isEqualTo(2);
        assertThat(saved.get("lines").get(1).get("quantity").decimalValue()).isEqualByComparingTo("30");
    }

    long updates(long shipmentId) {
        return jdbc.sql("select count(*) from audit_event where record_type = 'contract-shipment' and record_id = :id "
                + "and action = 'UPDATE'").param("id", String.valueOf(shipmentId)).query(Long.class).single();
    }

    /**
     * Two plans of the same contract at the same moment whose sum exceeds a line (100 ordered, 60 each): the contract
     * row is locked while the totals are checked, so exactly one is saved and the other is a 422 on
     * {@code lines[0].quantity} (H2 and PostgreSQL; a barrier sends both at once, several rounds).
     */
    @Test
    void twoPlansAtOnceThatTogetherExceedALineGiveOneShipmentAndOne422() throws Exception {
        long keeper = userId("keeper");
        String token = tokenFor("sales");
        String body = j("{'plannedDate':'" + today(3) + "','shipperId':" + keeper + ",'lines':[{'lineNo':1,"
                + "'quantity':60}]}");
        for (int round = 0; round < 5; round++) {
            long id = contract(true);
            java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Response>> calls = new java.util.ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    calls.add(pool.submit(() -> {
                        barrier.await();
                        return post(BASE + "/" + id + "/shipments", token, body);
                    }));
                }
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Response> f : calls) {
                    Response r = f.get(2, java.util.concurrent.TimeUnit.MINUTES);
                    statuses.add(r.status());
                    if (r.status() == 422) {
                        assertThat(field(r)).isEqualTo("lines[0].quantity");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 422);
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.sql("""
                    select coalesce(sum(l.quantity), 0) from contract_shipment_line l
                    join contract_shipment s on s.id = l.shipment_id where s.contract_id = :c and l.line_no = 1""")
                    .param("c", id).query(java.math.BigDecimal.class).single()).as("round " + round)
                    .isEqualByComparingTo("60");
        }
    }
}
