package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The key-customer procedure in real Chromium: the CS manager registers a customer served by the
 * repair technician, the engineering department head proposes it as a key customer, the manager
 * approves, and the technician (no customer:view-sensitive) sees the ★ mark and a masked phone.
 * Screenshots go to target/screenshots. Skipped, saying why, where Chromium is not installed.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "careloop.demo-data=true", "careloop.admin-password=admin-test-pw"})
class KeyCustomerBrowserTest {

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
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
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

    private void signIn(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("careloop2026");
        driver.findElement(By.id("login-submit")).click();
        assertThat(driver.findElement(By.id("user-name")).isDisplayed()).isTrue();
    }

    private void signOut() {
        driver.findElement(By.id("logout")).click();
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
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
        driver.findElement(By.id("save-customer")).click();
        assertThat(driver.findElement(By.id("customer-name")).getText()).isEqualTo(name);
        String customerPath = java.net.URI.create(driver.getCurrentUrl()).getPath();
        assertThat(customerPath).matches("/customers/\\d+");
        assertThat(driver.findElement(By.id("customer-phone")).getText()).isEqualTo(phone);
        assertThat(driver.findElements(By.cssSelector("h1 .key-mark"))).isEmpty();
        screenshot("key-01-registered");
        signOut();

        // the engineering department head proposes it on the 360 page
        signIn("depthead");
        open(customerPath);
        new Select(driver.findElement(By.id("key-criterion"))).selectByValue("MAJOR_INCIDENT");
        driver.findElement(By.id("key-reason")).sendKeys("电梯困人，重大报事");
        screenshot("key-02-propose");
        driver.findElement(By.id("key-propose")).click();
        assertThat(driver.findElement(By.id("key-customer-section")).getText()).contains("电梯困人，重大报事", "待审批");
        signOut();

        // the CS manager approves it on the key-customer page
        signIn("manager");
        open("/key-customers");
        var row = driver.findElement(By.xpath("//section[@id='pending-proposals']//tr[.//a[text()='" + name + "']]"));
        row.findElement(By.name("comment")).sendKeys("同意纳入重点客户");
        screenshot("key-03-pending");
        row.findElement(By.cssSelector("button.approve")).click();
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
