package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

/** The archive through its pages: register with contacts, the duplicate warning, masking, the 360 page. */
class CustomerPagesTest extends ApiTestBase {

    private PageSession signedIn(String user) {
        PageSession s = new PageSession(port);
        s.login(user, DEMO_PASSWORD);
        s.get("/customers/new");
        return s;
    }

    @Test
    void aFrontDeskAgentRegistersACustomerWithAContactOnTheForm() {
        PageSession s = signedIn("frontdesk");
        String name = "页面登记" + UUID.randomUUID().toString().substring(0, 6);
        PageSession.Page r = s.post("/customers", "name", name, "kind", "INDIVIDUAL", "phone", "13700001111",
                "project", "翠湖花园", "room", "7-0707", "contacts[0].name", "家属 王先生", "contacts[0].phone", "13700002222",
                "confirmDuplicate", "true");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).matches(".*/customers/\\d+");
        String page = s.get(java.net.URI.create(r.location()).getPath()).body();
        assertThat(page).contains(name).contains("家属 王先生").contains("137****1111").doesNotContain("13700001111");
    }

    @Test
    void theFormOffersOnlyStaffWhoCanRepresentACustomer() {
        String name = "无部门员工" + UUID.randomUUID().toString().substring(0, 6);
        Response created = post("/api/v1/users", tokenFor("admin"), j("{'username':'nd" + UUID.randomUUID().toString()
                .substring(0, 6) + "','displayName':'" + name + "','password':'secret-123','position':'STAFF','roles':['STAFF']}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String form = signedIn("manager").get("/customers/new").body();
        assertThat(form).doesNotContain(name).contains("张小燕");
    }

    @Test
    void aPossibleDuplicateIsShownBeforeRegistering() {
        PageSession s = signedIn("manager");
        PageSession.Page r = s.post("/customers", "name", "陈美玲", "kind", "INDIVIDUAL");
        assertThat(r.location()).endsWith("/customers/new");
        String form = s.get("/customers/new").body();
        assertThat(form).contains("id=\"duplicates\"").contains("陈美玲").contains("confirm-duplicate");
    }

    @Test
    void invalidFieldsComeBackAsAReadableMessage() {
        PageSession s = signedIn("manager");
        PageSession.Page r = s.post("/customers", "name", "", "kind", "INDIVIDUAL", "phone", "12");
        assertThat(r.location()).endsWith("/customers/new");
        assertThat(s.get("/customers/new").body()).contains("flash error").contains("phone").contains("name");
    }

    @Test
    void aUserWhoSeesMaskedNumbersCannotOpenTheEditForm() {
        PageSession s = signedIn("frontdesk");
        long id = get("/api/v1/customers?q=13812345678", tokenFor("manager")).json().get("items").get(0).get("id").asLong();
        PageSession.Page edit = s.get("/customers/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(302);
        assertThat(s.get(java.net.URI.create(edit.location()).getPath()).body()).contains("不能编辑此档案");
    }
}
