package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.property.register.PropertyInspectionJob;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The customer property register over HTTP (H2 and PostgreSQL): registration with the arrival check and its feedback,
 * hand-over signed by the receiving department, inspection, problem report with the customer's decision and a CAPA,
 * return (then no inspection: 409), confidential items, search, export and print, bad input with nothing saved.
 */
class PropertyApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/customer-properties";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PropertyInspectionJob job;

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long customer() {
        String name = "顾客财产客户" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "138" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    JsonNode register(String user, String body) {
        Response r = post(BASE, tokenFor(user), j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String user, String path, String body) {
        Response r = post(BASE + path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aMouldIsRegisteredHandedToProductionSignedThereAndShowsWhereItIsNow() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'TOOLING','itemName':'门把手注塑模具',"
                + "'spec':'GL-M-2231','quantity':1,'unit':'套','receivedOn':'" + today(0) + "','receiverName':'钱晓东',"
                + "'marking':'GL-0007 钢印','storageLocation':'模具库 A-03','handedToDepartmentId':" + department("ENG")
                + ",'verification':{'specChecked':true,'quantityChecked':true,'passed':true,'inspectorName':'周卫东'}}");
        assertThat(d.get("code").asString()).matches("GC\\d{4}-\\d{6}");
        assertThat(d.get("status").asString()).isEqualTo("HELD");
        assertThat(d.get("owningDepartmentId").asLong()).as("tooling belongs to production").isEqualTo(department("PROD"));
        assertThat(d.get("holderDepartmentId").asLong()).as("held by the receiving department until signed")
                .isEqualTo(department("CS"));
        assertThat(d.get("verification").get("result").asString()).isEqualTo("PASSED");
        JsonNode pending = d.get("movements").valueStream().filter(m -> m.get("pending").asBoolean()).findFirst()
                .orElseThrow();
        long id = d.get("id").asLong();
        // only the receiving department signs
        Response refused = post(BASE + "/" + id + "/hand-overs/" + pending.get("id").asLong() + "/sign",
                tokenFor("quality"), "{}");
        assertThat(refused.status()).isEqualTo(403);
        d = step("depthead", "/" + id + "/hand-overs/" + pending.get("id").asLong() + "/sign",
                "{'storageLocation':'工程部库房 E-1'}");
        assertThat(d.get("holderDepartmentId").asLong()).isEqualTo(department("ENG"));
        assertThat(d.get("handedSignedBy").asString()).isEqualTo("陈志强");
        assertThat(d.get("handedOn").asString()).isEqualTo(today(0));
        assertThat(d.get("storageLocation").asString()).isEqualTo("工程部库房 E-1");
        assertThat(d.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("REGISTERED", "HANDOVER_REQUESTED", "VERIFIED", "HANDOVER_SIGNED");
        // the list shows it, found by customer, kind, location and department
        JsonNode page = get(BASE + "?customerId=" + customer + "&kind=TOOLING&location=e-1&departmentId="
                + department("ENG"), tokenFor("depthead")).json();
        assertThat(page.get("items").valueStream().map(r -> r.get("id").asLong()).toList()).containsExactly(id);
        assertThat(page.get("items").get(0).get("holderDepartment").asString()).isEqualTo("工程部");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-property' and record_id = :id"
                + " and action = 'SIGN_HAND_OVER'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedArrivalCheckSendsANumberedFeedbackAndTheCustomersAnswerIsRecordedOnce() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'MATERIAL','marking':'测试钢印','itemName':'PET 薄膜卷',"
                + "'quantity':20,'unit':'卷','receivedOn':'" + today(-1) + "','receiverName':'钱晓东'}");
        long id = d.get("id").asLong();
        assertThat(d.get("verification").isNull()).isTrue();
        d = step("manager", "/" + id + "/verification", "{'specChecked':true,'quantityChecked':true,'passed':false,"
                + "'inspectorName':'周卫东','note':'实收18卷，少2卷'}");
        assertThat(d.get("verification").get("result").asString()).isEqualTo("FAILED");
        JsonNode feedback = d.get("feedback").get(0);
        assertThat(feedback.get("code").asString()).matches("GK\\d{4}-\\d{5}");
        assertThat(feedback.get("issue").asString()).isEqualTo("实收18卷，少2卷");
        d = step("manager", "/" + id + "/feedback/" + feedback.get("id").asLong() + "/answer",
                "{'answer':'顾客确认少发2卷，下周补发'}");
        assertThat(d.get("feedback").get(0).get("answer").asString()).isEqualTo("顾客确认少发2卷，下周补发");
        assertThat(d.get("feedback").get(0).get("answeredOn").asString()).isEqualTo(today(0));
        Response again = post(BASE + "/" + id + "/feedback/" + feedback.get("id").asLong() + "/answer",
                tokenFor("manager"), j("{'answer':'再答一次'}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(post(BASE + "/" + id + "/verification", tokenFor("manager"), j("{'passed':true,"
                + "'specChecked':true,'quantityChecked':true,'inspectorName':'x'}")).status()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long customer = customer();
        long items = count("customer_property");
        long numbers = jdbc.sql("select coalesce(sum(last_value), 0) from record_number_sequence where record_type = "
                + "'customer-property'").query(Long.class).single();
        String base = "{'customerId':" + customer + ",'kind':'PART','marking':'测试钢印','itemName':'轴承座','unit':'件',"
                + "'receiverName':'x',";
        for (String[] c : List.of(
                new String[] {base + "'quantity':0,'receivedOn':'" + today(0) + "'}", "quantity"},
                new String[] {base + "'quantity':-3,'receivedOn':'" + today(0) + "'}", "quantity"},
                new String[] {base + "'quantity':5,'receivedOn':'" + today(1) + "'}", "receivedOn"},
                new String[] {base + "'quantity':5}", "receivedOn"},
                new String[] {"{'customerId':999999999,'kind':'PART','marking':'测试钢印','itemName':'a','unit':'件','quantity':1,"
                        + "'receivedOn':'" + today(0) + "'}", "customerId"},
                new String[] {base + "'quantity':5,'receivedOn':'" + today(0) + "','owningDepartmentId':999999999}",
                        "owningDepartmentId"},
                // 001-E3: a part without its permanent ownership marking
                new String[] {base.replace("'marking':'测试钢印',", "") + "'quantity':5,'receivedOn':'" + today(0) + "'}",
                        "marking"},
                new String[] {base + "'quantity':5,'receivedOn':'" + today(0) + "','verification':{'passed':false,"
                        + "'inspectorName':'周卫东'}}", "verification.note"})) {
            Response r = post(BASE, tokenFor("manager"), j(c[0]));
            assertThat(r.status()).as(c[0] + " -> " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
        }
        assertThat(count("customer_property")).isEqualTo(items);
        assertThat(jdbc.sql("select coalesce(sum(last_value), 0) from record_number_sequence where record_type = "
                + "'customer-property'").query(Long.class).single()).as("no number used up").isEqualTo(numbers);
        Response r = post(BASE, tokenFor("manager"), j(base + "'quantity':'many','receivedOn':'" + today(0) + "'}"));
        assertThat(r.status()).isIn(400, 422);
        Response unmarked = post(BASE, tokenFor("manager"), j(base.replace("'marking':'测试钢印',", "")
                + "'quantity':5,'receivedOn':'" + today(0) + "'}"));
        assertThat(unmarked.json().get("errors").get(0).get("rule").asString()).isEqualTo("permanent-marking-required");
        // a drawing is controlled as a document: no physical marking needed
        Response drawing = post(BASE, tokenFor("manager"), j("{'customerId':" + customer + ",'kind':'DRAWING_SPEC',"
                + "'itemName':'图纸 D-1','unit':'份','receiverName':'x','quantity':1,'receivedOn':'" + today(0) + "'}"));
        assertThat(drawing.status()).as(drawing.body()).isEqualTo(201);
    }

    @Test
    void anInspectionFindsDamageTheProblemReportGetsTheCustomersDecisionAndOpensACapa() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'TOOLING','marking':'测试钢印','itemName':'香醋标签印刷版辊',"
                + "'quantity':6,'unit':'支','receivedOn':'" + today(-30) + "','receiverName':'钱晓东',"
                + "'owningDepartmentId':" + department("QA") + ",'handedToDepartmentId':" + department("QA") + "}");
        long id = d.get("id").asLong();
        job.run();
        d = get(BASE + "/" + id, tokenFor("quality")).json();
        JsonNode task = d.get("inspections").get(0);
        assertThat(task.get("status").asString()).isEqualTo("OPEN");
        assertThat(task.get("departmentId").asLong()).isEqualTo(department("QA"));
        assertThat(get(BASE + "/inspections", tokenFor("quality")).json().valueStream()
                .map(t -> t.get("itemId").asLong()).toList()).contains(id);
        d = step("quality", "/" + id + "/inspections/" + task.get("id").asLong(),
                "{'present':true,'condition':'DAMAGED','note':'2支版辊表面划伤','reportProblem':true}");
        assertThat(d.get("inspections").get(0).get("condition").asString()).isEqualTo("DAMAGED");
        JsonNode problem = d.get("problems").get(0);
        assertThat(problem.get("code").asString()).matches("GW\\d{4}-\\d{5}");
        assertThat(problem.get("kind").asString()).isEqualTo("DAMAGE");
        assertThat(problem.get("foundIn").asString()).isEqualTo("INSPECTION");
        // reported to sales, technical and quality (001-E5): in each its heads, or every member where it has none
        // (other tests may have given sales a head by now, so the expectation is read from the department)
        for (String dept : new String[] {"QA", "SALES", "TECH"}) {
            List<String> heads = jdbc.sql("select u.username from app_user u join department d on d.id = u.department_id"
                    + " where d.code = :d and u.active = true and u.position in ('DEPT_HEAD', 'QUALITY_MANAGER', 'CS_MANAGER')")
                    .param("d", dept).query(String.class).list();
            List<String> told = jdbc.sql("select u.username from notification n join app_user u on u.id = n.recipient_id"
                    + " join department d on d.id = u.department_id where d.code = :d and n.link = :l"
                    + " and n.title_text like '%property.notify.problem.title%'")
                    .param("d", dept).param("l", "/customer-properties/" + id).query(String.class).list();
            if (heads.isEmpty()) {
                assertThat(told).as(dept + ": every member, once").doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(jdbc.sql("select u.username from app_user u join department d"
                                + " on d.id = u.department_id where d.code = :d and u.active = true")
                                .param("d", dept).query(String.class).list());
            } else {
                assertThat(told).as(dept + ": its heads, once").containsExactlyInAnyOrderElementsOf(heads);
            }
        }
        assertThat(told("quality", id)).isEqualTo(1);
        assertThat(post(BASE + "/" + id + "/inspections/" + task.get("id").asLong(), tokenFor("quality"),
                j("{'present':true,'condition':'GOOD'}")).status()).as("recorded once").isEqualTo(409);
        long pid = problem.get("id").asLong();
        JsonNode p = step("manager", "/problems/" + pid + "/decision", "{'decision':'REPAIR','note':'我司修复，费用自担'}");
        assertThat(p.get("decision").asString()).isEqualTo("REPAIR");
        assertThat(p.get("status").asString()).isEqualTo("DECIDED");
        assertThat(post(BASE + "/problems/" + pid + "/decision", tokenFor("manager"), j("{'decision':'SCRAP'}"))
                .status()).isEqualTo(409);
        p = step("manager", "/problems/" + pid + "/capa", null);
        assertThat(p.get("capaCode").asString()).matches("CA\\d{4}-\\d{6}");
        JsonNode capa = get("/api/v1/capa/" + p.get("capaId").asLong(), tokenFor("quality")).json();
        assertThat(capa.get("sources").get(0).get("sourceType").asString()).isEqualTo("CUSTOMER_PROPERTY");
        assertThat(capa.get("sources").get(0).get("sourceCode").asString()).isEqualTo(problem.get("code").asString());
        assertThat(post(BASE + "/problems/" + pid + "/capa", tokenFor("manager"), null).status()).isEqualTo(409);
        // the problem report in the paper layout (顾客财产问题报告单): the item, the problem, the customer's decision
        PrintedPdf report = PrintedPdf.fetch(http, port, BASE + "/problems/" + pid + "/report.pdf", tokenFor("manager"),
                null, problem.get("code").asString());
        assertThat(report.text()).contains("顾客财产问题报告单").contains(problem.get("code").asString())
                .contains("我司修复，费用自担").contains(p.get("capaCode").asString());
        // a problem found in use
        JsonNode inUse = step("manager", "/" + id + "/problems", "{'kind':'QUANTITY_MISMATCH','description':'盘点少1支',"
                + "'containment':'停用、隔离、挂待处理牌'}");
        assertThat(inUse.get("foundIn").asString()).isEqualTo("IN_USE");
        Response bad = post(BASE + "/" + id + "/problems", tokenFor("manager"), j("{'kind':'LOSS'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
    }

    @Test
    void aLocationIsInspectedInOneBatchAfterTheItemWithAFindingIsRecordedOnItsOwn() {
        long customer = customer();
        String shelf = "版辊架 " + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register("manager", "{'customerId':" + customer + ",'kind':'TOOLING','marking':'测试钢印','itemName':'印刷版辊" + i + "',"
                    + "'quantity':1,'unit':'支','receivedOn':'" + today(-20) + "','receiverName':'钱晓东','storageLocation':'"
                    + shelf + "','owningDepartmentId':" + department("QA") + ",'handedToDepartmentId':" + department("QA")
                    + "}").get("id").asLong());
        }
        job.run();
        // the damaged one first, on its own page
        long first = get(BASE + "/" + ids.get(0), tokenFor("quality")).json().get("inspections").get(0).get("id").asLong();
        step("quality", "/" + ids.get(0) + "/inspections/" + first, "{'present':true,'condition':'DAMAGED','note':'划伤'}");
        Response r = post(BASE + "/inspections/batch", tokenFor("quality"), j("{'location':'" + shelf + "','note':'盘点'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("inspected").asInt()).isEqualTo(2);
        List<String> conditions = ids.stream().map(id -> get(BASE + "/" + id, tokenFor("quality")).json()
                .get("inspections").get(0).get("condition").asString()).toList();
        assertThat(conditions).containsExactly("DAMAGED", "GOOD", "GOOD");
        // nothing left there: 422 naming the location; an empty location is refused too
        Response again = post(BASE + "/inspections/batch", tokenFor("quality"), j("{'location':'" + shelf + "'}"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("no-open-inspection");
        assertThat(post(BASE + "/inspections/batch", tokenFor("quality"), j("{'location':' '}")).json().get("errors")
                .get(0).get("field").asString()).isEqualTo("location");
    }

    @Test
    void theSettingsChangeTheInspectionPeriodOfTheNextRunAndRefuseBadValues() {
        JsonNode s = get(BASE + "/settings", tokenFor("quality")).json();
        long version = s.get("version").asLong();
        String restore = "{'inspectionMonths':" + s.get("inspectionMonths").asInt() + ",'inspectionWorkingDays':"
                + s.get("inspectionWorkingDays").asInt() + ",'inspectionReminderDays':"
                + s.get("inspectionReminderDays").asInt() + ",'decisionTaskWorkingDays':"
                + s.get("decisionTaskWorkingDays").asInt() + ",'confirmationReminderDays':"
                + s.get("confirmationReminderDays").asInt();
        // unset (application.yml's value holds) unless saved: put back as it was, the API cannot unset it
        Integer savedConfirmationDays = jdbc.sql("select confirmation_reminder_days from customer_property_settings"
                + " where id = 1").query((rs, n) -> (Integer) rs.getObject(1, Integer.class)).optional().orElse(null);
        try {
            Response bad = put(BASE + "/settings", tokenFor("quality"), j("{'inspectionMonths':5,'inspectionWorkingDays':20,"
                    + "'inspectionReminderDays':5,'decisionTaskWorkingDays':10,'version':" + version + "}"));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("divides-twelve");
            bad = put(BASE + "/settings", tokenFor("quality"), j("{'inspectionMonths':3,'inspectionWorkingDays':20,"
                    + "'inspectionReminderDays':-1,'decisionTaskWorkingDays':10,'version':" + version + "}"));
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("inspectionReminderDays");
            assertThat(get(BASE + "/settings", tokenFor("quality")).json().get("version").asLong()).isEqualTo(version);
            Response ok = put(BASE + "/settings", tokenFor("quality"), j("{'inspectionMonths':3,'inspectionWorkingDays':15,"
                    + "'inspectionReminderDays':3,'decisionTaskWorkingDays':8,'confirmationReminderDays':7,'version':"
                    + version + "}"));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("updatedBy").asString()).isEqualTo("周卫东");
            assertThat(put(BASE + "/settings", tokenFor("quality"), j("{'inspectionMonths':6,'inspectionWorkingDays':20,"
                    + "'inspectionReminderDays':5,'decisionTaskWorkingDays':10,'confirmationReminderDays':7,'version':"
                    + version + "}")).status())
                    .as("stale version").isEqualTo(409);
            // the next run opens quarterly tasks
            assertThat(job.run().periodStart()).isEqualTo(PropertyInspectionJob.periodStart(
                    LocalDate.now(ZoneId.of("Asia/Shanghai")), 3));
        } finally {
            assertThat(put(BASE + "/settings", tokenFor("quality"), j(restore + ",'version':"
                    + get(BASE + "/settings", tokenFor("quality")).json().get("version").asLong() + "}")).status())
                    .isEqualTo(200);
            if (savedConfirmationDays == null) {
                jdbc.sql("update customer_property_settings set confirmation_reminder_days = null where id = 1").update();
            }
        }
    }

    @Test
    void aReturnedItemCannotBeInspectedAndItsOpenTaskIsClosed() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'MEASURING_EQUIPMENT','marking':'测试钢印','itemName':'孔位检具',"
                + "'quantity':1,'unit':'台','receivedOn':'" + today(-10) + "','receiverName':'钱晓东',"
                + "'owningDepartmentId':" + department("QA") + ",'handedToDepartmentId':" + department("QA") + "}");
        long id = d.get("id").asLong();
        job.run();
        long task = get(BASE + "/" + id, tokenFor("quality")).json().get("inspections").get(0).get("id").asLong();
        d = step("manager", "/" + id + "/return", "{'note':'项目结束，顾客取回','version':" + d.get("version").asLong() + "}");
        assertThat(d.get("status").asString()).isEqualTo("RETURNED");
        assertThat(d.get("inspections").get(0).get("status").asString()).isEqualTo("CLOSED");
        Response r = post(BASE + "/" + id + "/inspections/" + task, tokenFor("quality"),
                j("{'present':true,'condition':'GOOD'}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("property.state");
        assertThat(jdbc.sql("select status from customer_property_inspection where id = :id").param("id", task)
                .query(String.class).single()).isEqualTo("CLOSED");
        assertThat(post(BASE + "/" + id + "/scrap", tokenFor("manager"), j("{'note':'x'}")).status()).isEqualTo(409);
        assertThat(post(BASE + "/" + id + "/problems", tokenFor("manager"), j("{'kind':'LOSS','description':'x'}"))
                .status()).isEqualTo(409);
        // a stale version is refused
        JsonNode other = register("manager", "{'customerId':" + customer + ",'kind':'PART','marking':'测试钢印','itemName':'样件',"
                + "'quantity':2,'unit':'件','receivedOn':'" + today(0) + "','receiverName':'x'}");
        assertThat(post(BASE + "/" + other.get("id").asLong() + "/scrap", tokenFor("manager"),
                j("{'note':'顾客同意','version':" + (other.get("version").asLong() + 5) + "}")).status()).isEqualTo(409);
    }

    @Test
    void aConfidentialItemIsSeenOnlyByItsNamedDepartmentsAndEveryViewIsAudited() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'INTELLECTUAL_PROPERTY',"
                + "'designatedUse':'仅用于该顾客订单的生产','itemName':'专利许可技术资料','quantity':1,'unit':'份','receivedOn':'" + today(0) + "',"
                + "'receiverName':'王丽华','accessDepartmentIds':[" + department("QA") + "]}");
        long id = d.get("id").asLong();
        assertThat(d.get("confidential").asBoolean()).as("IP is confidential by nature").isTrue();
        assertThat(d.get("owningDepartmentId").asLong()).isEqualTo(department("TECH"));
        JsonNode secret = register("manager", "{'customerId':" + customer + ",'kind':'PERSONAL_DATA',"
                + "'designatedUse':'仅用于配送','itemName':'终端用户名单','quantity':1,'unit':'份','receivedOn':'" + today(0) + "',"
                + "'receiverName':'王丽华','owningDepartmentId':" + department("SALES") + ",'handedToDepartmentId':"
                + department("SALES") + "}");
        long secretId = secret.get("id").asLong();
        // the quality department is named on the first, not on the second; the general manager on neither
        assertThat(get(BASE + "/" + id, tokenFor("quality")).status()).isEqualTo(200);
        assertThat(get(BASE + "/" + secretId, tokenFor("quality")).status()).isEqualTo(404);
        assertThat(get(BASE + "/" + secretId, tokenFor("gm")).status()).isEqualTo(404);
        List<Long> listed = get(BASE + "?customerId=" + customer, tokenFor("quality")).json().get("items").valueStream()
                .map(r -> r.get("id").asLong()).toList();
        assertThat(listed).containsExactly(id);
        assertThat(get(BASE + "?customerId=" + customer, tokenFor("sales")).json().get("items").valueStream()
                .map(r -> r.get("id").asLong()).toList()).doesNotContain(id);
        // the global search finds it by number only for those who may see it
        String code = d.get("code").asString();
        assertThat(get("/api/v1/search?q=" + code, tokenFor("quality")).json().get("hits").toString()).contains(code);
        assertThat(get("/api/v1/search?q=" + secret.get("code").asString(), tokenFor("quality")).json().get("hits")
                .size()).isZero();
        long views = jdbc.sql("select count(*) from audit_event where record_type = 'customer-property' and record_id = :id"
                + " and action = 'VIEW'").param("id", String.valueOf(id)).query(Long.class).single();
        get(BASE + "/" + id, tokenFor("quality"));
        get(BASE + "/" + id, tokenFor("manager"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-property' and record_id = :id"
                + " and action = 'VIEW'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(views + 2);
    }

    @Test
    void theRegisterPagesByKeysetExportsToExcelAndPrintsTheFormAndTheCard() {
        long customer = customer();
        for (int i = 0; i < 5; i++) {
            register("manager", "{'customerId':" + customer + ",'kind':'PART','marking':'测试钢印','itemName':'样件" + i + "',"
                    + "'quantity':" + (i + 1) + ",'unit':'件','receivedOn':'" + today(-i) + "','receiverName':'x'}");
        }
        JsonNode first = get(BASE + "?customerId=" + customer + "&limit=2", tokenFor("manager")).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = get(BASE + "?customerId=" + customer + "&limit=2&cursor=" + cursor, tokenFor("manager")).json();
        JsonNode third = get(BASE + "?customerId=" + customer + "&limit=2&cursor=" + second.get("nextCursor").asString(),
                tokenFor("manager")).json();
        assertThat(third.get("items").size()).isEqualTo(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).get("itemName").asString()).isEqualTo("样件4");
        JsonNode byDate = get(BASE + "?customerId=" + customer + "&sort=receivedOn", tokenFor("manager")).json();
        assertThat(byDate.get("items").get(0).get("itemName").asString()).isEqualTo("样件4");
        Response xlsx = get(BASE + "/export?customerId=" + customer, tokenFor("manager"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
        Response pdf = get(BASE + "/register.pdf?customerId=" + customer, tokenFor("manager"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        long id = first.get("items").get(0).get("id").asLong();
        Response card = get(BASE + "/" + id + "/card.pdf", tokenFor("manager"));
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.header("Content-Disposition")).contains(first.get("items").get(0).get("code").asString());
        assertThat(get(BASE + "?sort=nonsense", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void overdueInspectionsAndHandOversToSignShowOnTheOwningDepartmentsWork() {
        long customer = customer();
        long eng = department("ENG");
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'TOOLING','marking':'测试钢印','itemName':'夹具',"
                + "'quantity':1,'unit':'套','receivedOn':'" + today(-100) + "','receiverName':'x','owningDepartmentId':"
                + eng + ",'handedToDepartmentId':" + eng + "}");
        jdbc.sql("""
                insert into customer_property_inspection (item_id, period_start, department_id, due_on, status, created_at, version)
                values (:i, :p, :d, :due, 'OPEN', current_timestamp, 0)""").param("i", d.get("id").asLong())
                .param("p", LocalDate.of(2020, 1, 1)).param("d", eng).param("due", LocalDate.parse(today(-3))).update();
        JsonNode work = get("/api/v1/dashboards/me", tokenFor("depthead")).json().get("work");
        JsonNode overdue = work.valueStream().filter(w -> w.get("code").asString().equals("property.inspectionsOverdue"))
                .findFirst().orElseThrow();
        assertThat(overdue.get("count").asLong()).isPositive();
        assertThat(overdue.get("urgent").asBoolean()).isTrue();
        assertThat(overdue.get("label").asString()).isEqualTo("逾期的顾客财产检查");
        assertThat(work.valueStream().anyMatch(w -> w.get("code").asString().equals("property.handOversToSign")
                && w.get("count").asLong() > 0)).as("the hand-over from the CS department waits for ENG").isTrue();
        // the list's "inspection overdue" filter finds it; the demo mould is overdue too
        assertThat(get(BASE + "?inspectionDue=true&departmentId=" + eng, tokenFor("depthead")).json().get("items")
                .valueStream().map(r -> r.get("id").asLong()).toList()).contains(d.get("id").asLong());
        assertThat(get(BASE + "?inspectionDue=true&q=门把手注塑模具", tokenFor("quality")).json().get("items").size())
                .isPositive();
    }

    private long told(String username, long item) {
        return jdbc.sql("select count(*) from notification n join app_user u on u.id = n.recipient_id"
                + " where u.username = :u and n.link = :l and n.title_text like '%property.notify.problem.title%'")
                .param("u", username).param("l", "/customer-properties/" + item).query(Long.class).single();
    }

    @Test
    void personalDataIsUsedOnlyAsAgreedAnotherUseNeedsTheCustomersRecordedConsent() {
        long customer = customer();
        String body = "{'customerId':" + customer + ",'kind':'PERSONAL_DATA','itemName':'会员名单','quantity':1,"
                + "'unit':'份','receivedOn':'" + today(0) + "','receiverName':'王丽华','owningDepartmentId':"
                + department("SALES") + ",'handedToDepartmentId':" + department("SALES");
        long items = count("customer_property");
        Response missing = post(BASE, tokenFor("manager"), j(body + "}"));
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("designatedUse");
        assertThat(missing.json().get("errors").get(0).get("rule").asString()).isEqualTo("designated-use-required");
        assertThat(count("customer_property")).as("nothing half-written").isEqualTo(items);

        JsonNode d = register("manager", body + ",'designatedUse':'仅用于该顾客订单的配送'}");
        long id = d.get("id").asLong();
        assertThat(d.get("designatedUse").asString()).isEqualTo("仅用于该顾客订单的配送");
        // another use without a consent: refused, naming the consent
        Response refused = post(BASE + "/" + id + "/other-uses", tokenFor("manager"), j("{'note':'用于市场调查'}"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("consentId");
        Response badConsent = post(BASE + "/" + id + "/use-consents", tokenFor("manager"), j("{'purpose':'满意度调查',"
                + "'consentedOn':'" + today(0) + "'}"));
        assertThat(badConsent.status()).isEqualTo(422);
        assertThat(badConsent.json().get("errors").get(0).get("field").asString()).isEqualTo("consentedBy");
        Response future = post(BASE + "/" + id + "/use-consents", tokenFor("manager"), j("{'purpose':'满意度调查',"
                + "'consentedBy':'顾客 张经理','consentedOn':'" + today(1) + "'}"));
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("consentedOn");
        JsonNode consented = step("manager", "/" + id + "/use-consents", "{'purpose':'满意度调查',"
                + "'consentedBy':'顾客 张经理','consentedOn':'" + today(0) + "','reference':'邮件 2026-118'}");
        long consentId = consented.get("useConsents").get(0).get("id").asLong();
        assertThat(consented.get("useConsents").get(0).get("reference").asString()).isEqualTo("邮件 2026-118");
        // a consent of another item does not count
        JsonNode other = register("manager", body + ",'designatedUse':'配送'}");
        assertThat(post(BASE + "/" + other.get("id").asLong() + "/other-uses", tokenFor("manager"),
                j("{'consentId':" + consentId + "}")).status()).isEqualTo(422);
        JsonNode used = step("manager", "/" + id + "/other-uses", "{'consentId':" + consentId + ",'note':'第一季度'}");
        assertThat(used.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("USE_CONSENT", "OTHER_USE");
        JsonNode changed = step("manager", "/" + id + "/designated-use", "{'designatedUse':'配送与售后回访','version':"
                + used.get("version").asLong() + "}");
        assertThat(changed.get("designatedUse").asString()).isEqualTo("配送与售后回访");
        Response cleared = post(BASE + "/" + id + "/designated-use", tokenFor("manager"), j("{'designatedUse':''}"));
        assertThat(cleared.status()).as("personal data keeps a designated use").isEqualTo(422);
    }

    @Test
    void aCustomerDrawingIsAControlledDocumentTheNewRevisionSupersedesTheOldOneWhichIsKept() {
        long customer = customer();
        JsonNode d = register("manager", "{'customerId':" + customer + ",'kind':'DRAWING_SPEC','itemName':'瓶盖图纸',"
                + "'spec':'HS-D-7','quantity':1,'unit':'份','receivedOn':'" + today(-30) + "','receiverName':'x'}");
        long id = d.get("id").asLong();
        long qa = department("QA"), prod = department("PROD");
        JsonNode a = step("manager", "/" + id + "/revisions", "{'revision':'A','issuedOn':'" + today(-40)
                + "','receivedOn':'" + today(-30) + "','distributionDepartmentIds':[" + qa + "," + prod + "]}");
        assertThat(a.get("revisions").get(0).get("current").asBoolean()).isTrue();
        assertThat(a.get("revisions").get(0).get("distributionDepartmentIds").valueStream().map(JsonNode::asLong)
                .toList()).containsExactly(qa, prod);
        for (String[] c : List.of(
                new String[] {"{'revision':'a','issuedOn':'" + today(-5) + "'}", "revision"},
                new String[] {"{'revision':'B'}", "issuedOn"},
                new String[] {"{'revision':'B','issuedOn':'" + today(1) + "'}", "issuedOn"},
                new String[] {"{'revision':'B','issuedOn':'" + today(-5) + "','receivedOn':'" + today(-6) + "'}",
                        "receivedOn"},
                new String[] {"{'revision':'B','issuedOn':'" + today(-5) + "','distributionDepartmentIds':[999999999]}",
                        "distributionDepartmentIds"})) {
            Response r = post(BASE + "/" + id + "/revisions", tokenFor("manager"), j(c[0]));
            assertThat(r.status()).as(c[0] + " -> " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
        }
        JsonNode b = step("manager", "/" + id + "/revisions", "{'revision':'B','issuedOn':'" + today(-5)
                + "','distributionDepartmentIds':[" + prod + "]}");
        JsonNode revisions = b.get("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("revision").asString()).isEqualTo("A");
        assertThat(revisions.get(0).get("current").asBoolean()).as("A is kept, superseded").isFalse();
        assertThat(revisions.get(0).get("supersededOn").asString()).isEqualTo(today(0).toString());
        assertThat(revisions.get(1).get("current").asBoolean()).isTrue();
        assertThat(b.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("REVISION_RECEIVED", "REVISION_RECEIVED");
        // a mould is no document: 409
        JsonNode mould = register("manager", "{'customerId':" + customer + ",'kind':'TOOLING','marking':'测试钢印',"
                + "'itemName':'模具','quantity':1,'unit':'套','receivedOn':'" + today(0) + "','receiverName':'x'}");
        assertThat(post(BASE + "/" + mould.get("id").asLong() + "/revisions", tokenFor("manager"),
                j("{'revision':'A','issuedOn':'" + today(0) + "'}")).status()).isEqualTo(409);
        // the page shows the revisions, the superseded one marked
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        String page = s.get("/customer-properties/" + id).body();
        assertThat(page).contains("id=\"property-revisions\"").contains("id=\"revision-A\"").contains("作废")
                .contains("现行").contains("id=\"property-use\"").doesNotContain("??");
    }
}
