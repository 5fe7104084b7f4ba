package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The key-customer procedure in real Chromium: the CS manager registers a customer served by the
 * repair technician, the engineering department head proposes it as a key customer, the manager
 * approves, and the technician (no customer:view-sensitive) sees the ★ mark and a masked phone.
 * Screenshots go to target/screenshots. Skipped, saying why, where Chromium is not installed.
 */
class KeyCustomerBrowserTest extends BrowserTestBase {

    private void signIn(String username) {
        signIn(username, "careloop2026");
        assertThat(driver.findElement(By.id("user-name")).isDisplayed()).isTrue();
    }

    @Test
    void aProposedAndApprovedKeyCustomerIsMarkedWithItsPhoneMaskedForTheTechnician() throws Exception {
        String name = "浏览器重点客户" + UUID.randomUUID().toString().substring(0, 6);
        String digits = String.format("%04d", (int) (Math.random() * 10_000));
        String phone = "138" + digits + "5678";

        // the CS manager registers the customer, served by the repair technician 孙师傅
        signIn("manager");
        open("/customers/new");
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("kind"))).selectByValue("INDIVIDUAL");
        driver.findElement(By.id("phone")).sendKeys(phone);
        new Select(driver.findElement(By.name("representativeId"))).selectByVisibleText("孙师傅");
        submit(driver.findElement(By.id("save-customer")));
        assertThat(driver.findElement(By.id("customer-name")).getText()).isEqualTo(name);
        String customerPath = java.net.URI.create(driver.getCurrentUrl()).getPath();
        assertThat(customerPath).matches("/customers/\\d+");
        assertThat(driver.findElement(By.id("customer-phone")).getText()).isEqualTo(phone);
        assertThat(now(By.cssSelector("h1 .key-mark"))).isEmpty();
        screenshot("key-01-registered");
        signOut();

        // the engineering department head proposes it on the 360 page
        signIn("depthead");
        open(customerPath);
        new Select(driver.findElement(By.id("key-criterion"))).selectByValue("MAJOR_INCIDENT");
        driver.findElement(By.id("key-reason")).sendKeys("电梯困人，重大报事");
        screenshot("key-02-propose");
        submit(driver.findElement(By.id("key-propose")));
        assertThat(driver.findElement(By.id("key-customer-section")).getText()).contains("电梯困人，重大报事", "待审批");
        signOut();

        // the CS manager approves it on the key-customer page
        signIn("manager");
        open("/key-customers");
        var row = driver.findElement(By.xpath("//section[@id='pending-proposals']//tr[.//a[text()='" + name + "']]"));
        row.findElement(By.name("comment")).sendKeys("同意纳入重点客户");
        screenshot("key-03-pending");
        submit(row.findElement(By.cssSelector("button.approve")));
        assertThat(driver.findElement(By.id("key-customer-list")).getText()).contains(name, "有过重大报事");
        screenshot("key-04-approved");
        signOut();

        // the technician, without customer:view-sensitive, sees the mark and the masked phone
        signIn("staff");
        open(customerPath);
        assertThat(driver.findElement(By.cssSelector("h1 .key-mark")).getText()).isEqualTo("★ 重点");
        assertThat(driver.findElement(By.id("customer-phone")).getText()).isEqualTo("138****5678");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(phone);
        assertThat(driver.findElement(By.id("key-customer-section")).getText()).contains("有过重大报事");
        screenshot("key-05-technician-sees-mark-and-masked-phone");
        open("/customers");
        assertThat(driver.findElement(By.xpath("//table[@id='customer-list']//tr[.//a[text()='" + name + "']]"))
                .getText()).contains("★ 重点", "138****5678");
        screenshot("key-06-list-mark");
        signOut();
    }
}
