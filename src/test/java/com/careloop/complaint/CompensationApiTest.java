package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Advance compensation over HTTP: the approval chain, four eyes, positions, rejection, bad input. */
class CompensationApiTest extends ClaimTestSupport {

    static final String BASE = "/api/v1/compensations";

    long request(long customer, String amount) {
        return ok("complaints", BASE, "{'customerId':" + customer + ",'reason':'两次爽约，先行赔付误工费','amount':" + amount + "}")
                .get("id").asLong();
    }

    long notifications(String username, String code) {
        return jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_id
                where u.username = :u and n.title like :t""").param("u", username).param("t", "%" + code + "%")
                .query(Long.class).single();
    }

    @Test
    void supervisorThenManagerThenPaid() {
        long customer = newCustomer();
        long id = request(customer, "300");
        JsonNode a = get(BASE + "/" + id, tokenFor("complaints")).json();
        String code = a.get("code").asString();
        assertThat(code).matches("XP\\d{4}-\\d{6}");
        assertThat(a.get("amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(notifications("supervisor", code)).isEqualTo(1);
        refused("manager", BASE + "/" + id + "/approve-manager", null, 409, null, null);
        ok("supervisor", BASE + "/" + id + "/approve-supervisor", "{'version':" + a.get("version").asLong() + "}");
        assertThat(notifications("manager", code)).isEqualTo(1);
        refused("supervisor", BASE + "/" + id + "/approve-manager", null, 403, null, null);
        JsonNode approved = ok("manager", BASE + "/" + id + "/approve-manager", null);
        assertThat(approved.get("supervisorName").asString()).isEqualTo("李明");
        assertThat(approved.get("managerName").asString()).isEqualTo("王丽华");
        JsonNode paid = ok("manager", BASE + "/" + id + "/pay", "{'paymentReference':'FK-77'}");
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(kinds(paid)).containsExactly("SUBMITTED", "SUPERVISOR_APPROVED", "MANAGER_APPROVED", "PAID");
        assertThat(auditActions("advance-compensation", id)).containsExactly("CREATE", "SUPERVISOR_APPROVED",
                "MANAGER_APPROVED", "PAID");
    }

    @Test
    void theSamePersonMayNotApproveBothSteps() {
        long id = request(newCustomer(), "200");
        ok("manager", BASE + "/" + id + "/approve-supervisor", null);
        refused("manager", BASE + "/" + id + "/approve-manager", null, 422, "approver", "four-eyes");
        assertThat(get(BASE + "/" + id, tokenFor("manager")).json().get("status").asString()).isEqualTo("SUPERVISOR_APPROVED");
    }

    @Test
    void aStepByTheWrongPositionIsForbidden() {
        long id = request(newCustomer(), "200");
        // the general manager holds no compensation permission by default; a front-desk agent no approval
        refused("gm", BASE + "/" + id + "/approve-supervisor", null, 403, null, null);
        refused("frontdesk", BASE + "/" + id + "/approve-supervisor", null, 403, null, null);
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void eitherApproverRejectsWithAComment() {
        long first = request(newCustomer(), "100");
        JsonNode r = ok("supervisor", BASE + "/" + first + "/reject", "{'comment':'证据不足'}");
        assertThat(r.get("status").asString()).isEqualTo("REJECTED");
        assertThat(r.get("rejectionComment").asString()).isEqualTo("证据不足");
        long second = request(newCustomer(), "100");
        ok("supervisor", BASE + "/" + second + "/approve-supervisor", null);
        refused("supervisor", BASE + "/" + second + "/reject", "{'comment':'x'}", 403, null, null);
        assertThat(ok("manager", BASE + "/" + second + "/reject", "{'comment':'金额过高'}").get("rejectedBy").asString())
                .isEqualTo("王丽华");
        refused("manager", BASE + "/" + second + "/pay", null, 409, null, null);
    }

    @Test
    void aNegativeAmountIsRefusedAndNothingIsSaved() {
        long customer = newCustomer();
        refused("complaints", BASE, "{'customerId':" + customer + ",'reason':'x','amount':-1}", 422, "amount", "non-negative");
        refused("complaints", BASE, "{'customerId':" + customer + ",'reason':'x'}", 422, "amount", "required");
        assertThat(rows("advance_compensation", customer)).isZero();
        long id = request(customer, "0");
        refused("supervisor", BASE + "/" + id + "/approve-supervisor", "{'version':99}", 409, null, null);
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("SUBMITTED");
    }
}
