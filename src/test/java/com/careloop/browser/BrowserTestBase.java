package com.careloop.browser;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real Chromium (Debian's chromium + chromedriver, ADR 0003) against a running CareLoop with the
 * demo company; screenshots go to target/screenshots. Skipped, saying why, where Chromium is not
 * installed — never silently passed.
 */
@Tag("browser")
abstract class BrowserTestBase extends com.careloop.support.FullStackTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    /** How long a lookup of something that should be there waits for the page to render it. */
    static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    static WebDriver driver;

    @LocalServerPort
    int port;

    static final String PASSWORD = "careloop2026";

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    /** Makes this test's users and records unique. */
    final String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);

    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: Chromium not installed (need /usr/bin/chromium and /usr/bin/chromedriver: "
                        + "apt-get install chromium chromium-driver); .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("careloop-chromium"));
        // the console log, so a test can see Content-Security-Policy violations
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    void signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.id("login-submit")));
    }

    /**
     * Clicks a button that submits a form and waits until the browser has left the page: reading
     * the next page straight after the click can otherwise find an element of the old one.
     */
    void submit(org.openqa.selenium.WebElement button) {
        button.click();
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> gone(button));
        } catch (org.openqa.selenium.TimeoutException stuck) {
            String why = stuckForm(button);
            try {
                screenshot("stuck-form");
            } catch (Exception e) {
                stuck.addSuppressed(e);
            }
            throw new AssertionError("the form was not sent: " + why, stuck);
        }
    }

    /** Why a click did not leave the page: where we are and which fields the browser refuses (native validation). */
    private String stuckForm(org.openqa.selenium.WebElement button) {
        Object why = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const f = arguments[0].form; if (!f) return 'the button has no form';"
                + " const why = [...f.elements].filter(e => e.willValidate && !e.checkValidity())"
                + ".map(e => e.name + ' [' + e.value + ']: ' + e.validationMessage).join('; ') || 'all fields valid';"
                + " const r = arguments[0].getBoundingClientRect(); const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                + " return why + '; at the button: ' + (top ? top.outerHTML.slice(0, 200) : 'nothing') + ' rect ' + JSON.stringify(r)"
                + " + ' viewport ' + innerWidth + 'x' + innerHeight + ' scroll ' + scrollX + ',' + scrollY;",
                button);
        return driver.getCurrentUrl() + " - " + why + serverThreads();
    }

    /** The server runs in this JVM: what its request threads are doing while the page waits. */
    private static String serverThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("exec") && java.util.Arrays.stream(stack)
                    .anyMatch(f -> f.getClassName().startsWith("com.careloop"))) {
                out.append("\n").append(thread.getName()).append(' ').append(thread.getState());
                java.util.Arrays.stream(stack).limit(40).forEach(f -> out.append("\n    at ").append(f));
            }
        });
        return out.isEmpty() ? " (no request thread busy in CareLoop code)" : out.toString();
    }

    /** Chromium sometimes reports a node of the page just left as an inspector error, not as a stale element. */
    private static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * From the signed-in manager's home dashboard: switches the KPI dashboard to this month, drills down from the
     * overdue requests figure to the queue and checks the queue lists exactly as many. Shared by the dashboard and
     * the reports journeys.
     */
    void drillDownFromTheOverdueFigure() {
        driver.findElement(By.id("kpi-dashboard-period-MONTH")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("period=MONTH"));
        org.assertj.core.api.Assertions.assertThat(driver.findElement(By.id("kpi-dashboard")).getText()).contains("本月");
        org.openqa.selenium.WebElement overdue = driver.findElement(By.id("kpi-servicedesk.overdueNow"));
        long figure = Long.parseLong(overdue.findElement(By.className("num")).getText().replace(",", ""));
        submit(overdue);
        org.assertj.core.api.Assertions.assertThat(driver.getCurrentUrl()).contains("/service-requests").contains("overdue=true");
        int rows = now(By.cssSelector("#queue tbody tr[id^='row-']")).size();
        if (figure <= rows || now(By.id("next-page")).isEmpty()) {
            org.assertj.core.api.Assertions.assertThat((long) rows).isEqualTo(figure);
        } else {
            org.assertj.core.api.Assertions.assertThat(Long.parseLong(driver.findElement(By.id("count-overdue")).getText().trim()))
                    .isEqualTo(figure);
        }
    }

    /** Signs out and waits for the login page: the click returns before the browser has navigated. */
    void signOut() {
        submit(driver.findElement(By.id("logout")));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
    }

    void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A user of this test in the department with the position and role (unique name, the demo password). */
    String user(String department, String role) throws Exception {
        String username = "bt" + department.toLowerCase() + role.toLowerCase().replace("_", "") + suffix;
        long dept = jdbc.sql("select id from department where code = :c").param("c", department).query(Long.class).single();
        api("POST", "/api/v1/users", token("admin", "admin-test-pw"), "{\"username\":\"" + username + "\",\"displayName\":\""
                + department + "测试" + suffix + "\",\"password\":\"" + PASSWORD + "\",\"position\":\"" + role
                + "\",\"roles\":[\"" + role + "\"],\"departmentId\":" + dept + "}");
        return username;
    }

    String token(String username, String password) throws Exception {
        String body = api("POST", "/api/v1/auth/tokens", null, "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
        return body.replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Calls the REST API and expects 201 Created. */
    String api(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
        return r.body();
    }

    /** Sets an input's value by its id (date inputs do not take typed ISO dates in every locale). */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    void setValue(org.openqa.selenium.WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    void noError() {
        org.assertj.core.api.Assertions.assertThat(now(By.cssSelector(".flash.error"))).as(() -> text()).isEmpty();
    }

    /**
     * The elements on the page as it is now, without the implicit wait: for checking that something is absent
     * (a plain findElements waits the whole implicit wait for what is rightly not there — 5 s per check).
     */
    static java.util.List<org.openqa.selenium.WebElement> now(By by) {
        return now(driver, by);
    }

    static java.util.List<org.openqa.selenium.WebElement> now(org.openqa.selenium.SearchContext in, By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return in.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** An organisation customer (unique phone) registered by the CS manager with the user as its representative. */
    long customerOf(String name, String representative) throws Exception {
        api("POST", "/api/v1/customers", token("manager", PASSWORD), "{\"name\":\"" + name
                + "\",\"kind\":\"ORGANISATION\",\"phone\":\"136" + String.format("%08d", System.nanoTime() % 100_000_000L)
                + "\",\"representativeId\":" + jdbc.sql("select id from app_user where username = :u")
                .param("u", representative).query(Long.class).single() + "}");
        return jdbc.sql("select id from customer where name = :n").param("n", name).query(Long.class).single();
    }
}
