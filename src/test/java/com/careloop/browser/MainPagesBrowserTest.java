package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
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
 * The main pages in real Chromium (Debian's chromium + chromedriver): sign in as the CS manager,
 * switch language, open the audit trail and the calendar, and see a user without permission refused.
 * Screenshots go to target/screenshots. Skipped, saying why, where Chromium is not installed.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careloop.demo-data=true", "careloop.admin-password=admin-test-pw"})
class MainPagesBrowserTest {

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
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void theCsManagerWorksThroughTheMainPagesInThreeLanguages() throws Exception {
        signIn("manager", "careloop2026");
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("王丽华");
        assertThat(text()).contains("审计追踪", "工作日历");
        screenshot("01-home-zh-CN");

        driver.findElement(By.id("lang-en")).click();
        assertThat(text()).contains("Audit trail", "Work calendar");

        driver.findElement(By.linkText("Audit trail")).click();
        assertThat(driver.findElement(By.id("audit-list")).getText()).contains("department");
        screenshot("02-audit-trail-en");

        open("/admin/calendar?lang=zh-TW");
        assertThat(driver.findElement(By.id("special-days")).getText()).contains("2026-10-01");
        assertThat(text()).contains("行事曆");
        screenshot("03-calendar-zh-TW");

        open("/admin/calendar?lang=zh-CN");
        assertThat(driver.findElement(By.id("special-days")).getText()).contains("国庆节", "调休上班");
        screenshot("04-calendar-zh-CN");
        driver.findElement(By.id("logout")).click();
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void aFrontDeskAgentIsRefusedTheAuditTrail() throws Exception {
        signIn("frontdesk", "careloop2026");
        assertThat(text()).doesNotContain("审计追踪");
        open("/admin/audit");
        assertThat(driver.findElement(By.id("error-page")).getText()).contains("403");
        screenshot("05-forbidden");
        open("/");
        driver.findElement(By.id("logout")).click();
    }
}
