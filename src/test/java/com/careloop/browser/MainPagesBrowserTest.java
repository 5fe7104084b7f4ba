package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The main pages in real Chromium: sign in as the CS manager,
 * switch language, open the audit trail and the calendar, and see a user without permission refused.
 * Screenshots go to target/screenshots.
 */
class MainPagesBrowserTest extends BrowserTestBase {

    @Test
    void theCsManagerWorksThroughTheMainPagesInThreeLanguages() throws Exception {
        signIn("manager", "careloop2026");
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("王丽华");
        assertThat(text()).contains("审计追踪", "工作日历");
        screenshot("01-home-zh-CN");

        driver.findElement(By.id("lang-en")).click();
        assertThat(text()).contains("Audit trail", "Work calendar");

        driver.findElement(By.linkText("Audit trail")).click();
        assertThat(driver.findElement(By.id("audit-list")).isDisplayed()).isTrue();
        // the newest entries are whatever the modules' demo data wrote last: filter to the departments
        open("/admin/audit?recordType=department");
        assertThat(driver.findElement(By.id("audit-list")).getText()).contains("department");
        screenshot("02-audit-trail-en");

        open("/admin/calendar?lang=zh-TW");
        assertThat(driver.findElement(By.id("special-days")).getText()).contains("2026-10-01");
        assertThat(text()).contains("行事曆");
        screenshot("03-calendar-zh-TW");

        open("/admin/calendar?lang=zh-CN");
        assertThat(driver.findElement(By.id("special-days")).getText()).contains("国庆节", "调休上班");
        screenshot("04-calendar-zh-CN");
        signOut();
        assertThat(driver.findElement(By.id("login-submit")).isDisplayed()).isTrue();
    }

    @Test
    void aFrontDeskAgentIsRefusedTheAuditTrail() throws Exception {
        signIn("frontdesk", "careloop2026");
        assertThat(text()).doesNotContain("审计追踪");
        open("/admin/audit");
        assertThat(driver.findElement(By.id("error-page")).getText()).contains("403");
        screenshot("05-forbidden");
        open("/");
        signOut();
    }
}
