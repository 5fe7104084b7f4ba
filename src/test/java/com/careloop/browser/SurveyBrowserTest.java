package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * A satisfaction survey end to end in Chromium: plan a campaign on a small population, draw, send (the mails
 * land in GreenMail and their links are read from them), answer on the public token page, open the link a
 * second time (the polite page), run the supplementary round, answer once more, and read the report.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class SurveyBrowserTest extends BrowserTestBase {

    private static final Pattern LINK = Pattern.compile("(/s/[A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignIsSentAnsweredOnTheTokenPageSupplementedAndReported() throws Exception {
        String region = "浏览器测试区-" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("苏州恒达纸业", "无锡华美印务")) {
            jdbc.sql("""
                    insert into customer (code, name, kind, email, region, active, version, created_at, updated_at)
                    values (:code, :name, 'ORGANISATION', :email, :region, true, 0, :now, :now)""")
                    .param("code", "BR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                    .param("name", name).param("email", "buyer" + System.nanoTime() + "@kunde.example")
                    .param("region", region).param("now", Timestamp.from(Instant.now())).update();
        }
        signIn("manager", "careloop2026");
        open("/surveys/campaigns/new?lang=zh-CN");
        driver.findElement(By.id("name")).sendKeys("2026 年度顾客满意度调查（浏览器）");
        driver.findElement(By.id("publicTitle")).sendKeys("2026 年度顾客满意度调查");
        new Select(driver.findElement(By.id("templateId"))).selectByVisibleText(
                driver.findElements(By.cssSelector("#templateId option")).stream().map(o -> o.getText())
                        .filter(t -> t.contains("R-QP-005-01")).findFirst().orElseThrow());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.getElementById('periodFrom').value='2026-10-01';"
                + "document.getElementById('periodTo').value='2026-12-31';"
                + "document.getElementById('deadline').value='2099-12-15';");
        driver.findElement(By.id("region")).sendKeys(region);
        screenshot("survey-01-new");
        submit(driver.findElement(By.id("create-campaign")));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/surveys/campaigns/(\\d+).*", "$1"));

        submit(driver.findElement(By.id("do-draw")));
        assertThat(driver.findElement(By.id("preview-N")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("preview-n")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("preview-rule")).getText()).isEqualTo("N = 2 ≤ 10：全部调查，n = 2");
        screenshot("survey-02-preview");
        submit(driver.findElement(By.id("do-send")));
        assertThat(driver.findElement(By.id("campaign-status")).getText()).isEqualTo("已发放");
        assertThat(driver.findElement(By.id("rate-sent")).getText()).isEqualTo("2");

        List<String> links = links(2);
        open(links.get(0));
        // the customer reads the public title, not the internal campaign name
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("2026 年度顾客满意度调查");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("顾客满意度调查表").doesNotContain("（浏览器）");
        for (String item : List.of("Q1", "Q2", "D1", "S1", "T1")) {
            driver.findElement(By.cssSelector("input[name='r_" + item + "'][value='4']")).click();
        }
        driver.findElement(By.id("opinion")).sendKeys("交货及时，服务周到");
        screenshot("survey-03-token-page");
        submit(driver.findElement(By.id("survey-submit")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("感谢您的答复");

        open(links.get(0));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("您已经答复过了");
        assertThat(now(By.id("survey-submit"))).isEmpty();
        screenshot("survey-04-already-answered");

        mail.reset();
        open("/surveys/campaigns/" + id);
        assertThat(driver.findElement(By.id("rate-rate")).getText()).isEqualTo("50.0%");
        submit(driver.findElement(By.id("do-supplementary")));
        assertThat(driver.findElement(By.id("campaign-status")).getText()).isEqualTo("追加调查中");
        assertThat(driver.findElement(By.id("rate-before")).getText()).contains("50.0%");
        String supplementary = links(1).get(0);
        open(links.get(1));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("找不到这份调查");

        open(supplementary);
        for (String item : List.of("Q1", "Q2", "D1", "S1", "T1")) {
            driver.findElement(By.cssSelector("input[name='r_" + item + "'][value='2']")).click();
        }
        submit(driver.findElement(By.id("survey-submit")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("感谢您的答复");

        open("/surveys/campaigns/" + id);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("rate-rate"), "100.0%"));
        assertThat(driver.findElement(By.id("rate-before")).getText()).contains("50.0%");
        screenshot("survey-05-rates");

        open("/surveys/campaigns/" + id + "/report");
        assertThat(driver.findElement(By.id("sent")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("answered")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("rate-before")).getText()).startsWith("50");
        assertThat(driver.findElement(By.id("response-rate")).getText()).startsWith("100");
        assertThat(driver.findElement(By.id("class-a")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("class-c")).getText()).isEqualTo("1");
        // score method: the mean of the respondents' normalised totals, (100 + 50) / 2
        assertThat(driver.findElement(By.id("overall-score")).getText()).startsWith("75");
        screenshot("survey-06-report");
    }

    private static List<String> links(int count) throws Exception {
        assertThat(mail.waitForIncomingEmail(15_000, count)).as("survey mails").isTrue();
        List<String> links = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (!m.getAllRecipients()[0].toString().endsWith("@kunde.example")) {
                continue; // a staff notification of another feature on the same server
            }
            Matcher matcher = LINK.matcher(String.valueOf(m.getContent()));
            assertThat(matcher.find()).isTrue();
            links.add(matcher.group(1));
        }
        return links;
    }
}
