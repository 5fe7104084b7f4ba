package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14 §6: NUL and implausible years are field errors everywhere; the public form's unknown type too. */
class InputRulesApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long count(String marker) {
        return jdbc.sql("select count(*) from service_request where title like :m or description like :m")
                .param("m", "%" + marker + "%").query(Long.class).single();
    }

    @Test
    void aNulInAJsonTextIsAFieldErrorAndWritesNothing() {
        String marker = UUID.randomUUID().toString();
        Response r = post("/api/v1/service-requests?lang=en", tokenFor("frontdesk"), j("{'contactName':'赵女士',"
                + "'contactPhone':'13900002222','type':'REPAIR','title':'门锁" + marker + "\\u0000坏了','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("nul");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("NUL");
        assertThat(count(marker)).isZero();
    }

    @Test
    void aNulInAQueryOrFormParameterIsAFieldError() {
        Response r = get("/api/v1/customers?q=a%00b", tokenFor("manager"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("nul");
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/admin/departments");
        String code = "N" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PageSession.Page page = s.post("/admin/departments", "code", code, "name", "部门\u0000名");
        assertThat(page.status()).isEqualTo(302);
        assertThat(s.get(java.net.URI.create(page.location()).getPath()).body()).contains("flash error").contains("name");
        assertThat(jdbc.sql("select count(*) from department where code = :c").param("c", code).query(Long.class).single()).isZero();
    }

    @Test
    void anAppointmentInYear99999IsAFieldError() {
        String marker = UUID.randomUUID().toString();
        Response r = post("/api/v1/service-requests?lang=en", tokenFor("frontdesk"), j("{'contactName':'李先生',"
                + "'contactPhone':'13812345678','type':'BOOKED_REPAIR','title':'预约" + marker + "','channel':'WALK_IN',"
                + "'appointmentStart':'+99999-05-06T09:00:00+08:00','appointmentEnd':'+99999-05-06T11:00:00+08:00'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("appointmentStart");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("date-range");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("1900", "2200");
        assertThat(count(marker)).isZero();
    }

    @Test
    void thePublicFormAnswersAnUnknownTypeWithAFieldErrorAndCountsItAgainstTheLimit() {
        PageSession s = new PageSession(port).from("198.19." + (int) (Math.random() * 250) + ".7");
        s.get("/public/service-requests?lang=en");
        String marker = UUID.randomUUID().toString();
        PageSession.Page page = s.post("/public/service-requests", "name", "陈女士", "phone", "138 0013 8000",
                "type", "NO_SUCH_TYPE", "description", "水管 " + marker);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("public-form-errors", "Type", "choose one from the list")
                .doesNotContain("Exception").doesNotContain("at com.careloop");
        assertThat(count(marker)).isZero();
        for (int i = 0; i < 4; i++) {
            s.post("/public/service-requests", "type", "NO_SUCH_TYPE");
        }
        // the limit runs first: the sixth try is refused before any validation
        assertThat(s.post("/public/service-requests", "type", "NO_SUCH_TYPE").status()).isEqualTo(429);
    }
}
