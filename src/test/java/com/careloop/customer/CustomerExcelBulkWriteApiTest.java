package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The import writes customers, contacts and audit entries with JDBC batches, outside JPA: the
 * result must be indistinguishable from registering one by one, and the database's identity
 * sequences must still hand out fresh ids afterwards.
 */
class CustomerExcelBulkWriteApiTest extends ExcelApiTestBase {

    @Autowired
    JdbcClient jdbc;

    static final List<String> WITH_CONTACT = List.of("客户名称", "客户类型", "电话", "区域", "联系人", "联系人电话");

    @Test
    void aSingleRegistrationAfterABulkImportGetsAFreshIdAndContact() {
        String u = unique();
        byte[] file = xlsx(WITH_CONTACT, List.of(
                new Object[] {"批量甲" + u, "单位客户", mobile(), "苏州", "联系人甲", mobile()},
                new Object[] {"批量乙" + u, "经销商", mobile(), "无锡", "联系人乙", mobile()},
                new Object[] {"批量丙" + u, "单位客户", mobile(), null, null, null}));
        Response r = upload("/api/v1/customers/imports", tokenFor("manager"), "bulk.xlsx", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long maxImported = 0;
        for (JsonNode c : r.json().get("created")) {
            maxImported = Math.max(maxImported, c.get("id").asLong());
        }
        long maxContact = jdbc.sql("select max(id) from customer_contact").query(Long.class).single();

        Response single = post("/api/v1/customers", tokenFor("manager"), j("{'name':'单建" + u + "','kind':'ORGANISATION',"
                + "'phone':'" + mobile() + "','contacts':[{'name':'单建联系人','phone':'" + mobile() + "'}]}"));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        assertThat(single.json().get("id").asLong()).isGreaterThan(maxImported);
        assertThat(single.json().get("contacts").get(0).get("id").asLong()).isGreaterThan(maxContact);

        // the imported aggregate loads through JPA like any other and can be edited (version 0)
        long first = r.json().get("created").get(0).get("id").asLong();
        JsonNode detail = get("/api/v1/customers/" + first, tokenFor("manager")).json();
        assertThat(detail.get("version").asLong()).isZero();
        assertThat(detail.get("contacts")).hasSize(1);
        assertThat(detail.get("contacts").get(0).get("name").asString()).isEqualTo("联系人甲");
        assertThat(detail.get("contacts").get(0).get("primary").asBoolean()).isTrue();
        Response edit = put("/api/v1/customers/" + first, tokenFor("manager"), j("{'name':'批量甲改" + u
                + "','kind':'ORGANISATION','version':0,'contacts':[{'name':'联系人甲'}]}"));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void everyImportedCustomerHasTheSameCreateEntryAsASingleRegistration() {
        String u = unique();
        String phone = mobile();
        String contactPhone = mobile();
        byte[] file = xlsx(WITH_CONTACT, List.of(
                new Object[] {"审计导入" + u, "经销商", phone, "苏州", "审计联系人", contactPhone},
                new Object[] {"审计导入二" + u, "单位客户", mobile(), null, null, null}));
        Response r = upload("/api/v1/customers/imports", tokenFor("manager"), "audit.xlsx", file);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode created = r.json().get("created").get(0);

        JsonNode trail = get("/api/v1/audit-events/customer/" + created.get("id").asLong(), tokenFor("manager")).json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("manager");
        Map<String, String> imported = values(trail.get(0));
        assertThat(imported).containsEntry("code", created.get("code").asString())
                .containsEntry("name", "审计导入" + u).containsEntry("kind", "DISTRIBUTOR").containsEntry("phone", phone)
                .containsEntry("region", "苏州").containsEntry("active", "true").containsEntry("keyCustomer", "false")
                .containsEntry("contacts", "审计联系人 " + contactPhone + " *");
        assertThat(get("/api/v1/audit-events/customer/" + r.json().get("created").get(1).get("id").asLong(),
                tokenFor("manager")).json()).hasSize(1);

        // the same fields, from nothing, as the single register path records
        Response single = post("/api/v1/customers", tokenFor("manager"), j("{'name':'审计单建" + u + "','kind':'DISTRIBUTOR',"
                + "'phone':'" + mobile() + "','region':'苏州','contacts':[{'name':'审计联系人','phone':'" + mobile() + "'}]}"));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        JsonNode singleTrail = get("/api/v1/audit-events/customer/" + single.json().get("id").asLong(),
                tokenFor("manager")).json();
        assertThat(imported.keySet()).containsExactlyElementsOf(values(singleTrail.get(0)).keySet());
        trail.get(0).get("changes").forEach(c -> assertThat(c.get("oldValue").isNull()).isTrue());
    }

    private static Map<String, String> values(JsonNode entry) {
        Map<String, String> m = new LinkedHashMap<>();
        entry.get("changes").forEach(c -> m.put(c.get("field").asString(), c.get("newValue").asString()));
        return m;
    }
}
