package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The sample journey of issue 17 §2 in Chromium: sales issues the production notice, the production department
 * accepts it and records the making parameters, quality inspects and passes it, sales dispatches it with the tracking
 * number and gives the customer a personal link, the customer approves without login, and sales registers the sealed
 * master sample, which then shows on the dispatch register. Screenshots go to target/screenshots.
 */
class SampleBrowserTest extends BrowserTestBase {

    @Test
    void aSampleIsMadeInspectedSentApprovedOnTheLinkAndSealed() throws Exception {
        String production = user("PROD", "DEPT_HEAD");
        String customer = "浏览器样品客户" + suffix;
        long customerId = customerOf(customer, "sales");
        String tracking = "SF" + System.nanoTime() % 1_000_000_000L;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // sales issues the notice from the customer
        signIn("sales", PASSWORD);
        open("/samples/new?customerId=" + customerId);
        assertThat(driver.findElement(By.id("customerId")).getText()).contains(customer);
        driver.findElement(By.name("itemName")).sendKeys("醋瓶防盗盖样品");
        driver.findElement(By.name("spec")).sendKeys("Φ28 铝塑组合");
        driver.findElement(By.name("quantity")).sendKeys("50");
        driver.findElement(By.name("unit")).sendKeys("只");
        setValue(driver.findElement(By.name("requiredOn")), today.plusDays(10).toString());
        driver.findElement(By.name("requirements")).sendKeys("按客户图纸 DW-28，印金色商标");
        screenshot("sample-01-notice");
        submit(driver.findElement(By.cssSelector("#sample-new button.primary")));
        noError();
        assertThat(driver.findElement(By.id("sample-code")).getText()).matches("YP\\d{4}-\\d{5}");
        String samplePath = URI.create(driver.getCurrentUrl()).getPath();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("待生产接收");
        signOut();

        // production accepts and makes it, recording the parameters
        signIn(production, PASSWORD);
        open(samplePath);
        submit(driver.findElement(By.cssSelector("#accept-form button")));
        noError();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("制样中");
        driver.findElement(By.cssSelector("#make-form input[name='parameters']")).sendKeys("注塑温度 210℃，保压 8 s，周期 22 s");
        submit(driver.findElement(By.cssSelector("#make-form button")));
        noError();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("待检验");
        assertThat(driver.findElement(By.id("round-1")).getText()).contains("注塑温度 210℃");
        screenshot("sample-02-made");
        signOut();

        // quality inspects: passed, with a measurement
        signIn("quality", PASSWORD);
        open(samplePath);
        driver.findElements(By.cssSelector("#inspect-form input[name='characteristic']")).get(0).sendKeys("外径");
        driver.findElements(By.cssSelector("#inspect-form input[name='requirement']")).get(0).sendKeys("28.0±0.1 mm");
        driver.findElements(By.cssSelector("#inspect-form input[name='measured']")).get(0).sendKeys("28.03 mm");
        submit(driver.findElement(By.cssSelector("#inspect-form button")));
        noError();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("待发送");
        assertThat(driver.findElement(By.cssSelector("#round-1 .inspection-result")).getText()).contains("合格", "周卫东");
        signOut();

        // sales dispatches with the courier's tracking number and gives the customer a link
        signIn("sales", PASSWORD);
        open(samplePath);
        driver.findElement(By.cssSelector("#dispatch-form input[name='courier']")).sendKeys("顺丰");
        driver.findElement(By.cssSelector("#dispatch-form input[name='trackingNo']")).sendKeys(tracking);
        submit(driver.findElement(By.cssSelector("#dispatch-form button")));
        noError();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("待顾客确认");
        assertThat(driver.findElement(By.id("round-1")).getText()).contains("顺丰", tracking);
        driver.findElement(By.cssSelector("#sample-link summary")).click();
        submit(driver.findElement(By.cssSelector("#link-form button")));
        String notice = driver.findElement(By.id("flash-notice")).getText();
        String link = notice.substring(notice.indexOf("http"));
        screenshot("sample-03-sent");
        signOut();

        // the customer approves on the personal link, without login
        open(URI.create(link).getPath());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("醋瓶防盗盖样品", "合格");
        driver.findElement(By.cssSelector("input[name='approved'][value='true']")).click();
        driver.findElement(By.name("note")).sendKeys("样品确认，可以量产");
        screenshot("sample-04-customer");
        submit(driver.findElement(By.cssSelector("#confirm-form button")));
        assertThat(driver.findElement(By.id("sample-public-thanks")).isDisplayed()).isTrue();
        open(URI.create(link).getPath());
        assertThat(driver.findElements(By.id("sample-public-answered"))).hasSize(1);

        // sales registers the sealed master sample
        signIn("sales", PASSWORD);
        open(samplePath);
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("顾客认可，待封样");
        assertThat(driver.findElement(By.cssSelector("#round-1 .confirmation")).getText()).contains("认可", "样品确认，可以量产");
        driver.findElement(By.cssSelector("#seal-form input[name='location']")).sendKeys("封样柜 B-3");
        submit(driver.findElement(By.cssSelector("#seal-form button")));
        noError();
        assertThat(driver.findElement(By.id("sample-status")).getText()).isEqualTo("已封样");
        assertThat(driver.findElement(By.id("sample-seal")).getText()).contains("封样柜 B-3", "钱晓东");
        screenshot("sample-05-sealed");

        // the dispatch register shows the round with its tracking number and the customer's confirmation
        open("/samples?q=" + tracking);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("醋瓶防盗盖样品", tracking, "认可");
        signOut();
    }
}
