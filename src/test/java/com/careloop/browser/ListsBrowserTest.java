package com.careloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 §4 in Chromium: a list sorted by clicking its column header (again: the other way round), and the search
 * box of the top bar — an exact record number opens the record, a customer name lists what it finds.
 */
class ListsBrowserTest extends BrowserTestBase {

    @Test
    void sortsTheComplaintListByAHeaderAndFindsRecordsFromTheTopBar() throws Exception {
        signIn("manager", "careloop2026");
        open("/complaints");

        click(driver.findElement(By.id("sort-receivedAt")));
        wait(ExpectedConditions.urlContains("sort=receivedAt"));
        List<String> ascending = column(3);
        assertThat(ascending).hasSizeGreaterThan(2).isSorted();
        assertThat(driver.findElement(By.cssSelector("th[data-sort=receivedAt]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        screenshot("lists-01-sorted-ascending");

        click(driver.findElement(By.id("sort-receivedAt")));
        wait(ExpectedConditions.urlContains("sort=-receivedAt"));
        List<String> descending = column(3);
        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(driver.findElement(By.id("complaint-export")).getAttribute("href")).contains("sort=-receivedAt");

        // the top bar: an exact number opens the record
        String number = driver.findElement(By.cssSelector("#complaints tbody tr td a")).getText();
        String href = driver.findElement(By.cssSelector("#complaints tbody tr td a")).getAttribute("href");
        search(number);
        wait(ExpectedConditions.urlToBe(href));
        assertThat(text()).contains(number);

        // a customer name lists the records it finds
        open("/complaints");
        String name = driver.findElement(By.cssSelector("#complaints tbody tr td:nth-child(2)")).getText();
        search(name);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("search-results")));
        assertThat(driver.findElement(By.id("search-results")).getText()).contains(name, "投诉");
        screenshot("lists-02-search-results");
    }

    private void search(String q) {
        WebElement box = driver.findElement(By.id("global-search-q"));
        box.clear();
        box.sendKeys(q, Keys.ENTER);
    }

    private void click(WebElement link) {
        link.click();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(condition);
    }

    /** The text of a column of the complaint list (1-based). */
    private List<String> column(int n) {
        return driver.findElements(By.cssSelector("#complaints tbody tr td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText).toList();
    }
}
