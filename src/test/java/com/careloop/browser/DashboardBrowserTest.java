package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
        drillDownFromTheOverdueFigure();
        screenshot("dashboard-02-overdue-drilldown");
        signOut();
    }

    @Test
    void theFrontDeskSeesItsWorkAndNoAdminCounters() throws Exception {
        signIn("frontdesk", "careloop2026");
        assertThat(driver.findElement(By.id("my-work")).getText()).contains("我的工作");
        assertThat(now(By.id("count-departments"))).isEmpty();
        assertThat(now(By.id("kpi-dashboard"))).isEmpty();
        assertThat(now(By.id("company-dashboard"))).isEmpty();
        screenshot("dashboard-03-frontdesk");
        signOut();
    }
}
