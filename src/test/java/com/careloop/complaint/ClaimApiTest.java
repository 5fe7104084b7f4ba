package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.careloop.support.Multipart;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Claims over HTTP: the whole procedure, approval limits by position, rejections, and every refused input. */
class ClaimApiTest extends ClaimTestSupport {

    static final String BASE = "/api/v1/claims";

    long register(long customer, String amount) {
        return ok("complaints", BASE, "{'customerId':" + customer + ",'product':'瓦楞纸箱 BC-580','orderNumber':'PO-9',"
                + "'claimedAmount':" + amount + ",'description':'到货受潮塌陷'}").get("id").asLong();
    }

    /** Registered, evidence, inspected and responsibility determined: ready for a proposal. */
    long readyToPropose(long customer) {
        long id = register(customer, "3600");
        ok("complaints", BASE + "/" + id + "/evidence", "{'note':'收货单签注外箱潮湿'}");
        ok("quality", BASE + "/" + id + "/inspect", "{'method':'ON_SITE','findings':'含水率 18%','inspector':'周卫东',"
                + "'inspectedOn':'" + today() + "'}");
        ok("complaints", BASE + "/" + id + "/responsibility", "{'responsibility':'OURS'}");
        return id;
    }

    @Test
    void theWholeProcedureFromRegistrationToSettlement() throws Exception {
        long customer = newCustomer();
        long complaint = ok("complaints", "/api/v1/complaints", "{'customerId':" + customer
                + ",'content':'纸箱受潮','product':'BC-580'}").get("id").asLong();
        JsonNode c = ok("complaints", BASE, "{'customerId':" + customer + ",'complaintId':" + complaint
                + ",'product':'瓦楞纸箱 BC-580','claimedAmount':3600,'description':'到货受潮塌陷 300 只'}");
        long id = c.get("id").asLong();
        assertThat(get(BASE + "/" + id, tokenFor("gm")).body()).as("money keeps two decimals")
                .contains("\"claimedAmount\":3600.00");
        assertThat(c.get("code").asString()).matches("SP\\d{4}-\\d{6}");
        assertThat(c.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(c.get("claimedAmount").decimalValue()).isEqualByComparingTo("3600.00");
        assertThat(c.get("nextSteps").valueStream().map(JsonNode::asString).toList()).containsExactly("evidence");

        ok("complaints", BASE + "/" + id + "/evidence", "{'note':'客户到货照片 12 张'}");
        Response photo = upload(BASE + "/" + id + "/evidence/photos", "complaints",
                new Multipart().file("file", "受潮 照片.png", "image/png", PNG).field("note", "外箱"));
        assertThat(photo.status()).as(photo.body()).isEqualTo(200);
        JsonNode evidence = photo.json().get("evidence");
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(1).get("fileName").asString()).isEqualTo("受潮 照片.png");
        assertThat(evidence.get(1).get("contentType").asString()).isEqualTo("image/png");
        long photoId = evidence.get(1).get("id").asLong();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/" + id
                + "/evidence/" + photoId)).header("Authorization", "Bearer " + tokenFor("gm")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PNG);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        ok("quality", BASE + "/" + id + "/inspect", "{'method':'RETURNED_GOODS','findings':'含水率 18%','inspector':'周卫东',"
                + "'inspectedOn':'" + today() + "'}");
        JsonNode r = ok("complaints", BASE + "/" + id + "/responsibility",
                "{'responsibility':'SHARED','ourSharePercent':40,'note':'承运商未加篷布'}");
        assertThat(r.get("ourSharePercent").decimalValue()).isEqualByComparingTo("40");
        ok("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':1440}");
        JsonNode approved = ok("manager", BASE + "/" + id + "/approve", null);
        assertThat(approved.get("approvedBy").asString()).isEqualTo("王丽华");
        assertThat(approved.get("approverPosition").asString()).isEqualTo("CS_MANAGER");
        ok("complaints", BASE + "/" + id + "/agree", "{'how':'书面确认函','agreedBy':'客户王经理'}");
        JsonNode settled = ok("complaints", BASE + "/" + id + "/settle", "{'settledAmount':1440,'paymentReference':'FK-2026-088',"
                + "'version':" + get(BASE + "/" + id, tokenFor("complaints")).json().get("version").asLong() + "}");
        assertThat(settled.get("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.get("settledAmount").decimalValue()).isEqualByComparingTo("1440.00");
        assertThat(settled.get("settledOn").asString()).isEqualTo(today().toString());
        assertThat(kinds(settled)).containsExactly("REGISTERED", "EVIDENCE", "EVIDENCE", "INSPECTED", "RESPONSIBILITY",
                "PROPOSED", "APPROVED", "AGREED", "SETTLED");
        assertThat(auditActions("claim", id)).containsExactly("CREATE", "EVIDENCE", "EVIDENCE", "INSPECTED",
                "RESPONSIBILITY", "PROPOSED", "APPROVED", "AGREED", "SETTLED");
        // the complaint's claims, by the complaint's id
        assertThat(get(BASE + "?complaintId=" + complaint, tokenFor("gm")).json().get("items").valueStream()
                .map(n -> n.get("id").asLong()).toList()).containsExactly(id);
    }

    @Test
    void anApprovalAboveTheApproversLimitIsRefusedAndNothingChanges() {
        long id = readyToPropose(newCustomer());
        ok("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':1000.01}");
        JsonNode problem = refused("supervisor", BASE + "/" + id + "/approve", null, 422, "proposedAmount", "approval-limit");
        assertThat(problem.get("detail").asString()).contains("1000");
        assertThat(get(BASE + "/" + id, tokenFor("gm")).json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(auditActions("claim", id)).doesNotContain("APPROVED");

        ok("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':5000.01}");
        refused("manager", BASE + "/" + id + "/approve", null, 422, "proposedAmount", "approval-limit");
        refused("frontdesk", BASE + "/" + id + "/approve", null, 403, null, null);
        JsonNode byGm = ok("gm", BASE + "/" + id + "/approve", null);
        assertThat(byGm.get("status").asString()).isEqualTo("APPROVED");
        assertThat(byGm.get("approverPosition").asString()).isEqualTo("GENERAL_MANAGER");
    }

    @Test
    void theSupervisorApprovesUpToOneThousand() {
        long id = readyToPropose(newCustomer());
        ok("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':1000}");
        assertThat(ok("supervisor", BASE + "/" + id + "/approve", null).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aRejectionAndTheCustomersRefusalBothGoBackToProposed() {
        long id = readyToPropose(newCustomer());
        ok("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':800}");
        JsonNode rejected = ok("manager", BASE + "/" + id + "/reject", "{'comment':'请补充运单'}");
        assertThat(rejected.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(rejected.get("rejectionComment").asString()).isEqualTo("请补充运单");
        refused("manager", BASE + "/" + id + "/reject", "{'comment':' '}", 422, "comment", "NotBlank");
        ok("manager", BASE + "/" + id + "/approve", null);
        JsonNode back = ok("complaints", BASE + "/" + id + "/rejected-by-customer", "{'comment':'顾客要求全额赔偿'}");
        assertThat(back.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(back.get("approvedBy").isNull()).isTrue();
        assertThat(kinds(back)).endsWith("PROPOSED", "APPROVAL_REJECTED", "APPROVED", "REJECTED_BY_CUSTOMER");
    }

    @Test
    void theCustomersResponsibilityClosesWithoutPayment() {
        long id = register(newCustomer(), "500");
        ok("complaints", BASE + "/" + id + "/evidence", "{'note':'照片'}");
        ok("quality", BASE + "/" + id + "/inspect", "{'method':'RETURNED_GOODS','findings':'人为摔坏','inspector':'周卫东',"
                + "'inspectedOn':'" + today() + "'}");
        ok("complaints", BASE + "/" + id + "/responsibility", "{'responsibility':'CUSTOMER','note':'使用不当'}");
        refused("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':100}", 409, null, null);
        assertThat(ok("complaints", BASE + "/" + id + "/close", null).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void negativeAmountsAreRefusedAndNothingIsHalfSaved() {
        long customer = newCustomer();
        refused("complaints", BASE, "{'customerId':" + customer + ",'product':'纸箱','claimedAmount':-5,'description':'x'}",
                422, "claimedAmount", "non-negative");
        assertThat(rows("claim", customer)).isZero();
        long id = readyToPropose(customer);
        long version = get(BASE + "/" + id, tokenFor("complaints")).json().get("version").asLong();
        refused("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':-0.01}", 422, "proposedAmount", "non-negative");
        JsonNode after = get(BASE + "/" + id, tokenFor("complaints")).json();
        assertThat(after.get("status").asString()).isEqualTo("RESPONSIBILITY");
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(kinds(after)).doesNotContain("PROPOSED");
        refused("complaints", BASE + "/" + id + "/propose", "{'proposedAmount':1.005}", 422, "proposedAmount", "scale");
    }

    @Test
    void aSkippedStepIsAConflictNamingTheStateAndAStaleVersionToo() {
        long id = register(newCustomer(), "100");
        JsonNode problem = refused("quality", BASE + "/" + id + "/inspect", "{'method':'ON_SITE','findings':'x','inspector':'y',"
                + "'inspectedOn':'" + today() + "'}", 409, null, null);
        assertThat(problem.get("detail").asString()).contains("REGISTERED");
        refused("manager", BASE + "/" + id + "/approve", null, 409, null, null);
        ok("complaints", BASE + "/" + id + "/evidence", "{'note':'一','version':0}");
        JsonNode stale = refused("complaints", BASE + "/" + id + "/evidence", "{'note':'二','version':0}", 409, null, null);
        assertThat(stale.get("type").asString()).endsWith("concurrent-edit");
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("evidence")).hasSize(1);
    }

    @Test
    void badReferencesAndFilesAreRefused() {
        long customer = newCustomer();
        long other = newCustomer();
        long complaint = ok("complaints", "/api/v1/complaints", "{'customerId':" + other + ",'content':'x'}").get("id").asLong();
        refused("complaints", BASE, "{'customerId':" + customer + ",'complaintId':" + complaint
                + ",'product':'p','claimedAmount':1,'description':'x'}", 422, "complaintId", "same-customer");
        refused("complaints", BASE, "{'customerId':987654321,'product':'p','claimedAmount':1,'description':'x'}",
                422, "customerId", "exists");
        long id = register(customer, "10");
        Response exe = upload(BASE + "/" + id + "/evidence/photos", "complaints",
                new Multipart().file("file", "virus.png", "image/png", "MZ\u0090\u0000binary".getBytes()));
        assertThat(exe.status()).as(exe.body()).isEqualTo(422);
        assertThat(exe.json().get("errors").get(0).get("rule").asString()).isEqualTo("content-type");
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("REGISTERED");
        assertThat(get(BASE + "/987654321", tokenFor("complaints")).status()).isEqualTo(404);
    }
}
