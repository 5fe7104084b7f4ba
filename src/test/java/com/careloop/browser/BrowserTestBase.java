package com.careloop.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real Chromium (Debian's chromium + chromedriver, ADR 0003) against a running CareLoop with the
 * demo company; screenshots go to target/screenshots. Skipped, saying why, where Chromium is not
 * installed — never silently passed.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careloop.demo-data=true", "careloop.admin-password=admin-test-pw"})
abstract class BrowserTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    static WebDriver driver;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @LocalServerPort
    int port;

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
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
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
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> gone(button));
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
        int rows = driver.findElements(By.cssSelector("#queue tbody tr[id^='row-']")).size();
        if (figure <= rows || driver.findElements(By.id("next-page")).isEmpty()) {
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
}
