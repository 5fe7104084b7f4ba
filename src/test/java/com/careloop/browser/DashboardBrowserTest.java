package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home dashboards in real Chromium: the CS manager sees the KPI dashboard in Chinese and drills down from the
 * overdue requests figure to the queue listing exactly as many; the front desk sees its work and no admin counters.
 */
class DashboardBrowserTest extends BrowserTestBase {

    @Test
    void theManagerDrillsDownFromTheOverdueFigureToTheQueue() throws Exception {
        signIn("manager", "careloop2026");
        assertThat(driver.findElement(By.id("kpi-dashboard")).getText()).contains("KPI 仪表板", "当前超时报事");
        assertThat(driver.findElement(By.id("company-dashboard")).getText()).contains("公司级指标", "重大投诉");
        assertThat(driver.findElement(By.id("my-work")).getText()).contains("我的工作");
        screenshot("dashboard-01-manager-zh-CN");
        driver.findElement(By.id("kpi-dashboard-period-MONTH")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("period=MONTH"));
        assertThat(driver.findElement(By.id("kpi-dashboard")).getText()).contains("本月");

        WebElement overdue = driver.findElement(By.id("kpi-servicedesk.overdueNow"));
        long figure = Long.parseLong(overdue.findElement(By.className("num")).getText().replace(",", ""));
        submit(overdue);
        assertThat(driver.getCurrentUrl()).contains("/service-requests").contains("overdue=true");
        int rows = driver.findElements(By.cssSelector("#queue tbody tr[id^='row-']")).size();
        if (figure <= rows || driver.findElements(By.id("next-page")).isEmpty()) {
            assertThat((long) rows).isEqualTo(figure);
        } else {
            assertThat(Long.parseLong(driver.findElement(By.id("count-overdue")).getText().trim())).isEqualTo(figure);
        }
        screenshot("dashboard-02-overdue-drilldown");
        signOut();
    }

    @Test
    void theFrontDeskSeesItsWorkAndNoAdminCounters() throws Exception {
        signIn("frontdesk", "careloop2026");
        assertThat(driver.findElement(By.id("my-work")).getText()).contains("我的工作");
        assertThat(driver.findElements(By.id("count-departments"))).isEmpty();
        assertThat(driver.findElements(By.id("kpi-dashboard"))).isEmpty();
        assertThat(driver.findElements(By.id("company-dashboard"))).isEmpty();
        screenshot("dashboard-03-frontdesk");
        signOut();
    }
}
