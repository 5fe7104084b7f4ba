package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.careloop.support.Multipart;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspections in a real Chromium: on a phone (390 × 844) a pre-contract visit with the EMS photo list is planned,
 * conducted with photos uploaded from files (thirteen photo items), the risk assessed and the visit decided and
 * closed; on a desktop a CSR audit gets files in its PDCA folders, fails a red line, its finding opens a CAPA, the
 * CAPA is worked and closed, the finding closes with it and the audit is closed.
 */
class InspectionBrowserTest extends BrowserTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Clicks a button whose form the page's script sends with fetch and then reloads the page. */
    void sendAndWaitForReload(WebElement button) {
        js("window.__marker = true");
        button.click();
        waiting().until(d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__marker === true")));
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static Path photoFile(String name, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 240; y++) {
                image.setRGB(x, y, (x * y) % 7 == 0 ? rgb : 0xffffff);
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "test-photos"));
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file.toAbsolutePath();
    }

    /** Adds the photo to the item and answers it, as the phone's two forms do. */
    void photoThroughTheApi(String token, long auditId, long itemId, Path photo) throws Exception {
        Multipart body = new Multipart().file("file", photo.getFileName().toString(), "image/jpeg", Files.readAllBytes(photo));
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/audits/" + auditId + "/answers/" + itemId + "/photos"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/audits/" + auditId + "/answers/" + itemId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"note\":\"\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }

    static Path textFile(String name, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-photos"));
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8).toAbsolutePath();
    }

    void plan(String templateKind, String counterpart, LocalDate date, List<String> schemes) {
        open("/audits?lang=zh-CN");
        Select template = new Select(driver.findElement(By.name("templateId")));
        template.getOptions().stream().filter(o -> o.getText().startsWith(templateKind)).findFirst().orElseThrow().click();
        WebElement dateInput = driver.findElement(By.name("auditDate"));
        js("arguments[0].value = arguments[1]", dateInput, date.toString());
        driver.findElement(By.name("counterpart")).sendKeys(counterpart);
        for (String s : schemes) {
            WebElement box = driver.findElement(By.cssSelector("input[name='schemes'][value='" + s + "']"));
            js("arguments[0].click()", box);
        }
        WebElement button = driver.findElement(By.cssSelector("form[action$='/audits'] button.primary"));
        js("arguments[0].scrollIntoView()", button);
        submit(button);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("audit-page")));
    }

    long auditId() {
        return Long.parseLong(driver.getCurrentUrl().replaceAll(".*/audits/(\\d+).*", "$1"));
    }

    @Test
    void onAPhoneAPreContractVisitWithTheEmsPhotoListIsConductedAssessedAndDecided() throws Exception {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signIn("quality", "careloop2026");
            String counterpart = "手机考察客户" + System.nanoTime() % 1_000_000;
            // the list fits the phone: a wider page is zoomed out and a tap lands beside the button it aimed at
            open("/audits?lang=zh-CN");
            assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            plan("签约前考察", counterpart, LocalDate.now(SHANGHAI), List.of("EMS"));
            long id = auditId();
            List<WebElement> items = driver.findElements(By.cssSelector("#checklist div.q"));
            assertThat(items).hasSize(13); // 8 base photos + 5 of EMS
            assertThat(driver.findElement(By.id("checklist")).getText()).contains("废水排放口", "垃圾处理场", "检验室内貌");
            List<String> ids = items.stream().map(e -> e.getAttribute("id")).toList();
            for (String qid : ids) {
                assertThat(driver.findElement(By.cssSelector("#" + qid + " input[type=file]")).getAttribute("capture"))
                        .isEqualTo("environment");
            }
            // the first two photos from the phone's page; the other eleven are the same two forms again, so they go
            // through the API (as the same user) to keep the journey short, and the page must show all thirteen
            String quality = token("quality", "careloop2026");
            for (int n = 0; n < ids.size(); n++) {
                String qid = ids.get(n);
                Path photo = photoFile("site-" + n + ".jpg", 0x3366cc + n);
                if (n < 2) {
                    driver.findElement(By.cssSelector("#" + qid + " input[type=file]")).sendKeys(photo.toString());
                    submit(driver.findElement(By.cssSelector("#" + qid + " form[enctype] button")));
                    sendAndWaitForReload(driver.findElement(By.cssSelector("#" + qid + " form.answer button")));
                    assertThat(driver.findElement(By.cssSelector("#" + qid)).getText()).contains("✓");
                } else {
                    photoThroughTheApi(quality, id, Long.parseLong(qid.substring(2)), photo);
                }
            }
            open("/audits/" + id);
            for (String qid : ids) {
                assertThat(driver.findElement(By.cssSelector("#" + qid)).getText()).contains("✓");
            }
            assertThat(driver.findElements(By.cssSelector("#checklist .thumbs img"))).hasSize(13);
            assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            screenshot("inspection-phone-01-photos");

            open("/audits/" + id + "?section=1");
            List<String> rest = driver.findElements(By.cssSelector("#checklist div.q")).stream()
                    .map(e -> e.getAttribute("id")).toList();
            for (String qid : rest) {
                List<WebElement> yes = now(By.cssSelector("#" + qid + " input[value='YES']"));
                if (!yes.isEmpty()) {
                    js("arguments[0].click()", yes.get(0));
                } else {
                    driver.findElement(By.cssSelector("#" + qid + " textarea[name='answer']")).sendKeys("污水站在建，需复查");
                }
                sendAndWaitForReload(driver.findElement(By.cssSelector("#" + qid + " form.answer button")));
            }
            submit(driver.findElement(By.id("finish-audit")));
            assertThat(driver.findElement(By.id("audit-result")).getText()).contains("通过");

            WebElement risk = driver.findElement(By.cssSelector("form[action$='/risk-assessment']"));
            new Select(risk.findElement(By.name("riskLevel"))).selectByValue("MEDIUM");
            new Select(risk.findElement(By.name("recommendation"))).selectByValue("ACCEPT");
            risk.findElement(By.name("riskNote")).sendKeys("废水处理在建，三个月后复查");
            submit(risk.findElement(By.tagName("button")));
            assertThat(driver.findElement(By.id("recommendation")).getText()).contains("MEDIUM", "受理");
            WebElement decide = driver.findElement(By.cssSelector("form[action$='/decision']"));
            new Select(decide.findElement(By.name("decision"))).selectByValue("ACCEPT");
            decide.findElement(By.name("note")).sendKeys("同意受理");
            submit(decide.findElement(By.tagName("button")));
            assertThat(driver.findElement(By.id("decision")).getText()).contains("受理", "同意受理");
            submit(driver.findElement(By.id("close-audit")));
            assertThat(driver.findElement(By.id("audit-status")).getText()).isEqualTo("已关闭");
            assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            screenshot("inspection-phone-02-decided");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            signOut();
        }
    }

    @Test
    void onADesktopACsrAuditWithPdcaFoldersFailsARedLineAndItsCapaClosesTheFindingAndTheAudit() throws Exception {
        signIn("quality", "careloop2026");
        String counterpart = "桌面CSR客户" + System.nanoTime() % 1_000_000;
        plan("CSR稽查", counterpart, LocalDate.now(SHANGHAI), List.of());
        long id = auditId();
        // PDCA folders: the preparation e-mail, the opening meeting minutes, the customer's findings
        for (String[] f : new String[][] {{"P_PREP", "稽查通知邮件.txt"}, {"D_ONSITE", "首次会议记录.txt"},
                {"C_FINDINGS", "客户问题点清单.txt"}}) {
            driver.findElement(By.cssSelector("#folder-" + f[0] + " input[type=file]")).sendKeys(textFile(f[1], f[1]).toString());
            submit(driver.findElement(By.cssSelector("#folder-" + f[0] + " button")));
            assertThat(driver.findElement(By.id("folder-" + f[0])).getText()).contains(f[1]);
        }
        answerAllFailingTheRedLine(id);
        submit(driver.findElement(By.id("finish-audit")));
        String result = driver.findElement(By.id("audit-result")).getText();
        assertThat(result).contains("不通过", "红线项不合格");
        WebElement finding = driver.findElement(By.cssSelector("#findings tbody tr"));
        assertThat(finding.getText()).contains("无童工", "红线");
        String findingRow = finding.getAttribute("id");
        submit(finding.findElement(By.cssSelector("form[action$='/capa'] button")));
        WebElement capaLink = driver.findElement(By.cssSelector("#" + findingRow + " a[href*='/capa/']"));
        long capaId = Long.parseLong(capaLink.getAttribute("href").replaceAll(".*/capa/(\\d+).*", "$1"));
        screenshot("inspection-desktop-01-red-line-capa");

        closeCapa(capaId);
        waiting().until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id(findingRow)).getText().contains("已关闭");
        });
        submit(driver.findElement(By.id("close-audit")));
        assertThat(driver.findElement(By.id("audit-status")).getText()).isEqualTo("已关闭");
        assertThat(driver.findElement(By.id("pdca")).getText()).contains("稽查通知邮件.txt", "首次会议记录.txt", "客户问题点清单.txt");
        screenshot("inspection-desktop-02-closed");
        signOut();
    }

    /** Answers every item of the CSR audit section by section: the red line 无童工 NO (with a note), the rest YES/320. */
    void answerAllFailingTheRedLine(long id) {
        int sections = driver.findElements(By.cssSelector("nav.sections a")).size();
        for (int s = 0; s < sections; s++) {
            open("/audits/" + id + "?section=" + s);
            List<String> qids = driver.findElements(By.cssSelector("#checklist div.q")).stream()
                    .map(e -> e.getAttribute("id")).toList();
            for (String qid : qids) {
                String text = driver.findElement(By.id(qid)).getText();
                List<WebElement> radios = now(By.cssSelector("#" + qid + " input[type=radio]"));
                if (!radios.isEmpty()) {
                    String value = text.contains("无童工") ? "NO" : "YES";
                    js("arguments[0].click()", driver.findElement(By.cssSelector("#" + qid + " input[value='" + value + "']")));
                    if (value.equals("NO")) {
                        driver.findElement(By.cssSelector("#" + qid + " input[name='note']")).sendKeys("发现未满16岁员工");
                    }
                } else {
                    driver.findElement(By.cssSelector("#" + qid + " input[name='answer']")).sendKeys("320");
                }
                sendAndWaitForReload(driver.findElement(By.cssSelector("#" + qid + " form.answer button")));
            }
        }
    }

    @Test
    void onAPhoneACsrAuditIsConductedARedLineFailureFailsItAndItsFindingBecomesACapa() throws Exception {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signIn("quality", "careloop2026");
            String counterpart = "手机CSR客户" + System.nanoTime() % 1_000_000;
            plan("CSR稽查", counterpart, LocalDate.now(SHANGHAI), List.of());
            long id = auditId();
            // before finishing there is no result and no finding yet (checked without waiting for what is absent)
            assertThat(now(By.id("audit-result"))).isEmpty();
            assertThat(now(By.cssSelector("#findings a[href*='/capa/']"))).isEmpty();
            answerAllFailingTheRedLine(id);
            submit(driver.findElement(By.id("finish-audit")));
            assertThat(driver.findElement(By.id("audit-result")).getText()).contains("不通过", "红线项不合格");
            WebElement finding = driver.findElement(By.cssSelector("#findings tbody tr"));
            assertThat(finding.getText()).contains("无童工");
            String findingRow = finding.getAttribute("id");
            submit(finding.findElement(By.cssSelector("form[action$='/capa'] button")));
            assertThat(driver.findElements(By.cssSelector("#" + findingRow + " a[href*='/capa/']"))).hasSize(1);
            assertThat(now(By.cssSelector("#" + findingRow + " form[action$='/capa']"))).isEmpty();
            assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            screenshot("inspection-phone-03-red-line-capa");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            signOut();
        }
    }

    // ---- the CAPA is worked over the API (its own pages have their own journey) ----

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 201);
        return json.readTree(r.body());
    }

    private void closeCapa(long capaId) throws Exception {
        String q = call("POST", "/api/v1/auth/tokens", null, "{\"username\":\"quality\",\"password\":\"careloop2026\"}")
                .get("token").asString();
        long me = call("GET", "/api/v1/capa/" + capaId, q, null).get("id").asLong();
        assertThat(me).isEqualTo(capaId);
        String base = "/api/v1/capa/" + capaId + "/";
        call("POST", base + "containment", q, "{\"containment\":\"相关员工调离岗位\"}");
        call("POST", base + "root-cause", q, "{\"whys\":[\"招聘未核验年龄\",\"无核验流程\"],\"category\":\"METHOD\","
                + "\"statement\":\"招聘无年龄核验\"}");
        long quality = jdbc.sql("select id from app_user where username = 'quality'").query(Long.class).single();
        JsonNode d = call("POST", base + "actions", q, "{\"description\":\"入职身份证核验\",\"ownerUserId\":" + quality
                + ",\"dueDate\":\"" + LocalDate.now(SHANGHAI).plusDays(5) + "\"}");
        long action = d.get("actions").get(0).get("id").asLong();
        call("POST", base + "actions/" + action + "/done", q, "{\"evidence\":\"核验记录\"}");
        call("POST", base + "start-verification", q, null);
        call("POST", base + "effectiveness-checks", q, "{\"effective\":true,\"evidence\":\"连续抽查无问题\"}");
        call("POST", base + "close", q, "{\"recurrencePrevention\":\"纳入招聘流程\"}");
    }
}
