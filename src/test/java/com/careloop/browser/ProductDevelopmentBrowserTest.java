package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The custom new-product journey of issue 17 §3 in Chromium: sales records the customer's demand (customer found on
 * the form), the technical department writes the R&D report and the process sheet with its bill of materials,
 * production records the pilot run, finance costs it from the pilot and quotes by quantity tier, sales sends the
 * customer a personal link, the customer accepts without login, and the accepted quotation has started a special
 * contract review. Screenshots go to target/screenshots.
 */
class ProductDevelopmentBrowserTest extends BrowserTestBase {

    @Test
    void aDevelopmentRunsItsSevenFormsAndTheAcceptedQuotationStartsASpecialContractReview() throws Exception {
        String tech = user("TECH", "STAFF");
        String production = user("PROD", "STAFF");
        String finance = user("FIN", "STAFF");
        String customer = "浏览器新品客户" + suffix;
        customerOf(customer, "sales");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // sales records the customer's demand, finding the customer on the form
        signIn("sales", PASSWORD);
        open("/product-developments/new");
        driver.findElement(By.id("customer-q")).sendKeys(customer);
        submit(driver.findElement(By.cssSelector("#customer-lookup button")));
        assertThat(new Select(driver.findElement(By.id("customerId"))).getFirstSelectedOption().getText()).contains(customer);
        driver.findElement(By.name("productName")).sendKeys("调味瓶防漏内塞");
        driver.findElement(By.name("application")).sendKeys("500 ml 酱油瓶");
        driver.findElement(By.name("firstOrderQuantity")).sendKeys("20000");
        driver.findElement(By.name("unit")).sendKeys("只");
        setValue(driver.findElement(By.name("requiredOn")), today.plusDays(60).toString());
        driver.findElement(By.name("requirements")).sendKeys("食品级 PP，倒置 24 h 不漏");
        screenshot("product-01-demand");
        submit(driver.findElement(By.id("start-development")));
        noError();
        assertThat(driver.findElement(By.id("development-number")).getText()).matches("XP\\d{4}-\\d{5}");
        String path = URI.create(driver.getCurrentUrl()).getPath();
        signOut();

        // the technical department: R&D report, then the process sheet with its bill of materials
        signIn(tech, PASSWORD);
        open(path);
        driver.findElement(By.cssSelector("#rnd-form textarea[name='summary']")).sendKeys("三轮试配，内塞过盈 0.3 mm 最佳");
        driver.findElement(By.cssSelector("#rnd-form input[name='conclusion']")).sendKeys("可行");
        submit(driver.findElement(By.cssSelector("#rnd-form button")));
        noError();
        driver.findElement(By.cssSelector("#sheet-form textarea[name='process']")).sendKeys("注塑 → 去毛刺 → 全检");
        List<String[]> bom = List.of(new String[] {"PP 粒料", "1", "只"}, new String[] {"色母", "1", "只"});
        for (int i = 0; i < bom.size(); i++) {
            driver.findElements(By.cssSelector("#sheet-form input[name='component']")).get(i).sendKeys(bom.get(i)[0]);
            driver.findElements(By.cssSelector("#sheet-form input[name='quantity']")).get(i).sendKeys(bom.get(i)[1]);
            driver.findElements(By.cssSelector("#sheet-form input[name='unit']")).get(i).sendKeys(bom.get(i)[2]);
        }
        submit(driver.findElement(By.cssSelector("#sheet-form button")));
        noError();
        assertThat(driver.findElement(By.id("form-sheet")).getText()).contains("PP 粒料", "色母");
        signOut();

        // production: the pilot run
        signIn(production, PASSWORD);
        open(path);
        driver.findElement(By.cssSelector("#pilot-form input[name='quantityRun']")).sendKeys("1000");
        driver.findElement(By.cssSelector("#pilot-form input[name='quantityGood']")).sendKeys("960");
        driver.findElement(By.cssSelector("#pilot-form textarea[name='defects']")).sendKeys("缩痕 40 只");
        submit(driver.findElement(By.cssSelector("#pilot-form button")));
        noError();
        assertThat(driver.findElement(By.id("pilot-yield")).getText()).isEqualTo("96.00");
        signOut();

        // finance: the cost from the pilot data, then the quotation by quantity tier
        signIn(finance, PASSWORD);
        open(path);
        driver.findElements(By.cssSelector("#cost-form input[name='unitCost']")).get(0).sendKeys("0.30");
        driver.findElements(By.cssSelector("#cost-form input[name='unitCost']")).get(1).sendKeys("0.05");
        driver.findElement(By.cssSelector("#cost-form input[name='labourCost']")).sendKeys("0.10");
        driver.findElement(By.cssSelector("#cost-form input[name='overheadCost']")).sendKeys("0.05");
        submit(driver.findElement(By.cssSelector("#cost-form button")));
        noError();
        // (0.30 + 0.05 + 0.10 + 0.05) × 1000 ÷ 960
        assertThat(driver.findElement(By.id("cost-per-good")).getText()).isEqualTo("0.5208");
        var minQuantity = driver.findElements(By.cssSelector("#quotation-form input[name='minQuantity']"));
        var unitPrice = driver.findElements(By.cssSelector("#quotation-form input[name='unitPrice']"));
        minQuantity.get(0).sendKeys("5000");
        unitPrice.get(0).sendKeys("0.80");
        minQuantity.get(1).sendKeys("20000");
        unitPrice.get(1).sendKeys("0.72");
        setValue(driver.findElement(By.cssSelector("#quotation-form input[name='validUntil']")), today.plusDays(30).toString());
        submit(driver.findElement(By.cssSelector("#quotation-form button")));
        noError();
        screenshot("product-02-quoted");
        signOut();

        // sales sends the customer the quotation link
        signIn("sales", PASSWORD);
        open(path);
        submit(driver.findElement(By.cssSelector("#link-form button")));
        noError();
        String link = driver.findElement(By.cssSelector("#quotation-link a")).getAttribute("href");
        signOut();

        // the customer accepts on the link, without login
        open(URI.create(link).getPath());
        assertThat(driver.findElement(By.id("quotation-tiers")).getText()).contains("0.72");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("0.5208");
        driver.findElement(By.cssSelector("input[name='accepted'][value='true']")).click();
        driver.findElement(By.name("quantity")).sendKeys("20000");
        setValue(driver.findElement(By.name("deliveryDate")), today.plusDays(45).toString());
        screenshot("product-03-customer");
        submit(driver.findElement(By.cssSelector("#quotation-answer-form button")));
        assertThat(driver.findElements(By.id("quotation-public-thanks"))).hasSize(1);

        // the accepted quotation started the special contract review
        signIn("sales", PASSWORD);
        open(path);
        assertThat(driver.findElement(By.id("development-status")).getText()).isEqualTo("顾客接受");
        assertThat(driver.findElement(By.id("form-answer")).getText()).contains("20000", "0.72");
        var contract = driver.findElement(By.cssSelector("#development-contract a"));
        screenshot("product-04-accepted");
        submit(contract);
        assertThat(driver.findElement(By.id("contract-stage")).getText()).isEqualTo("会签中");
        assertThat(text()).contains("调味瓶防漏内塞", "特殊合同");
        signOut();
    }
}
