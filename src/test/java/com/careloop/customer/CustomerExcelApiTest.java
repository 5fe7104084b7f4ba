package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Customer import (template, row errors, duplicates, idempotency) and the audited, masked export. */
class CustomerExcelApiTest extends ExcelApiTestBase {

    @Test
    void theTemplateHasChineseHeadersRequiredMarksAndDropDownLists() throws Exception {
        var r = download("/api/v1/customers/import-template", tokenFor("manager"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (var wb = workbook(r.body())) {
            List<String> headers = cells(wb.getSheetAt(0).getRow(0));
            assertThat(headers).startsWith("客户名称*", "客户类型*", "电话").contains("客户代表", "联系人电话");
            var validations = wb.getSheetAt(0).getDataValidations();
            assertThat(validations).hasSize(2);
            assertThat(validations.get(0).getValidationConstraint().getFormula1()).isEqualTo("lists!$A$1:$A$4");
            assertThat(cells(wb.getSheet("lists").getRow(0))).contains("单位客户");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("lists"))).isTrue();
        }
        // the page link gives the same file
        assertThat(download("/api/v1/customers/import-template", tokenFor("frontdesk")).statusCode()).isEqualTo(403);
    }

    @Test
    void threeGoodRowsAreImportedAndTheTwoBadOnesNotAtAll() throws Exception {
        String u = unique();
        String good1 = "导入甲" + u;
        String good2 = "导入乙" + u;
        String good3 = "导入丙" + u;
        String badPhone = "电话错" + u;
        String phone5 = mobile();
        byte[] file = xlsx(HEADERS, List.of(
                new Object[] {good1, "单位客户", mobile(), "sales", "翠湖花园", "苏州"},       // row 2
                new Object[] {badPhone, "经销商", "12345", null, null, null},                // row 3: bad phone
                new Object[] {good2, "个人（业主/住户/消费者）", mobile(), "钱晓东", null, null}, // row 4: rep by name
                new Object[] {null, "外星人", phone5, null, null, null},                     // row 5: no name, unknown kind
                new Object[] {good3, "OEM", null, null, null, null}));                      // row 6: kind by code
        Response r = upload("/api/v1/customers/imports", tokenFor("manager"), "customers.xlsx", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.get("rows").asInt()).isEqualTo(5);
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(errors).containsExactly("3 电话", "5 客户名称", "5 客户类型");
        assertThat(report.get("errors").get(2).get("reason").asString()).contains("外星人");
        assertThat(report.get("created")).extracting(n -> n.get("row").asInt()).containsExactly(2, 4, 6);

        assertThat(found(good1)).isEqualTo(1);
        assertThat(found(good2)).isEqualTo(1);
        assertThat(found(good3)).isEqualTo(1);
        assertThat(found(badPhone)).isZero();
        assertThat(found(phone5)).isZero();
        JsonNode first = report.get("created").get(0);
        assertThat(first.get("code").asString()).startsWith("KH");
        var detail = get("/api/v1/customers/" + first.get("id").asLong(), tokenFor("manager")).json();
        assertThat(detail.get("representativeName").asString()).isEqualTo("钱晓东");
        assertThat(detail.get("kind").asString()).isEqualTo("ORGANISATION");
        var audit = get("/api/v1/audit-events/customer/" + first.get("id").asLong(), tokenFor("manager")).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("CREATE");
    }

    @Test
    void duplicatesOfTheArchiveAndWithinTheFileAreReported() {
        String u = unique();
        String phone = mobile();
        byte[] file = xlsx(HEADERS, List.of(
                new Object[] {"陈美玲", "个人（业主/住户/消费者）", null, null, null, null},   // row 2: demo customer's name
                new Object[] {"重复甲" + u, "单位客户", phone, null, null, null},              // row 3: imported
                new Object[] {"重复甲" + u, "单位客户", mobile(), null, null, null},           // row 4: same name as row 3
                new Object[] {"重复乙" + u, "单位客户", phone, null, null, null},              // row 5: same phone as row 3
                new Object[] {"重复丙" + u, "单位客户", "13812345678", "nobody-" + u, null, null})); // row 6: archive phone, unknown rep
        JsonNode report = upload("/api/v1/customers/imports", tokenFor("manager"), "d.xlsx", file).json();
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(errors).containsExactly("2 客户名称", "4 客户名称", "5 电话", "6 客户代表");
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("3");
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(found("重复乙" + u)).isZero();
    }

