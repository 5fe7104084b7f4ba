package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.careloop.customer.CustomerDirectory;
import com.careloop.customer.CustomerKind;
import com.careloop.fieldservice.FieldServiceCommands;
import com.careloop.fieldservice.FieldServiceViews;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.SignedInAs;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

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
 * Field service in real Chromium. Desktop: the CS manager plans a trip from the request page with a three-department
 * team, records the briefing, is refused departure (a readable message), a member acknowledges on their own, the
 * checklist is ticked, the team departs, the customer signs on the pad and an open point becomes a CAPA. Phone
 * (390 × 844): the leader records the visit on the on-site page (an answer kept while offline and sent once back,
 * a refused one shown), takes a photo, the customer and the leader sign on the pads, and the report prints (PDF text).
 */
class FieldServiceBrowserTest extends BrowserTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedInAs signedInAs;
    @Autowired
    ServiceDesk desk;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    FieldServices services;

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** A FIELD_SERVICE request of a customer of its own (with a material), registered by the CS manager. */
    long fieldRequest(String title) {
        long[] id = new long[1];
        signedInAs.run("manager", () -> {
            String phone = "135" + String.format("%08d", (long) (Math.random() * 100_000_000L));
            var c = customers.registerOnTheSpot("浏览器现场客户" + UUID.randomUUID().toString().substring(0, 6),
                    CustomerKind.ORGANISATION, phone, null, null, true);
            var r = desk.register(new ServiceDeskCommands.Register(c.id(), null, "马工", phone, "常州 2号车间", null,
                    RequestType.FIELD_SERVICE, FieldServiceKind.INSTALLATION_COMMISSIONING, null, title, null,
                    Channel.PHONE, null, null, null));
            desk.addMaterial(r.id(), new ServiceDeskCommands.AddMaterial("密封圈", new BigDecimal("6"), "个"));
            id[0] = r.id();
        });
        return id[0];
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void click(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Sends a signature form as drawn with its own button (a native submit: signature.js puts the pad's PNG into the
     * form, the browser posts it and opens the page it is sent back to). The buttons once shared their id with the
     * section around the form, so a click by id landed on the section and nothing was sent.
     */
    private void sign(String formId) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement button = driver.findElement(By.id(formId.replace("-form", "-button")));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private void draw(String canvasId) {
        WebElement pad = driver.findElement(By.id(canvasId));
        js("arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(driver).moveToElement(pad, -60, 0).clickAndHold().moveByOffset(40, -20).moveByOffset(40, 30)
                .moveByOffset(40, -25).release().perform();
    }

    private void select(String id, long value) {
        new Select(driver.findElement(By.id(id))).selectByValue(String.valueOf(value));
    }

    @Test
    void desktopPlanWithAThreeDepartmentTeamBriefingDepartureReportAndAnOpenPointBecomingACapa() throws Exception {
        long request = fieldRequest("浏览器 包装线调试");
        signIn("manager", "careloop2026");
        open("/service-requests/" + request + "?lang=zh-CN");
        click("plan-field-service");
        assertThat(driver.findElement(By.id("partsText")).getAttribute("value")).contains("密封圈, 6, 个");
        select("leaderId", user("depthead"));
        driver.findElement(By.id("leaderTask")).sendKeys("现场总负责");
        select("memberUserId-0", user("teamleader"));
        driver.findElement(By.id("memberTask-0")).sendKeys("机械安装指导");
        select("memberUserId-1", user("quality"));
        driver.findElement(By.id("memberTask-1")).sendKeys("调试测量");
        select("memberUserId-2", user("sales"));
        driver.findElement(By.id("memberTask-2")).sendKeys("操作培训");
        driver.findElement(By.id("vehicles")).sendKeys("商务车 苏A·12345");
        driver.findElement(By.id("toolsText")).sendKeys("*万用表\n扭力扳手");
        screenshot("field-01-plan");
        click("plan-submit");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/field-services/(\\d+).*", "$1"));
        List<WebElement> team = driver.findElements(By.cssSelector("#team tbody tr"));
        assertThat(team).hasSize(4);
        assertThat(team.stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()).distinct().count())
                .as("a team from several departments").isGreaterThanOrEqualTo(3);

        driver.findElement(By.id("briefedBy")).sendKeys("保安部 韩队长");
        driver.findElement(By.id("topics")).sendKeys("高处作业、临时用电");
        for (String u : List.of("depthead", "teamleader", "quality")) {
            driver.findElement(By.id("ack-" + user(u))).click();
        }
        click("brief-submit");
        click("depart");
        assertThat(driver.findElement(By.cssSelector(".flash.error")).getText())
                .as("the refused departure as a readable message").contains("尚未完成出发前安全交底");
        for (WebElement box : driver.findElements(By.cssSelector("#checklist-form input[type=checkbox]"))) {
            box.click();
        }
        click("checklist-submit");
        assertThat(driver.findElement(By.id("readiness")).getText()).isEqualTo("未完成交底或检查，不能出发");
        screenshot("field-02-briefing");
        signOut();

        signIn("sales", "careloop2026");
        open("/field-services/" + id);
        click("acknowledge");
        assertThat(driver.findElement(By.id("readiness")).getText()).isEqualTo("可以出发");
        signOut();

        signIn("manager", "careloop2026");
        open("/field-services/" + id);
        click("depart");
        assertThat(driver.findElement(By.id("service-status")).getText()).isEqualTo("已出发");
        open("/field-services/" + id + "/on-site");
        click("arrive");
        assertThat(driver.findElement(By.id("service-status")).getText()).isEqualTo("在现场");
        driver.findElement(By.id("open-point-description")).sendKeys("控制柜接地需整改");
        select("open-point-owner", user("quality"));
        js("document.getElementById('open-point-due').value = arguments[0]",
                LocalDate.now(ZONE).plusDays(14).toString());
        WebElement form = driver.findElement(By.id("open-point-form"));
        WebElement page = driver.findElement(By.tagName("html"));
        form.findElement(By.tagName("button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        assertThat(driver.findElement(By.id("points")).getText()).contains("控制柜接地需整改");
        draw("customer-signature-canvas");
        sign("customer-sign-form");
        assertThat(driver.findElement(By.id("report-signed")).getText()).matches("(?s).*XB\\d{4}-\\d{5}.*");

        open("/field-services/" + id);
        long point = services.detail(id).openPoints().get(0).id();
        click("as-capa-" + point);
        WebElement capa = driver.findElement(By.id("follow-up-" + point));
        String capaCode = capa.getText();
        assertThat(capaCode).startsWith("CA");
        screenshot("field-03-open-point-capa");
        click("follow-up-" + point);
        assertThat(text()).contains(capaCode).contains("控制柜接地需整改");
        signOut();
    }

    @Test
    void onAPhoneTheLeaderRecordsTheVisitTheCustomerSignsOnThePadAndTheReportPrints() throws Exception {
        long request = fieldRequest("浏览器 手机现场");
        long[] id = new long[1];
        signedInAs.run("manager", () -> {
            FieldServiceViews.Detail f = services.plan(new FieldServiceCommands.Plan(request, null, null, null,
                    LocalDate.now(ZONE), LocalDate.now(ZONE), LocalDate.now(ZONE).plusDays(1),
                    LocalDate.now(ZONE).plusDays(1), new FieldServiceCommands.Member(user("depthead"), "现场总负责", null),
                    List.of(new FieldServiceCommands.Member(user("teamleader"), "安装", null)), null, null, null,
                    null));
            services.departureException(f.id(), new FieldServiceCommands.DepartureException("抢修，交底途中电话进行", null));
            id[0] = f.id();
        });
        signedInAs.run("depthead", () -> services.depart(id[0], null));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signIn("depthead", "careloop2026");
            open("/field-services/" + id[0] + "/on-site?lang=zh-CN");
            fits();
            click("arrive");
            assertThat(driver.findElement(By.id("service-status")).getText()).isEqualTo("在现场");
            fits();
            FieldServiceViews.Detail f = services.detail(id[0]);
            long leaderMember = f.team().stream().filter(FieldServiceViews.Member::leader).findFirst().orElseThrow().id();
            long part = f.parts().get(0).id();

            driver.findElement(By.id("work-" + leaderMember)).sendKeys("输送线就位，调试完成");
            submitOffline("work-form-" + leaderMember);
            driver.findElement(By.id("measurement-name")).sendKeys("封口温度");
            driver.findElement(By.id("measurement-value")).sendKeys("185");
            driver.findElement(By.id("measurement-unit")).sendKeys("℃");
            submitOffline("measurement-form");
            driver.findElement(By.id("used-" + part)).clear();
            driver.findElement(By.id("used-" + part)).sendKeys("4");
            submitOffline("part-form-" + part);
            DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            LocalDateTime now = LocalDateTime.now(ZONE);
            setHours(now.minusHours(3).format(minute), now.minusHours(1).format(minute));
            submitOffline("hours-form");
            // an overlapping entry: the server's refusal shows on the page, nothing is kept to send again
            setHours(now.minusHours(2).format(minute), now.minusMinutes(30).format(minute));
            driver.findElement(By.cssSelector("#hours-form button")).click();
            WebElement refused = new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-refused")));
            assertThat(refused.getText()).contains("重叠");

            // offline: the findings wait in localStorage and are sent when the page is opened again online
            ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
            ((ChromeDriver) driver).executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true,
                    "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            driver.findElement(By.id("findings")).sendKeys("试运行 2 小时正常，顾客现场验收");
            driver.findElement(By.cssSelector("#findings-form button")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("unsent")));
            screenshot("field-phone-01-offline");
            assertThat(services.detail(id[0]).findings()).isNull();
            ((ChromeDriver) driver).executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                    "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            open("/field-services/" + id[0] + "/on-site");
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(d -> "试运行 2 小时正常，顾客现场验收".equals(services.detail(id[0]).findings()));

            Path photo = Files.createTempFile("field-photo", ".png");
            ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
            open("/field-services/" + id[0] + "/on-site");
            driver.findElement(By.id("photo-file")).sendKeys(photo.toAbsolutePath().toString());
            WebElement page = driver.findElement(By.tagName("html"));
            driver.findElement(By.cssSelector("#photo-form button")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
            assertThat(driver.findElements(By.cssSelector("#photo-section .thumbs img"))).hasSize(1);
            assertThat((Boolean) js("var i = document.querySelector('#photo-section .thumbs img');"
                    + " return i.complete && i.naturalWidth > 0")).as("the thumbnail loads").isTrue();

            fits();
            driver.findElement(By.id("signer-name")).clear();
            driver.findElement(By.id("signer-name")).sendKeys("马建国");
            draw("customer-signature-canvas");
            screenshot("field-phone-02-signature");
            sign("customer-sign-form");
            String report = driver.findElement(By.id("report-signed")).getText().replaceAll("(?s).*(XB\\d{4}-\\d{5}).*", "$1");
            assertThat(report).matches("XB\\d{4}-\\d{5}");
            draw("leader-signature-canvas");
            sign("leader-sign-form");
            assertThat(now(By.id("leader-sign-form"))).isEmpty();
            fits();
            screenshot("field-phone-03-signed");

            open("/field-services/" + id[0] + "/report");
            assertThat(text()).contains("现场服务报告").contains("Q/JL081304").contains(report);
            assertThat(driver.findElements(By.cssSelector("img[alt=signature]"))).hasSize(2);
            PageSession s = new PageSession(port);
            s.login("depthead", "careloop2026");
            PrintedPdf pdf = PrintedPdf.fetch(s, "/field-services/" + id[0] + "/report.pdf", report);
            assertThat(pdf.text()).contains("现场服务报告", "Q/JL081304", report, "封口温度", "马建国",
                    "输送线就位，调试完成", "试运行 2 小时正常");
            signedInAs.run("depthead", () -> {
                FieldServiceViews.Report r = services.detail(id[0]).report();
                assertThat(r.customerSignature()).isTrue();
                assertThat(r.leaderSignature()).isTrue();
                assertThat(services.signatureDataUrl(id[0], FieldServices.CUSTOMER_SIGNATURE))
                        .as("the pad's drawing stored as a PNG").startsWith("data:image/png;base64,");
            });
            open("/");
            signOut();
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void setHours(String from, String to) {
        js("document.getElementById('hours-from').value = arguments[0];"
                + " document.getElementById('hours-to').value = arguments[1]", from, to);
    }

    /** Sends one of the on-site page's small forms (fetch, then the page reloads). */
    private void submitOffline(String formId) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(formId)).findElement(By.tagName("button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private void fits() {
        assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
                .as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(390);
    }
}
