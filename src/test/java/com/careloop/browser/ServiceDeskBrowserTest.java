package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service request travels through the pages in Chromium: intake (customer looked up on the spot) ->
 * dispatch -> start (the ordinary one from the queue's htmx button) -> pause -> resume -> complete ->
 * sign-off -> callback -> close, for an ordinary and for a key customer, whose close is refused until the
 * supervisor's callback is recorded. The deadlines shown are checked against the seeded repair policy (24 h to respond, 48 h to finish, company time).
 */
class ServiceDeskBrowserTest extends BrowserTestBase {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrdinaryCustomersRepairIsClosedThroughThePages() throws Exception {
        journey("陈美玲", false, "sd-ordinary");
    }

    @Test
    void aKeyCustomersRequestClosesOnlyAfterTheSupervisorsCallback() throws Exception {
        jdbc.sql("update customer set key_customer = true where name = '刘建华'").update();
        journey("刘建华", true, "sd-key");
    }

    /**
     * 派工: the category's department is suggested with only its handlers, a department change reloads them (htmx),
     * the next step names the handler it waits for; a mistyped address is the 404 page with the way home.
     */
    @Test
    void dispatchSuggestsTheDepartmentAndTheNextStepNamesItsOwner() throws Exception {
        signIn("supervisor", "careloop2026");
        open("/service-requests/new?lang=zh-CN");
        driver.findElement(By.id("customer-query")).sendKeys("陈美玲");
        driver.findElement(By.cssSelector("#customer-match-list a[data-customer-id]")).click();
        new Select(driver.findElement(By.id("type"))).selectByValue("REPAIR");
        new Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("水电维修");
        driver.findElement(By.id("title")).sendKeys("派工建议" + System.nanoTime() % 10000);
        submit("intake-submit");

        assertThat(driver.findElement(By.id("next-step-action")).getText()).isEqualTo("派工");
        Select department = new Select(driver.findElement(By.id("dispatch-department")));
        assertThat(department.getFirstSelectedOption().getText()).isEqualTo("维修班");
        assertThat(driver.findElement(By.id("dispatch-suggested")).getText()).contains("水电维修");
        assertThat(driver.findElement(By.id("dispatch-assignee")).getText()).contains("孙师傅").doesNotContain("吴建国");
        screenshot("sd-dispatch-01-suggested");

        department.selectByVisibleText("品管部（质量部）");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("dispatch-assignee")).getText().contains("周卫东"));
        assertThat(driver.findElement(By.id("dispatch-assignee")).getText()).doesNotContain("孙师傅");
        department.selectByVisibleText("维修班");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("dispatch-assignee")).getText().contains("孙师傅"));
        new Select(driver.findElement(By.id("dispatch-assignee"))).selectByVisibleText("孙师傅");
        submit("do-dispatch");
        assertThat(status()).isEqualTo("已派工");
        assertThat(driver.findElement(By.id("next-step-waiting")).getText()).isEqualTo("等待孙师傅处理");
        screenshot("sd-dispatch-02-waiting");

        open("/complaints/999999");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(driver.getPageSource()).doesNotContain("出错了");
        screenshot("sd-dispatch-03-not-found");
        driver.findElement(By.id("back-home")).click();
        assertThat(driver.getCurrentUrl()).doesNotContain("999999");
        driver.findElement(By.id("logout")).click();
    }

    private void journey(String customer, boolean key, String shots) throws Exception {
        signIn("manager", "careloop2026");
        open("/service-requests/new?lang=zh-CN");
        driver.findElement(By.id("customer-query")).sendKeys(customer);
        driver.findElement(By.cssSelector("#customer-match-list a[data-customer-id]")).click();
        assertThat(driver.findElement(By.id("customer-chosen")).getText()).contains(customer);
        new Select(driver.findElement(By.id("type"))).selectByValue("REPAIR");
        String title = (key ? "重点客户" : "普通客户") + "卫生间漏水" + System.nanoTime() % 10000;
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("description")).sendKeys("角阀漏水，地面有积水");
        screenshot(shots + "-01-intake");
        submit("intake-submit");

        assertThat(status()).isEqualTo("已登记");
        if (key) {
            assertThat(driver.findElement(By.id("key-mark")).getText()).contains("★");
        }
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/service-requests/(\\d+).*", "$1"));
        Instant registered = jdbc.sql("select registered_at from service_request where id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(driver.findElement(By.id("response-due")).getText())
                .contains(MINUTE.format(registered.plus(Duration.ofHours(24)))).contains("剩余");
        assertThat(driver.findElement(By.id("completion-due")).getText())
                .contains(MINUTE.format(registered.plus(Duration.ofHours(48))));
        screenshot(shots + "-02-registered");

        new Select(driver.findElement(By.id("dispatch-department"))).selectByVisibleText("维修班");
        submit("do-dispatch");
        assertThat(status()).isEqualTo("已派工");
        if (key) {
            submit("do-start");
        } else {
            // the queue's one-click step (htmx): the queue refreshes with the request in progress
            open("/service-requests?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
            submit("start-" + id);
            assertThat(driver.findElement(By.id("row-" + id)).getText()).contains("处理中");
            assertThat(driver.findElement(By.id("count-overdue")).getText()).matches("\\d+");
            open("/service-requests/" + id);
        }
        assertThat(status()).isEqualTo("处理中");

        openSteps();
        driver.findElement(By.id("pause-note")).sendKeys("业主不在家，约明天上午");
        submit("do-pause");
        assertThat(status()).isEqualTo("已暂停");
        assertThat(driver.findElement(By.id("completion-due")).getText()).contains("计时停止");
        screenshot(shots + "-03-paused");
        submit("do-resume");
        assertThat(status()).isEqualTo("处理中");
        assertThat(driver.findElement(By.id("pauses")).getText()).contains("等待客户", "业主不在家");

        openSteps();
        driver.findElement(By.id("complete-result")).sendKeys("更换角阀，试水无渗漏");
        submit("do-complete");
        assertThat(status()).isEqualTo("已完工");
        openSteps();
        submit("do-sign-off");
        assertThat(status()).isEqualTo("已签收");

        if (key) {
            submit("do-close");
            assertThat(driver.findElement(By.cssSelector(".flash.error")).getText()).contains("回访");
            assertThat(status()).isEqualTo("已签收");
            screenshot(shots + "-04-close-refused");
        }
        openSteps();
        // the one satisfaction scale of callbacks, the same as on the callback desk
        new Select(driver.findElement(By.id("callback-satisfaction"))).selectByValue("VERY_SATISFIED");
        driver.findElement(By.id("callback-notes")).sendKeys("业主表示满意");
        submit("do-callback");
        assertThat(status()).isEqualTo("已回访");
        assertThat(driver.findElement(By.id("callback-summary")).getText()).contains("非常满意");
        String record = driver.findElement(By.id("callback-record")).getText();
        assertThat(record).matches("回访记录 HF\\d{4}-\\d{6}");
        submit("do-close");
        assertThat(status()).isEqualTo("已销单");
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("登记", "派工", "开始处理", "暂停", "恢复", "完工", "客户签收", "回访", "销单");
        screenshot(shots + "-05-closed");

        open("/service-requests?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(driver.findElement(By.id("queue")).getText()).contains(title, "已销单");
        screenshot(shots + "-06-queue");

        // the request page's callback is the callback desk's record of it: the same satisfaction, notes and caller
        open("/service-requests/" + id);
        submit("callback-record");
        assertThat(driver.findElement(By.id("callback-code")).getText()).isEqualTo(record.replace("回访记录 ", ""));
        assertThat(driver.findElement(By.id("callback-satisfaction")).getText()).isEqualTo("非常满意");
        assertThat(driver.findElement(By.id("callback-origin")).getText()).contains("工单页");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("业主表示满意", "王丽华");
        screenshot(shots + "-07-callback-record");
        driver.findElement(By.id("logout")).click();
    }

    /** Clicks a form's button and waits for the page the post lands on, so nothing is read from the old one. */
    private void submit(String buttonId) {
        var page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(buttonId)).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private String status() {
        return driver.findElement(By.id("request-status")).getText();
    }

    /** The action panel's forms sit in collapsed sections; open them all. */
    private void openSteps() {
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('#action-panel details').forEach(function (d) { d.open = true; })");
    }
}
