package com.careloop.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.support.ApiTestBase;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A report's files: the PDF (read back with PDFBox) carries the Chinese title, the record number and the figures as
 * the page shows them, charts as images, the English title for an English reader; the workbook has a sheet per
 * section with numbers as numbers.
 */
class ReportPdfTest extends ApiTestBase {

    static final String BASE = "/api/v1/reports";

    @Autowired ReportFiles files;
    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    byte[] download(String path, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokenFor("manager"));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
            String number = path.substring(BASE.length() + 1, path.lastIndexOf('/'));
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                    .contains(files.number(Long.parseLong(number)));
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static int images(byte[] pdf) throws IOException {
        int n = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static JsonNode figure(JsonNode report, String code) {
        return ReportApiTest.figure(report, code);
    }

    @Test
    void theWeeklyReportAsPdfHasTheChineseTitleTheNumberAndTheFigures() throws IOException {
        long id = files.ensure(ReportKind.WEEKLY, ReportPeriod.week(today().minusWeeks(2)), null);
        JsonNode report = get(BASE + "/" + id, tokenFor("manager")).json();
        String pdf = text(download(BASE + "/" + id + "/pdf", null));
        assertThat(pdf).contains("客服中心周报表", files.number(id), "第 1 页");
        JsonNode registered = figure(report, "servicedesk.registered");
        assertThat(pdf).contains(registered.get("label").asString() + " " + registered.get("display").asString());
        JsonNode coverage = figure(report, "callback.coverage");
        assertThat(pdf).contains(coverage.get("label").asString());
        assertThat(pdf).contains("本周工作亮点");

        String english = text(download(BASE + "/" + id + "/pdf", "en"));
        assertThat(english).contains("Weekly report of the CS center", files.number(id)).doesNotContain("客服中心周报表");
        assertThat(files.title(id).code()).isEqualTo("report.title.WEEKLY");
    }

    @Test
    void theManagementReviewAsPdfHasItsChartsAsImages() throws IOException {
        long id = files.ensure(ReportKind.MANAGEMENT_REVIEW, ReportPeriod.year(today().getYear()), null);
        JsonNode report = get(BASE + "/" + id, tokenFor("manager")).json();
        byte[] bytes = download(BASE + "/" + id + "/pdf", null);
        String pdf = text(bytes);
        assertThat(pdf).contains("管理评审输入", files.number(id), "审核及发现项", "该模块尚未上线");
        JsonNode received = figure(report, "complaint.received");
        assertThat(pdf).contains(received.get("label").asString() + " " + received.get("display").asString());
        boolean charted = report.get("sections").valueStream().flatMap(s -> s.get("tables").valueStream())
                .anyMatch(t -> PeriodicReportCharts.CHARTED.containsKey(t.get("code").asString()) && !t.get("rows").isEmpty());
        assertThat(charted).as("the demo year has complaint causes or campaigns to chart").isTrue();
        assertThat(images(bytes)).isPositive();
        assertThat(files.pdf(id, java.util.Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void theWorkbookHasASummaryASheetPerSectionAndTheTexts() throws IOException {
        long id = files.ensure(ReportKind.WEEKLY, ReportPeriod.week(today().minusWeeks(2)), null);
        JsonNode report = get(BASE + "/" + id, tokenFor("manager")).json();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(BASE + "/" + id + "/xlsx", null)))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(report.get("sections").size() + 2);
            Sheet summary = book.getSheetAt(0);
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo(files.number(id));
            JsonNode intake = report.get("sections").get(0);
            Sheet sheet = book.getSheetAt(1);
            assertThat(sheet.getSheetName()).isEqualTo(intake.get("title").asString());
            JsonNode registered = figure(report, "servicedesk.registered");
            Row row = find(sheet, registered.get("label").asString());
            Cell value = row.getCell(1);
            assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(value.getNumericCellValue()).isEqualTo(registered.get("value").asDouble());
            assertThat(book.getSheetAt(book.getNumberOfSheets() - 1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("本周工作亮点");
        }
    }

    static Row find(Sheet sheet, String label) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && label.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }
}