    @Test
    void theSameImportRetriedWithItsIdempotencyKeyIsNotImportedTwice() {
        String name = "幂等" + unique();
        byte[] file = xlsx(HEADERS, List.<Object[]>of(new Object[] {name, "单位客户", mobile(), null, null, null}));
        String key = UUID.randomUUID().toString();
        Response first = upload("/api/v1/customers/imports", tokenFor("manager"), "i.xlsx", file, "Idempotency-Key", key);
        Response again = upload("/api/v1/customers/imports", tokenFor("manager"), "i.xlsx", file, "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("created")).isEqualTo(first.json().get("created"));
        assertThat(found(name)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedNamingFile() {
        Response r = upload("/api/v1/customers/imports", tokenFor("manager"), "customers.csv",
                "客户名称,客户类型\n甲,单位客户\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("format");
        Response missing = post("/api/v1/customers/imports", tokenFor("manager"), "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        Response noHeaders = upload("/api/v1/customers/imports", tokenFor("manager"), "x.xlsx",
                xlsx(List.of("名字"), List.<Object[]>of(new Object[] {"甲"})));
        assertThat(noHeaders.json().get("errors").get(0).get("rule").asString()).isEqualTo("headers");
    }

    @Test
    void theExportFollowsTheFilterMasksPhonesWithoutViewSensitiveAndIsAudited() throws Exception {
        String u = unique();
        String region = "导出区" + u;
        String phone = mobile();
        for (String name : List.of("导出甲" + u, "导出乙" + u)) {
            Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'ORGANISATION',"
                    + "'phone':'" + (name.startsWith("导出甲") ? phone : mobile()) + "','region':'" + region
                    + "','confirmDuplicate':true}"));
            assertThat(c.status()).as(c.body()).isEqualTo(201);
        }
        // a role that may export but not see full numbers (no built-in role has that combination)
        String role = "EXPORT_" + u.toUpperCase().replace('-', '_');
        assertThat(post("/api/v1/roles", tokenFor("admin"), j("{'code':'" + role + "','name':'导出员','dataScope':'ALL',"
                + "'permissions':['customer:view','customer:export']}")).status()).isEqualTo(201);
        String clerk = "export" + u;
        assertThat(post("/api/v1/users", tokenFor("admin"), j("{'username':'" + clerk + "','displayName':'导出员',"
                + "'password':'" + DEMO_PASSWORD + "','position':'STAFF','roles':['" + role + "']}")).status()).isEqualTo(201);

        String query = "/api/v1/customers/export?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8);
        var masked = download(query, tokenFor(clerk));
        assertThat(masked.statusCode()).isEqualTo(200);
        assertThat(masked.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (var wb = workbook(masked.body())) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(cells(sheet.getRow(0))).startsWith("客户编号", "客户名称", "客户类型", "电话");
            assertThat(cells(sheet.getRow(1)).get(1)).isEqualTo("导出甲" + u);
            assertThat(cells(sheet.getRow(1)).get(3)).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(cells(sheet.getRow(1)).get(11)).isEqualTo(region);
        }
        try (var wb = workbook(download(query, tokenFor("manager")).body())) {
            assertThat(cells(wb.getSheetAt(0).getRow(1)).get(3)).isEqualTo(phone);
        }
        assertThat(download(query, tokenFor("frontdesk")).statusCode()).isEqualTo(403);

        JsonNode entries = get("/api/v1/audit-events?recordType=customer-export&actor=" + clerk, tokenFor("manager"))
                .json().get("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("EXPORT");
        List<String> changes = new ArrayList<>();
        entries.get(0).get("changes").forEach(c -> changes.add(c.get("field").asString() + "=" + c.get("newValue").asString()));
        assertThat(changes).contains("filter=region=" + region, "rows=2", "masked=true");
    }
}
