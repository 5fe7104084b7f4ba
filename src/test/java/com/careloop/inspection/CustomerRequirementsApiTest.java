package com.careloop.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The customer-specific requirements register (003-I1) over HTTP: a requirement is recorded per customer with its
 * source document, responsible department, how we meet it, status and review date; bad input is a 422 naming the field;
 * a stale edit is a 409; the register exports to Excel and shows on its page; the P folder of an audit of that customer
 * lists the customer's requirements (a withdrawn one no longer).
 */
class CustomerRequirementsApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/customer-requirements";

    @Autowired
    JdbcClient jdbc;

    long customer(String name) {
        String phone = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode ok(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    @Test
    void aCustomersRequirementsAreRecordedCheckedExportedAndShownInTheAuditsPreparationFolder() {
        String q = tokenFor("quality");
        String name = "特殊要求客户" + UUID.randomUUID().toString().substring(0, 8);
        long customerId = customer(name);
        long qa = jdbc.sql("select id from department where code = 'QA'").query(Long.class).single();

        // bad input: each refusal names its field, nothing is saved
        Response noText = post(BASE, q, j("{'customerId':" + customerId + "}"));
        assertThat(noText.status()).isEqualTo(422);
        assertThat(noText.body()).contains("requirement");
        Response noCustomer = post(BASE, q, j("{'customerId':-5,'requirement':'x'}"));
        assertThat(noCustomer.status()).isEqualTo(422);
        assertThat(noCustomer.body()).contains("customerId");
        Response metWithoutHow = post(BASE, q, j("{'customerId':" + customerId + ",'requirement':'x','status':'MET'}"));
        assertThat(metWithoutHow.status()).isEqualTo(422);
        assertThat(metWithoutHow.body()).contains("fulfilment");
        Response badDept = post(BASE, q, j("{'customerId':" + customerId + ",'requirement':'x','departmentId':-9}"));
        assertThat(badDept.status()).isEqualTo(422);
        assertThat(badDept.body()).contains("departmentId");
        assertThat(post(BASE, tokenFor("staff"), j("{'customerId':" + customerId + ",'requirement':'x'}")).status())
                .isEqualTo(403);
        assertThat(ok(get(BASE + "?customerId=" + customerId, q), 200).size()).isZero();

        JsonNode packing = ok(post(BASE, q, j("{'customerId':" + customerId + ",'requirement':'出货标签须含批次二维码',"
                + "'sourceDocument':'客户包装规范 PK-07','departmentId':" + qa + ",'fulfilment':'贴标工序加二维码检验',"
                + "'status':'MET','reviewOn':'2027-06-30'}")), 201);
        assertThat(packing.get("customerName").asString()).isEqualTo(name);
        assertThat(packing.get("departmentName").asString()).isNotBlank();
        assertThat(packing.get("status").asString()).isEqualTo("MET");
        JsonNode csr = ok(post(BASE, q, j("{'customerId':" + customerId + ",'requirement':'冲突矿产报告 CFSI_CMRT 每年更新',"
                + "'sourceDocument':'CSR checklist'}")), 201);
        assertThat(csr.get("status").asString()).isEqualTo("IDENTIFIED");

        // an edit with a stale version is refused; with the current one it is saved and audited
        long id = csr.get("id").asLong();
        long v = csr.get("version").asLong();
        String edit = "{'customerId':" + customerId + ",'requirement':'冲突矿产报告 CFSI_CMRT 每年更新',"
                + "'sourceDocument':'CSR checklist','status':'IN_PROGRESS','departmentId':" + qa + ",'version':";
        JsonNode edited = ok(put(BASE + "/" + id, q, j(edit + v + "}")), 200);
        assertThat(edited.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(put(BASE + "/" + id, q, j(edit + v + "}")).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-requirement' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);

        // filters and the Excel export
        assertThat(ok(get(BASE + "?customerId=" + customerId + "&status=MET", q), 200).size()).isEqualTo(1);
        Response xlsx = call("GET", BASE + "/export?customerId=" + customerId, q, null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");

        // the P folder of an audit of this customer shows the list
        long templateId = ok(get("/api/v1/checklist-templates?kind=CSR&status=PUBLISHED", q), 200).get(0).get("id").asLong();
        JsonNode audit = ok(post("/api/v1/audits", q, j("{'templateId':" + templateId + ",'auditDate':'2027-03-08',"
                + "'customerId':" + customerId + "}")), 201);
        long auditId = audit.get("id").asLong();
        JsonNode forAudit = ok(get("/api/v1/audits/" + auditId + "/requirements", q), 200);
        assertThat(forAudit.toString()).contains("出货标签须含批次二维码", "CFSI_CMRT");

        PageSession session = new PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        var page = session.get("/audits/" + auditId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"customer-requirements\"", "出货标签须含批次二维码");
        var register = session.get("/customer-requirements?customerId=" + customerId + "&lang=en");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body()).contains("Customer-specific requirements", "Being put in place", "PK-07");

        // withdrawn by the customer: no longer in the preparation folder
        ok(put(BASE + "/" + id, q, j(edit.replace("IN_PROGRESS", "WITHDRAWN") + edited.get("version").asLong() + "}")), 200);
        assertThat(ok(get("/api/v1/audits/" + auditId + "/requirements", q), 200).toString()).doesNotContain("CFSI_CMRT");
    }
}
