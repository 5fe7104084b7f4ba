package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaint loop in Chromium, the Done-when journey of issue 5: a complaint received on the new-complaint
 * page (customer looked up) -> acknowledged -> assessed -> investigated (depthead) -> corrective action (a CAPA
 * record) -> its root cause and actions done on the CAPA page -> decision communicated -> verified NOT effective with a new countermeasure (the
 * handler's own verification refused first) -> back to corrective action -> done -> decision -> verified
 * effective -> quality confirmation (quality) -> closed; the printable form shows every field of SPEC §5; a
 * second complaint of the same customer about the same product is flagged as a repeat on both.
 */
class ComplaintBrowserTest extends BrowserTestBase {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
    static final String PASSWORD = "careloop2026";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintGoesFromReceiptToClosureWithACapaThatFailsVerificationOnce() throws Exception {
        String product = "五层瓦楞纸箱 K" + System.nanoTime() % 100000;
        signIn("complaints", PASSWORD);
        long id = receive("陈美玲", product, "HT-2026-0815", "纸箱受潮后堆码塌陷，整批 2,000 只", "退换整批并赔偿运费");
        assertThat(status()).isEqualTo("已受理");
        assertThat(now(By.id("assess-form"))).as("only the next step's form").isEmpty();
        screenshot("complaint-01-received");

        setValue("promisedReplyBy", "2099-01-05T10:00");
        submit(driver.findElement(By.id("do-acknowledge")));
        assertThat(status()).isEqualTo("已确认");

        new Select(driver.findElement(By.id("assess-category"))).selectByValue("PRODUCT_QUALITY");
        new Select(driver.findElement(By.id("assess-severity"))).selectByValue("GENERAL");
        new Select(driver.findElement(By.id("assess-department"))).selectByValue(String.valueOf(department("ENG")));
        submit(driver.findElement(By.id("do-assess")));
        assertThat(status()).isEqualTo("已评估");
        signOut();

        signIn("depthead", PASSWORD);
        open("/complaints/" + id);
        new Select(driver.findElement(By.id("investigate-cause"))).selectByValue("STORAGE");
        driver.findElement(By.id("investigate-analysis")).sendKeys("成品仓地面返潮，纸箱未垫托盘");
        submit(driver.findElement(By.id("do-investigate")));
        assertThat(status()).isEqualTo("已调查");
        signOut();

        signIn("complaints", PASSWORD);
        open("/complaints/" + id);
        correctiveAction("成品仓全部加垫托盘并装除湿机", "staff", "2099-01-10");
        assertThat(status()).isEqualTo("已采取措施");
        assertThat(driver.findElement(By.id("capa-table")).getText()).contains("成品仓全部加垫托盘并装除湿机");
        screenshot("complaint-02-capa");
        capaActionsDone(id);
        communicate("电话", "更换整批纸箱，运费由我司承担");
        assertThat(status()).isEqualTo("已告知顾客");
        // The handler's own verification is refused, naming the rule, and nothing changes.
        new Select(driver.findElement(By.id("verify-result"))).selectByValue("EFFECTIVE");
        submit(driver.findElement(By.id("do-verify")));
        assertThat(driver.findElement(By.cssSelector(".flash.error")).getText()).contains("验证人");
        assertThat(status()).isEqualTo("已告知顾客");
        signOut();

        signIn("supervisor", PASSWORD);
        open("/complaints/" + id);
        new Select(driver.findElement(By.id("verify-result"))).selectByValue("NOT_EFFECTIVE");
        driver.findElement(By.id("verify-countermeasure")).sendKeys("改用防潮涂层纸板");
        new Select(driver.findElement(By.id("verify-owner"))).selectByValue(String.valueOf(user("teamleader")));
        setValue("verify-due", "2099-01-20");
        submit(driver.findElement(By.id("do-verify")));
        assertThat(status()).as("back to corrective action").isEqualTo("已采取措施");
        assertThat(driver.findElement(By.id("capa-table")).getText()).contains("改用防潮涂层纸板");
        screenshot("complaint-03-not-effective");
        capaActionsDone(id);
        communicate("邮件", "已改用防潮涂层纸板并补发");
        new Select(driver.findElement(By.id("verify-result"))).selectByValue("EFFECTIVE");
        submit(driver.findElement(By.id("do-verify")));
        assertThat(status()).isEqualTo("已验证");
        assertThat(now(By.id("confirm-form"))).as("quality confirmation is quality's").isEmpty();
        signOut();

        signIn("quality", PASSWORD);
        open("/complaints/" + id);
        submit(driver.findElement(By.id("do-confirm")));
        assertThat(status()).isEqualTo("品管已确认");
        signOut();

        signIn("complaints", PASSWORD);
        open("/complaints/" + id);
        submit(driver.findElement(By.id("do-close")));
        assertThat(status()).isEqualTo("已结案");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("受理确认", "评估", "调查", "效果验证", "品管确认", "结案");
        screenshot("complaint-04-closed");

        open("/complaints/" + id + "/form");
        String form = text();
        String code = jdbc.sql("select code from complaint where id = :id").param("id", id).query(String.class).single();
        String today = DAY.format(java.time.Instant.now());
        assertThat(form).contains("顾客投诉处理单", "R-QP-005-03", code)
                .contains("陈美玲", "受理日期", today)                              // customer, date received
                .contains("合同/订单号", "HT-2026-0815", product)                     // contract/order number
                .contains("投诉内容", "纸箱受潮后堆码塌陷")                             // complaint content
                .contains("原因分析", "成品仓地面返潮", "储存", "责任部门", "调查日期")  // cause analysis, department, date
                .contains("纠正措施", "成品仓全部加垫托盘并装除湿机", "改用防潮涂层纸板", "2099-01-10", "2099-01-20")
                .contains("验证结果", "有效", "验证人", "李明")                  // verification, verifier, date
                .contains("品管确认", "周卫东")                                      // quality confirmation
                .contains("结案日期");
        screenshot("complaint-05-form");

        // A second complaint of the same customer about the same product is a repeat, linked both ways.
        open("/complaints");
        long second = receive("陈美玲", product, null, "同一型号纸箱再次塌陷", null);
        assertThat(driver.findElement(By.id("repeat-mark")).getText()).isEqualTo("二次投诉");
        assertThat(driver.findElement(By.id("repeat-of")).getText()).isEqualTo(code);
        open("/complaints/" + id);
        assertThat(driver.findElement(By.id("repeat-mark")).getText()).isEqualTo("二次投诉");
        assertThat(driver.findElement(By.id("repeated-by")).getText()).contains(
                jdbc.sql("select code from complaint where id = :id").param("id", second).query(String.class).single());
        screenshot("complaint-06-repeat");
        signOut();
    }

    /** The new-complaint page: the customer looked up and chosen, the fields typed, received. */
    long receive(String customer, String product, String order, String content, String remedy) {
        open("/complaints/new?lang=zh-CN");
        driver.findElement(By.id("customer-query")).sendKeys(customer);
        driver.findElement(By.cssSelector("#customer-match-list a[data-customer-id]")).click();
        assertThat(driver.findElement(By.id("customer-chosen")).getText()).contains(customer);
        new Select(driver.findElement(By.id("channel"))).selectByValue("PHONE");
        if (order != null) {
            driver.findElement(By.id("orderNumber")).sendKeys(order);
        }
        driver.findElement(By.id("product")).sendKeys(product);
        driver.findElement(By.id("content")).sendKeys(content);
        if (remedy != null) {
            driver.findElement(By.id("requestedRemedy")).sendKeys(remedy);
        }
        submit(driver.findElement(By.id("complaint-submit")));
        return Long.parseLong(driver.getCurrentUrl().replaceAll(".*/complaints/(\\d+).*", "$1"));
    }

    void correctiveAction(String description, String owner, String due) {
        driver.findElement(By.id("action-description")).sendKeys(description);
        new Select(driver.findElement(By.id("action-owner"))).selectByValue(String.valueOf(user(owner)));
        setValue("action-due", due);
        submit(driver.findElement(By.id("do-action")));
    }

    void communicate(String how, String what) {
        driver.findElement(By.id("decision-how")).sendKeys(how);
        driver.findElement(By.id("decision-what")).sendKeys(what);
        submit(driver.findElement(By.id("do-communicate")));
    }

    /**
     * The CAPA module's side, on its page /capa/{id}: the root cause (5 whys, fishbone category, statement) and
     * each open action marked done with its evidence; then the complaint page again.
     */
    void capaActionsDone(long complaintId) throws Exception {
        for (long capaId : jdbc.sql("select capa_id from complaint_capa where complaint_id = :id order by id")
                .param("id", complaintId).query(Long.class).list()) {
            open("/capa/" + capaId);
            if (!now(By.id("root-cause-form")).isEmpty()) {
                driver.findElement(By.id("why1")).sendKeys("为什么塌陷：纸箱受潮");
                driver.findElement(By.id("why2")).sendKeys("为什么受潮：成品仓返潮");
                new Select(driver.findElement(By.id("fishbone"))).selectByValue("ENVIRONMENT");
                driver.findElement(By.id("root-cause-statement")).sendKeys("成品仓防潮规定未执行");
                submit(driver.findElement(By.id("do-root-cause")));
            }
            java.util.List<String> actions = now(By.cssSelector("form[id^='done-form-']")).stream()
                    .map(f -> f.getAttribute("id").substring("done-form-".length())).toList();
            for (String action : actions) {
                driver.findElement(By.id("evidence-" + action)).sendKeys("整改照片已上传");
                submit(driver.findElement(By.id("do-done-" + action)));
            }
            assertThat(now(By.cssSelector("form[id^='done-form-']"))).isEmpty();
            screenshot("complaint-capa-" + capaId);
        }
        open("/complaints/" + complaintId);
        assertThat(driver.findElement(By.id("capa-table")).getText()).doesNotContain("0 / 1");
    }

    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    String status() {
        return driver.findElement(By.id("complaint-status")).getText();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }
}
