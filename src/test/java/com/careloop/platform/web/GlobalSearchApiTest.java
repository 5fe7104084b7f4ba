package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The global search box (issue 14 §4): any record by number, phone or customer name, each module answering for its
 * own records within the reader's data scope and permissions; an exact number is the record to jump to.
 */
class GlobalSearchApiTest extends ApiTestBase {

    JsonNode search(String user, String q) {
        Response r = get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), tokenFor(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> numbers(JsonNode result) {
        List<String> numbers = new ArrayList<>();
        result.get("hits").forEach(h -> numbers.add(h.get("number").asString()));
        return numbers;
    }

    @Test
    void findsARequestByNumberPhoneAndCustomerWithinTheScope() {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
        String name = "搜索客户" + UUID.randomUUID().toString().substring(0, 6);
        Response customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'INDIVIDUAL','phone':'" + phone + "','project':'翠湖花园','room':'5-801'}"));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        long customerId = customer.json().get("id").asLong();
        String customerCode = customer.json().get("code").asString();
        Response request = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'customerId':" + customerId
                + ",'contactName':'周先生','contactPhone':'" + phone + "','type':'REPAIR','title':'电梯异响','channel':'PHONE'}"));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        String number = request.json().get("code").asString();
        long id = request.json().get("id").asLong();

        JsonNode exact = search("manager", number);
        assertThat(exact.get("exact").get("href").asString()).isEqualTo("/service-requests/" + id);
        assertThat(exact.get("exact").get("kindKey").asString()).isEqualTo("search.kind.serviceRequest");
        assertThat(numbers(search("manager", number.toLowerCase()))).contains(number);

        assertThat(numbers(search("manager", phone))).contains(number, customerCode);
        assertThat(numbers(search("manager", phone.substring(7)))).as("the last 4 digits").contains(number);
        assertThat(numbers(search("manager", name))).contains(number, customerCode);
        // the hit never shows the phone
        assertThat(search("manager", phone).get("hits").toString()).doesNotContain(phone);

        // staff see only their own records: neither the request (registered by the front desk) nor the customer
        assertThat(numbers(search("staff", number))).doesNotContain(number);
        assertThat(search("staff", number).get("exact").isNull()).isTrue();
        assertThat(numbers(search("staff", phone))).doesNotContain(number);
        assertThat(numbers(search("staff", name))).doesNotContain(number, customerCode);
    }

    @Test
    void findsAComplaintByNumberOnlyForReadersOfComplaints() {
        String name = "投诉搜索" + UUID.randomUUID().toString().substring(0, 6);
        Response customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'INDIVIDUAL','phone':'13600000000','project':'翠湖花园','room':'5-802'}"));
        long customerId = customer.json().get("id").asLong();
        Response complaint = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customerId
                + ",'channel':'PHONE','content':'送货延误'}"));
        assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
        String number = complaint.json().get("code").asString();

        JsonNode found = search("complaints", number);
        assertThat(found.get("exact").get("href").asString()).isEqualTo("/complaints/" + complaint.json().get("id").asLong());
        assertThat(found.get("exact").get("kind").asString()).isEqualTo("投诉");
        assertThat(numbers(search("complaints", name))).contains(number);
        // the front desk has no complaint permission: the complaint is not among its hits
        assertThat(numbers(search("frontdesk", number))).doesNotContain(number);
    }

    @Test
    void refusesTooShortAQuery() {
        Response r = get("/api/v1/search?q=a", tokenFor("manager"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"q\"");
    }
}
