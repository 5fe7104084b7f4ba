package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The contract review journey of issue 16 in Chromium: sales registers a special (major) contract on the page and
 * submits it; the technical, production, quality, purchasing and finance reviewers (users of this test) each find it
 * in 待我审批 and sign their aspect; quality first logs an inconsistency, sales settles it with the customer, quality
 * signs; the sales manager records outcome A; the general manager approves; the production task notice prints.
 */
class ContractBrowserTest extends BrowserTestBase {

    @Test
    void aSpecialContractIsCountersignedByFiveDepartmentsClearedOfAnInconsistencyApprovedAndPrintsItsNotice()
            throws Exception {
        String tech = user("TECH", "STAFF");
        String prod = user("PROD", "STAFF");
        String qa = user("QA", "STAFF");
        String purch = user("PURCH", "STAFF");
        String fin = user("FIN", "STAFF");
        String salesManager = user("SALES", "DEPT_HEAD");
        // the seeds' people of the default matrix (V163): 总工程师 and 销售副总经理 are positions
        String chief = positionUser("TECH", "CHIEF_ENGINEER");
        String vp = positionUser("GM", "SALES_VP");
        String customer = "浏览器包装客户" + suffix;
        customerOf(customer, "sales");
        String customerNumber = "BT-" + suffix.toUpperCase();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // sales registers a special contract on the page and submits it
        signIn("sales", PASSWORD);
        open("/contracts/new");
        driver.findElement(By.id("customer-q")).sendKeys(customer);
        submit(driver.findElement(By.cssSelector("#customer-lookup button")));
        assertThat(new Select(driver.findElement(By.id("customerId"))).getFirstSelectedOption().getText()).contains(customer);
        driver.findElement(By.id("customerNumber")).sendKeys(customerNumber);
        new Select(driver.findElement(By.id("source"))).selectByValue("WRITTEN");
        new Select(driver.findElement(By.id("contractClass"))).selectByValue("SPECIAL");
        setValue("orderDate", today.toString());
        setValue("deliveryDate", today.plusDays(40).toString());
        driver.findElement(By.id("paymentTerms")).sendKeys("月结60天");
        driver.findElement(By.id("specialRequirements")).sendKeys("新结构重型箱，执行GB/T 6543-2008，印客户商标");
        driver.findElements(By.name("product")).get(0).sendKeys("重型瓦楞包装箱（新结构）");
        driver.findElements(By.name("spec")).get(0).sendKeys("1200x800x600 七层");
        driver.findElements(By.name("quantity")).get(0).sendKeys("200000");
        driver.findElements(By.name("unit")).get(0).sendKeys("只");
        driver.findElements(By.name("unitPrice")).get(0).sendKeys("6.00");
        submit(driver.findElement(By.cssSelector("#contract-form button.primary")));
        noError();
        String number = driver.findElement(By.id("contract-number")).getText();
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/contracts/(\\d+).*", "$1"));
        assertThat(driver.findElement(By.id("contract-total")).getText()).isEqualTo("1200000.00");
        submit(driver.findElement(By.id("do-submit")));
        noError();
        assertThat(driver.findElement(By.id("contract-stage")).getText()).isEqualTo("会签中");
        sign("QUANTITY_PRICE_PAYMENT", "ACCEPT", null);
        screenshot("contract-01-submitted");
        signOut();

        // four departments sign from the inbox
        signFromInbox(tech, number, "STANDARDS_PARAMETERS");
        signFromInbox(prod, number, "PROCESS_CAPABILITY", "CAPACITY_DELIVERY");
        signFromInbox(purch, number, "MATERIALS");
        signFromInbox(fin, number, "PAYMENT_CREDIT");
        signFromInbox(chief, number, "DESIGN_STATUTORY");

        // quality logs an inconsistency instead of signing
        fromInbox(qa, number);
        driver.findElement(By.cssSelector("#sign-panel details summary")).click();
        new Select(driver.findElement(By.id("raise-aspect"))).selectByValue("INSPECTION_ACCEPTANCE");
        driver.findElement(By.id("raise-description")).sendKeys("客户未给出抗压强度的验收方法");
        driver.findElement(By.id("raise-proposal")).sendKeys("建议按 GB/T 4857.4 抽样检验");
        submit(driver.findElement(By.id("do-raise")));
        noError();
        assertThat(driver.findElement(By.id("contract-inconsistencies")).getText()).contains("客户未给出抗压强度的验收方法");
        signOut();

        // sales settles it with the customer
        signIn("sales", PASSWORD);
        open("/contracts/" + id);
        var resolve = driver.findElement(By.cssSelector("form[id^='resolve-form-']"));
        new Select(resolve.findElement(By.name("method"))).selectByIndex(0);
        resolve.findElement(By.name("withWhom")).sendKeys("客户采购部 王经理");
        resolve.findElement(By.name("agreed")).sendKeys("按 GB/T 4857.4 抽样，AQL 2.5");
        submit(resolve.findElement(By.tagName("button")));
        noError();
        assertThat(driver.findElement(By.id("contract-inconsistencies")).getText()).contains("按 GB/T 4857.4 抽样，AQL 2.5");
        signOut();

        // quality re-signs
        signFromInbox(qa, number, "INSPECTION_ACCEPTANCE");
        // the departments signed: the vice general manager in charge signs the contract (seed 001-C6)
        signFromInbox(vp, number, "VICE_GM_SIGNOFF");

        // the sales manager records outcome A: a major contract goes on to the general manager
        signIn(salesManager, PASSWORD);
        open("/contracts/" + id);
        assertThat(driver.findElement(By.id("contract-stage")).getText()).isEqualTo("待评审结论");
        new Select(driver.findElement(By.id("outcome"))).selectByValue("A");
        submit(driver.findElement(By.id("do-outcome")));
        noError();
        assertThat(driver.findElement(By.id("contract-stage")).getText()).isEqualTo("待总经理审批");
        signOut();

        // the general manager approves
        signIn("gm", PASSWORD);
        open("/approvals");
        assertThat(driver.findElement(By.id("approval-tasks")).getText()).contains(number);
        open("/contracts/" + id);
        driver.findElement(By.id("gm-comment")).sendKeys("同意，按期排产");
        submit(driver.findElement(By.id("do-gm-approve")));
        noError();
        assertThat(driver.findElement(By.id("contract-status")).getText()).isEqualTo("已接受");
        screenshot("contract-02-accepted");

        // the production task notice prints
        String notice = driver.findElement(By.cssSelector(".notice-number")).getText();
        String href = driver.findElement(By.cssSelector(".notice-pdf")).getAttribute("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        PrintedPdf printed = PrintedPdf.of(pdf, notice);
        assertThat(printed.text()).contains("生产任务通知单", notice, number, "重型瓦楞包装箱（新结构）", "200000");
        signOut();
    }

    /** Signs in, opens 待我审批, finds the contract there and follows its link to the contract page. */
    void fromInbox(String username, String number) {
        signIn(username, PASSWORD);
        open("/approvals");
        var link = driver.findElement(By.id("approval-tasks")).findElement(By.partialLinkText(number));
        link.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/contracts/"));
    }

    /** A staff member of the department holding the position (positions are data, V163). */
    String positionUser(String department, String position) throws Exception {
        String username = "bt" + position.toLowerCase().replace("_", "") + suffix;
        long dept = jdbc.sql("select id from department where code = :c").param("c", department).query(Long.class).single();
        api("POST", "/api/v1/users", token("admin", "admin-test-pw"), "{\"username\":\"" + username
                + "\",\"displayName\":\"" + position + "测试" + suffix + "\",\"password\":\"" + PASSWORD
                + "\",\"position\":\"" + position + "\",\"roles\":[\"STAFF\"],\"departmentId\":" + dept + "}");
        return username;
    }

    void signFromInbox(String username, String number, String... aspects) throws Exception {
        fromInbox(username, number);
        for (String aspect : aspects) {
            sign(aspect, "ACCEPT", null);
        }
        signOut();
    }

    void sign(String aspect, String verdict, String comment) {
        new Select(driver.findElement(By.id("sign-aspect"))).selectByValue(aspect);
        new Select(driver.findElement(By.id("sign-verdict"))).selectByValue(verdict);
        if (comment != null) {
            driver.findElement(By.id("sign-comment")).sendKeys(comment);
        }
        submit(driver.findElement(By.id("do-sign")));
        noError();
        assertThat(driver.findElement(By.id("review-" + aspect)).getText()).contains("可接受");
    }
}
