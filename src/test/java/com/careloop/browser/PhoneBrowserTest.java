package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A phone (390 × 844 CSS px, emulated by Chromium's DevTools): the public form and progress page, the queue, the
 * intake and the request page fit without horizontal scrolling, the queue is a list of cards, and a handler signs
 * off a request by drawing on the on-screen signature pad (stored as a PNG).
 */
class PhoneBrowserTest extends BrowserTestBase {

    static final int WIDTH = 390;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void phone() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterEach
    void desktop() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    long scrollWidth() {
        return ((Number) js("return document.documentElement.scrollWidth")).longValue();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void fits(String page) {
        assertThat(scrollWidth()).as(page + " at " + WIDTH + " px: no horizontal scrolling").isLessThanOrEqualTo(WIDTH);
    }

    @Test
    void thePublicPagesFitAPhone() throws Exception {
        open("/public/service-requests?lang=zh-CN");
        fits("public form");
        assertThat(driver.findElement(By.id("description-counter")).getText()).isEqualTo("已输入 0 / 4,000 字");
        driver.findElement(By.id("description")).sendKeys("水龙头漏水");
        assertThat(driver.findElement(By.id("description-counter")).getText()).isEqualTo("已输入 5 / 4,000 字");
        screenshot("phone-01-public-form");
        open("/public/service-requests/progress?lang=en");
        fits("progress page");
    }

    @Test
    void theQueueIsCardsAndAHandlerSignsOffByDrawing() throws Exception {
        signIn("manager", "careloop2026");
        open("/service-requests/new?lang=zh-CN");
        fits("intake");
        screenshot("phone-02-intake");
        driver.findElement(By.id("contactName")).sendKeys("手机签名测试");
        driver.findElement(By.id("contactPhone")).sendKeys("13700001111");
        new Select(driver.findElement(By.id("type"))).selectByValue("REPAIR");
        String title = "手机签收" + System.nanoTime() % 1_000_000;
        driver.findElement(By.id("title")).sendKeys(title);
        click("intake-submit");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/service-requests/(\\d+).*", "$1"));
        fits("request page");

        open("/service-requests?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
        fits("queue");
        assertThat(js("return getComputedStyle(document.querySelector('#queue thead')).display")).isEqualTo("none");
        WebElement row = driver.findElement(By.id("row-" + id));
        assertThat(js("return getComputedStyle(arguments[0]).display", row)).as("the row is a card").isEqualTo("block");
        assertThat(js("return getComputedStyle(arguments[0], '::before').content", row.findElement(By.cssSelector("td[data-label]"))))
                .asString().contains("：");
        screenshot("phone-03-queue-cards");

        open("/service-requests/" + id);
        new Select(driver.findElement(By.id("dispatch-department"))).selectByVisibleText("维修班");
        click("do-dispatch");
        click("do-start");
        openSteps();
        driver.findElement(By.id("complete-result")).sendKeys("已更换");
        click("do-complete");
        openSteps();
        fits("request page with the signature pad");
        WebElement pad = driver.findElement(By.id("signature-canvas"));
        new Actions(driver).moveToElement(pad, -60, 0).clickAndHold().moveByOffset(40, -20).moveByOffset(40, 30)
                .moveByOffset(40, -25).release().perform();
        screenshot("phone-04-signature");
        click("do-sign-off");
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("已签收");
        byte[] image = jdbc.sql("select image from service_request_signature where request_id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(image).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(jdbc.sql("select content_type from service_request_signature where request_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("image/png");
        assertThat(driver.findElement(By.id("sign-off")).getText()).contains("签名");
    }

    private void click(String buttonId) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(buttonId)).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private void openSteps() {
        js("document.querySelectorAll('#action-panel details').forEach(function (d) { d.open = true; })");
        // the pad sizes itself on the details' toggle event
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            Object w = js("var c = document.getElementById('signature-canvas'); return c ? c.width : 1");
            return ((Number) w).longValue() > 0;
        });
    }
}
