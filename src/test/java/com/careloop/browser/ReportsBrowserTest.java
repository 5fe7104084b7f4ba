package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.openqa.selenium.support.ui.Select;

/**
 * The manager's journey in real Chromium: drill down from the overdue figure on the home dashboard, then generate
 * the weekly report of a week no other test or demo data uses (70 weeks back), write the highlights,
 * submit, approve, download the PDF with the browser's session and find the Chinese title, the number and a figure.
 */
class ReportsBrowserTest extends BrowserTestBase {

    static final String PASSWORD = "careloop2026";

    /** 70 weeks back: before the demo data's 52 weeks and far from the weeks ReportApiTest/ReportPdfTest generate. */
    static final int WEEKS_BACK = 70;

    @Autowired
    Clock clock;

    @Value("${careloop.zone}")
    ZoneId zone;

    @Test
    void theManagerDrillsDownThenGeneratesWritesApprovesAndDownloadsTheWeeklyReport() throws Exception {
        signIn("manager", PASSWORD);
        assertThat(driver.findElement(By.id("kpi-dashboard")).getText()).contains("当前超时报事");
        drillDownFromTheOverdueFigure();

        LocalDate day = LocalDate.now(clock.withZone(zone)).minusWeeks(WEEKS_BACK);
        open("/reports");
        assertThat(driver.findElement(By.id("reports")).getText()).contains("ZB");
        new Select(driver.findElement(By.id("gen-kind"))).selectByValue("WEEKLY");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('gen-first').value = arguments[0];",
                day.toString());
        submit(driver.findElement(By.id("do-generate")));
        assertThat(driver.getCurrentUrl()).matches(".*/reports/\\d+$");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/reports/", ""));
        assertThat(driver.findElement(By.id("report-title")).getText()).startsWith("客服中心周报表");
        String number = driver.findElement(By.id("report-number")).getText();
        String registered = driver.findElement(By.cssSelector("tr[data-figure='servicedesk.registered'] .figure-value")).getText();
        // a week before the demo data: the figures are there (zero), an empty intake table draws no chart
        assertThat(registered).matches("\\d+");
        assertThat(driver.findElement(By.id("section-intake")).isDisplayed()).isTrue();

        driver.findElement(By.id("text-highlights")).sendKeys("本周重点客户报修全部按时完工");
        submit(driver.findElement(By.id("save-texts")));
        assertThat(driver.findElement(By.id("text-highlights")).getText()).isEqualTo("本周重点客户报修全部按时完工");
        submit(driver.findElement(By.id("do-submit")));
        assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("待审批");
        submit(driver.findElement(By.id("do-approve")));
        assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("已批准");
        assertThat(driver.findElement(By.id("text-view-highlights")).getText()).isEqualTo("本周重点客户报修全部按时完工");
        screenshot("report-approved");

        // a second approval is refused with a readable message, not an error page
        open("/reports/" + id);
        assertThat(now(By.id("do-approve"))).isEmpty();

        // generating the same week again opens the existing report with a notice instead of an error on the list
        open("/reports");
        new Select(driver.findElement(By.id("gen-kind"))).selectByValue("WEEKLY");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('gen-first').value = arguments[0];",
                day.toString());
        submit(driver.findElement(By.id("do-generate")));
        assertThat(driver.getCurrentUrl()).endsWith("/reports/" + id);
        assertThat(driver.findElement(By.id("flash-notice")).getText()).isEqualTo("本期报表已存在，已为您打开");
        assertThat(driver.findElement(By.id("report-number")).getText()).isEqualTo(number);

        String href = driver.findElement(By.id("download-pdf")).getAttribute("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("客服中心周报表", number, "本周重点客户报修全部按时完工");
            assertThat(text).contains(driver.findElement(By.cssSelector("tr[data-figure='servicedesk.registered'] td a"))
                    .getText() + " " + registered);
        }
    }
}
