package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The liaison pages, the birthday list and the 360 page's contact-log and purchases sections, in
 * all three languages, and their forms.
 */
class LiaisonPagesTest extends ApiTestBase {

    private PageSession signedIn(String user) {
        PageSession s = new PageSession(port);
        s.login(user, DEMO_PASSWORD);
        s.get("/");
        return s;
    }

    private long demoParty() {
        return get("/api/v1/liaison-parties?limit=200&q=%E6%88%BF%E4%BA%A7%E7%AE%A1%E7%90%86%E5%B1%80", tokenFor("manager"))
                .json().get("items").valueStream().filter(i -> i.get("name").asString().equals("苏州市姑苏区房产管理局"))
                .findFirst().orElseThrow().get("id").asLong();
    }

    private long demoCustomer() {
        // the demo customer 陈美玲, who has the demo purchases (tests register others with her phone number)
        return get("/api/v1/customers?limit=200&q=%E9%99%88%E7%BE%8E%E7%8E%B2", tokenFor("manager")).json().get("items")
                .valueStream().filter(i -> i.get("name").asString().equals("陈美玲")).mapToLong(i -> i.get("id").asLong())
                .min().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 政府部门（房管局等）, 走访与联络记录, 生日贺卡, 购买记录与三包, 联络记录, 导入购买记录",
            "zh-TW, 政府部門（房管局等）, 走訪與聯絡記錄, 生日賀卡, 購買記錄與三包, 聯絡記錄, 匯入購買記錄",
            "en, Government office, Visits and contacts, Birthday card, Purchases and warranties, Contact log, Import purchases"})
    void thePagesRenderInEveryLanguage(String lang, String kind, String visits, String card, String purchases, String log,
                                       String importTitle) {
        PageSession s = signedIn("manager");
        s.get("/?lang=" + lang);
        String list = s.get("/liaison-parties").body();
        assertThat(list).contains("id=\"liaison-list\"").contains(kind).contains("苏州市姑苏区房产管理局").doesNotContain("??");
        long party = demoParty();
        PageSession.Page profile = s.get("/liaison-parties/" + party);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains(visits).contains("张科长").contains("走访物管科").contains("id=\"party-log-form\"")
                .doesNotContain("??");
        assertThat(s.get("/liaison-parties/new").body()).contains("id=\"liaison-form\"").doesNotContain("??");
        assertThat(s.get("/liaison-parties/" + party + "/edit").body()).contains("苏州市姑苏区房产管理局").doesNotContain("??");
        String birthdays = s.get("/customers/birthdays?days=14").body();
        assertThat(birthdays).contains("id=\"birthday-list\"").contains(card).contains("周秀英").doesNotContain("??");
        String customer = s.get("/customers/" + demoCustomer()).body();
        assertThat(customer).contains(purchases).contains(log).contains("家用中央空调").contains("id=\"purchase-form\"")
                .contains("id=\"contact-log-form\"").contains("/purchases/import").doesNotContain("??");
        assertThat(s.get("/purchases/import").body()).contains(importTitle).contains("id=\"purchase-import-form\"")
                .contains("/purchases/import-template.xlsx").doesNotContain("??");
    }

    @Test
    void theImportPageReportsAMissingFileOnThePage() {
        PageSession s = signedIn("manager");
        s.get("/purchases/import");
        PageSession.Page r = s.post("/purchases/import");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("flash error").contains("file");
        assertThat(signedIn("frontdesk").get("/purchases/import").status()).isEqualTo(403);
    }

    @Test
    void aPartyIsCreatedOnTheFormAndAVisitLoggedOnItsProfile() {
        PageSession s = signedIn("supervisor");
        s.get("/liaison-parties/new");
        String name = "页面外联" + UUID.randomUUID().toString().substring(0, 6);
        PageSession.Page created = s.post("/liaison-parties", "name", name, "kind", "COMMUNITY_GROUP", "phone", "0512-66001122",
                "contacts[0].name", "团长 吴老师", "contacts[0].phone", "13900001111");
        assertThat(created.status()).isEqualTo(302);
        String path = URI.create(created.location()).getPath();
        assertThat(path).matches("/liaison-parties/\\d+");
        s.get(path);
        assertThat(s.post(path + "/contact-log", "kind", "VISIT", "channel", "VISIT", "occurredAt", "2026-02-01T10:30",
                "summary", "商谈社区文艺汇演").status()).isEqualTo(302);
        assertThat(s.get(path).body()).contains(name).contains("团长 吴老师").contains("商谈社区文艺汇演").contains("2026-02-01 10:30");
    }

    @Test
    void badFormInputComesBackAsAMessage() {
        PageSession s = signedIn("manager");
        s.get("/liaison-parties/new");
        PageSession.Page r = s.post("/liaison-parties", "name", "", "kind", "UTILITY", "phone", "12");
        assertThat(r.location()).endsWith("/liaison-parties/new");
        assertThat(s.get("/liaison-parties/new").body()).contains("flash error").contains("name").contains("phone");
        long customer = demoCustomer();
        s.get("/customers/" + customer);
        s.post("/customers/" + customer + "/contact-log", "kind", "CALL", "channel", "PHONE", "occurredAt", "2099-01-01T10:00",
                "summary", "未来");
        assertThat(s.get("/customers/" + customer).body()).contains("flash error").contains("occurredAt").doesNotContain("未来</td>");
        s.post("/customers/" + customer + "/purchases", "product", "空调", "saleDate", "2026-03-15", "deliveryDate", "2026-03-01");
        assertThat(s.get("/customers/" + customer).body()).contains("flash error").contains("deliveryDate");
    }

    @Test
    void aContactAndAPurchaseAreEnteredOnThe360PageAndTheBirthdayCardInOneClick() {
        PageSession s = signedIn("frontdesk");
        long customer = demoCustomer();
        s.get("/customers/" + customer);
        assertThat(s.post("/customers/" + customer + "/contact-log", "kind", "INQUIRY", "channel", "WECHAT_SMS", "summary",
                "咨询空调保修范围").status()).isEqualTo(302);
        assertThat(s.post("/customers/" + customer + "/purchases", "product", "新风系统", "model", "XF-250", "saleDate",
                "2026-03-15", "warrantyTerms", "包修2年").status()).isEqualTo(302);
        String page = s.get("/customers/" + customer).body();
        assertThat(page).contains("咨询空调保修范围").contains("张小燕").contains("新风系统").contains("2028-03-14");

        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'贺卡" + UUID.randomUUID().toString().substring(0, 6)
                + "','kind':'INDIVIDUAL','confirmDuplicate':true,'birthday':'"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).minusYears(45) + "'}"));
        long id = c.json().get("id").asLong();
        String before = s.get("/customers/birthdays?days=3").body();
        assertThat(before).contains("/customers/birthdays/" + id + "/card-sent");
        assertThat(s.post("/customers/birthdays/" + id + "/card-sent?days=3").status()).isEqualTo(302);
        assertThat(s.get("/customers/birthdays?days=3").body()).doesNotContain("/customers/birthdays/" + id + "/card-sent");
    }
}
