package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.OneDatabase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

/** Form login with session and CSRF, lockout message, logout. */
@OneDatabase
class LoginPageTest extends ApiTestBase {

    @Test
    void theLoginPageShowsTheDemoPasswordInDemoMode() {
        PageSession s = new PageSession(port);
        String body = s.get("/login").body();
        assertThat(body).contains("careloop2026").contains("demo-accounts");
    }

    @Test
    void aManagerSignsInSeesTheShellAndSignsOut() {
        PageSession s = new PageSession(port);
        PageSession.Page login = s.login("manager", DEMO_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        PageSession.Page home = s.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("王丽华").contains("审计追踪").contains("工作日历").doesNotContain("角色与权限");
        PageSession.Page logout = s.post("/logout");
        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(s.get("/").status()).isEqualTo(302);
    }

    @Test
    void aFormPostWithoutCsrfIsRefused() {
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/admin/departments");
        PageSession.Page r = s.postWithoutCsrf("/admin/departments", "code", "NOCSRF", "name", "x");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void afterFiveWrongPasswordsTheLoginPageSaysToWait() {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username
                + "','displayName':'锁定测试','password':'right-password','position':'STAFF','roles':['STAFF']}"));
        PageSession s = new PageSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(s.login(username, "wrong").location()).endsWith("/login?error=bad");
        }
        PageSession.Page locked = s.login(username, "right-password");
        assertThat(locked.location()).endsWith("/login?error=locked");
        assertThat(s.get("/login?error=locked").body()).contains("请 15 分钟后再试");
    }

    @Test
    void anInvalidFormShowsAReadableMessageAndWritesNothing() {
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/admin/departments");
        PageSession.Page r = s.post("/admin/departments", "code", "bad code!", "name", "");
        assertThat(r.status()).isEqualTo(302);
        String page = s.get("/admin/departments").body();
        assertThat(page).contains("flash error").contains("code").contains("name");
        assertThat(page).doesNotContain("bad code!");
    }

    @Test
    void aRefusedStepShowsTheReasonOnThePage() {
        PageSession s = new PageSession(port);
        s.login("admin", ADMIN_PASSWORD);
        s.get("/admin/departments");
        long cs = get("/api/v1/departments", tokenFor("admin")).json().valueStream()
                .filter(d -> d.get("code").asString().equals("CS")).findFirst().orElseThrow().get("id").asLong();
        PageSession.Page r = s.post("/admin/departments/" + cs + "/deactivate");
        assertThat(r.status()).isEqualTo(302);
        String back = java.net.URI.create(r.location()).getPath();
        assertThat(s.get(back).body()).contains("flash error").contains("名在职用户，不能停用");
    }

    @Test
    void theCalendarPageShowsHoursInTheFormatItSavesAndSavingRoundTrips() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        String page = s.get("/admin/calendar?lang=zh-CN").body();
        assertThat(page).contains("value=\"08:30-12:00,13:30-17:30\"");
        long id = get("/api/v1/calendars", tokenFor("manager")).json().get(0).get("id").asLong();
        long version = get("/api/v1/calendars/" + id, tokenFor("manager")).json().get("version").asLong();
        PageSession.Page saved = s.post("/admin/calendar/" + id + "/hours", "version", String.valueOf(version),
                "hours_MONDAY", "08:30-12:00,13:30-17:30", "hours_TUESDAY", "08:30-12:00,13:30-17:30",
                "hours_WEDNESDAY", "08:30-12:00,13:30-17:30", "hours_THURSDAY", "08:30-12:00,13:30-17:30",
                "hours_FRIDAY", "08:30-12:00,13:30-17:30", "hours_SATURDAY", "", "hours_SUNDAY", "");
        assertThat(saved.location()).endsWith("/admin/calendar");
        assertThat(get("/api/v1/calendars/" + id, tokenFor("manager")).json().get("version").asLong()).isEqualTo(version + 1);
        PageSession.Page bad = s.post("/admin/calendar/" + id + "/hours", "version", String.valueOf(version + 1),
                "hours_MONDAY", "8点到12点");
        assertThat(s.get(java.net.URI.create(bad.location()).getPath()).body()).contains("08:30-12:00,13:30-17:30");
    }

    @Test
    void languageSwitchesToEnglishAndTraditionalChinese() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        assertThat(s.get("/?lang=en").body()).contains("Audit trail");
        assertThat(s.get("/admin/calendar").body()).contains("Weekly working hours");
        assertThat(s.get("/?lang=zh-TW").body()).contains("稽核軌跡");
    }
}
