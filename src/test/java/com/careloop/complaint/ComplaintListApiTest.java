package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.careloop.support.KeysetPages;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The complaint list (issue 14 §4): sort by a column with keyset paging under the sort, the filters (category,
 * severity, department, handler, overdue, keyword), the named handler and the employee concerned, and the export of
 * what the list shows (same filters and sort, in the reader's language, company time, audited).
 */
class ComplaintListApiTest extends ComplaintTestBase {

    static final String BASE = "/api/v1/complaints";

    long receive(long customer, String receivedAt) {
        Response r = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer + ",'channel':'PHONE',"
                + "'receivedAt':'" + receivedAt + "','content':'纸箱受潮 " + UUID.randomUUID() + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Response step(long id, String action, String body) {
        long version = get(BASE + "/" + id, tokenFor("manager")).json().get("version").asLong();
        return post(BASE + "/" + id + "/" + action, tokenFor("manager"),
                j(body.replace("}", ",'version':" + version + "}")));
    }

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long departmentOf(String username) {
        return jdbc.sql("select department_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        get(BASE + "?" + query, tokenFor("manager")).json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void sortsByAColumnBothWaysAndPagesUnderTheSort() {
        long customer = customer();
        // created in an order different from their receipt times, so "by id" and "by time" differ
        long b = receive(customer, "2026-03-02T10:00:00+08:00");
        long a = receive(customer, "2026-03-01T10:00:00+08:00");
        long c = receive(customer, "2026-03-03T10:00:00+08:00");
        long d = receive(customer, "2026-03-02T10:00:00+08:00"); // the same time as b: the id breaks the tie

        assertThat(ids("customerId=" + customer + "&sort=receivedAt")).containsExactly(a, b, d, c);
        assertThat(ids("customerId=" + customer + "&sort=-receivedAt")).containsExactly(c, d, b, a);
        assertThat(ids("customerId=" + customer)).containsExactly(d, c, a, b);
        // one row a page: the cursor carries the sort value and the id, so the walk gives the same order
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), BASE + "?customerId=" + customer
                + "&sort=receivedAt&limit=1", 10)).containsExactly(a, b, d, c);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), BASE + "?customerId=" + customer
                + "&sort=-receivedAt&limit=1", 10)).containsExactly(c, d, b, a);

        Response bad = get(BASE + "?sort=content", tokenFor("manager"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"sort\"");
        assertThat(get(BASE + "?sort=receivedAt&cursor=zz!", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void aStaffAttitudeComplaintNamesTheEmployeeAndTheHandlerIsOfTheResponsibleDepartment() {
        long customer = customer();
        long id = receive(customer, "2026-04-01T09:00:00+08:00");
        assertThat(step(id, "acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}").status()).isEqualTo(200);
        long repairTeam = departmentOf("staff");

        Response noEmployee = step(id, "assess", "{'category':'STAFF_ATTITUDE','severity':'GENERAL','departmentId':"
                + repairTeam + "}");
        assertThat(noEmployee.status()).isEqualTo(422);
        assertThat(noEmployee.body()).contains("\"field\":\"concernedEmployeeId\"");

        Response wrongHandler = step(id, "assess", "{'category':'STAFF_ATTITUDE','severity':'GENERAL','departmentId':"
                + repairTeam + ",'concernedEmployeeId':" + user("staff") + ",'handlerId':" + user("sales") + "}");
        assertThat(wrongHandler.status()).isEqualTo(422);
        assertThat(wrongHandler.body()).contains("\"field\":\"handlerId\"");
        assertThat(get(BASE + "/" + id, tokenFor("manager")).json().get("status").asString())
                .as("a refused step writes nothing").isEqualTo("ACKNOWLEDGED");

        Response assessed = step(id, "assess", "{'category':'STAFF_ATTITUDE','severity':'MAJOR','departmentId':"
                + repairTeam + ",'concernedEmployeeId':" + user("staff") + ",'handlerId':" + user("teamleader") + "}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        JsonNode c = assessed.json();
        assertThat(c.get("handlerId").asLong()).isEqualTo(user("teamleader"));
        assertThat(c.get("handlerName").asString()).isEqualTo("刘大伟");
        assertThat(c.get("concernedEmployeeName").asString()).isEqualTo("孙师傅");

        // re-assigning: the named domain method, audited
        assertThat(step(id, "handler", "{'handlerId':" + user("sales") + "}").status()).isEqualTo(422);
        Response reassigned = step(id, "handler", "{'handlerId':" + user("staff") + "}");
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(reassigned.json().get("handlerName").asString()).isEqualTo("孙师傅");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'complaint' and record_id = :id"
                + " and action = 'ASSIGN_HANDLER'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

        // the filters find it, and only it among the customer's complaints
        long other = receive(customer, "2026-04-02T09:00:00+08:00");
        String mine = "customerId=" + customer;
        assertThat(ids(mine + "&handlerId=" + user("staff"))).containsExactly(id);
        assertThat(ids(mine + "&departmentId=" + repairTeam)).containsExactly(id);
        assertThat(ids(mine + "&category=STAFF_ATTITUDE")).containsExactly(id);
        assertThat(ids(mine + "&severity=MAJOR")).containsExactly(id);
        assertThat(ids(mine + "&concernedEmployeeId=" + user("staff"))).containsExactly(id);
        assertThat(ids(mine)).containsExactly(other, id);
        assertThat(ids(mine + "&overdue=true")).as("received in April, both are past their deadlines")
                .containsExactly(other, id);
        String name = get(BASE + "/" + id, tokenFor("manager")).json().get("customerName").asString();
        assertThat(ids("q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .containsExactly(other, id);
    }

    @Test
    void exportsWhatTheListShowsInTheReadersLanguageAndCompanyTime() throws Exception {
        long customer = customer();
        long first = receive(customer, "2026-05-01T08:30:00+08:00");
        long second = receive(customer, "2026-05-02T23:45:00+08:00");
        assertThat(step(second, "acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}").status()).isEqualTo(200);
        assertThat(step(second, "assess", "{'category':'PRODUCT_QUALITY','severity':'GENERAL','departmentId':"
                + departmentOf("staff") + ",'handlerId':" + user("staff") + "}").status()).isEqualTo(200);
        long audits = exports();

        List<List<String>> en = sheet("/api/v1/complaints/export?customerId=" + customer + "&sort=receivedAt&lang=en");
        assertThat(en.get(0)).startsWith("Complaint no.", "Customer").contains("Handler");
        assertThat(en).hasSize(3);
        String code1 = get(BASE + "/" + first, tokenFor("manager")).json().get("code").asString();
        String code2 = get(BASE + "/" + second, tokenFor("manager")).json().get("code").asString();
        assertThat(en.get(1).get(0)).isEqualTo(code1);
        assertThat(en.get(2).get(0)).isEqualTo(code2);
        assertThat(en.get(2)).contains("Product quality", "孙师傅");
        // the receipt time in the company's zone (23:45 Shanghai is 15:45 UTC)
        assertThat(en.get(2).get(2)).isEqualTo(LocalDateTime.of(2026, 5, 2, 23, 45).toString());

        List<List<String>> zh = sheet("/api/v1/complaints/export?customerId=" + customer + "&sort=-receivedAt&lang=zh-CN");
        assertThat(zh.get(0)).contains("处理人");
        assertThat(zh.get(1).get(0)).as("the same sort as the list").isEqualTo(code2);
        assertThat(zh.get(1)).contains("产品质量");
        assertThat(exports()).isEqualTo(audits + 2);

        // a bad sort is a problem answer, not a broken file
        assertThat(get("/api/v1/complaints/export?sort=nonsense", tokenFor("manager")).status()).isEqualTo(422);
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where record_type = 'complaint-list-export'")
                .query(Long.class).single();
    }

    /** The first sheet as text: strings as they are, date-times as ISO local date-times. */
    List<List<String>> sheet(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokenFor("manager")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("complaints-");
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(switch (cell.getCellType()) {
                    case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toString() : String.valueOf(cell.getNumericCellValue());
                    case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                    default -> cell.getStringCellValue();
                }));
                rows.add(cells);
            }
        }
        return rows;
    }
}
