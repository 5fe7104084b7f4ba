package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 §6 in real Chromium: under the Content-Security-Policy the pages still work — ECharts 6 draws the charts,
 * the behaviour moved out of inline handlers (add a contact row, the customer pick, the sidebar) still runs — and the
 * browser reports no CSP violation.
 */
class SecurityHeadersBrowserTest extends BrowserTestBase {

    private List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Test
    void chartsDrawAndScriptsRunUnderTheContentSecurityPolicy() throws Exception {
        signIn("manager", "careloop2026");
        severeLogs();
        open("/complaints/stats");
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("#pareto-chart canvas")).isEmpty());
        screenshot("csp-01-pareto-echarts6");
        open("/callbacks/stats");
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("#stats-chart canvas")).isEmpty());

        open("/customers/new");
        int rows = driver.findElements(By.cssSelector("#contacts tbody tr")).size();
        driver.findElement(By.id("add-contact")).click();
        assertThat(driver.findElements(By.cssSelector("#contacts tbody tr"))).hasSize(rows + 1);
        screenshot("csp-02-customer-form-row-added");

        assertThat(severeLogs()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }
}
