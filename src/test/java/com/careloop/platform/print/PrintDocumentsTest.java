package com.careloop.platform.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PrintCharts;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.PrintDocuments.Header;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The print renderer through the application's Thymeleaf engine and openhtmltopdf: a small form with a Chinese title,
 * a known figure and a chart to PDF, read back with PDFBox's text extraction. Shares the API tests' context.
 */
class PrintDocumentsTest extends ApiTestBase {

    private static final String TEMPLATE = "platform/print/sample";
    private static final Header HEADER = new Header("R-QP-005-08", "ZB-2026-0042", Text.of("print.sample.title"));

    @Autowired
    PrintDocuments print;

    @Autowired
    PrintCharts charts;

    @Autowired
    CareLoopProperties properties;

    @ParameterizedTest
    @CsvSource({"zh-CN, 打印示例, 主要指标, 第 1 页 / 共 1 页", "zh-TW, 列印範例, 主要指標, 第 1 頁 / 共 1 頁",
            "en, Print sample, Key figures, Page 1 of 1"})
    void aPdfCarriesTheHeaderTheFiguresAndThePageNumberInTheReadersLanguageWithTheFontEmbedded(
            String tag, String title, String heading, String pageOf) throws IOException {
        Locale locale = Locale.forLanguageTag(tag);
        byte[] pdf = print.pdf(TEMPLATE, model(locale, null), HEADER, locale);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        keep("sample-" + tag + ".pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(title, heading, "R-QP-005-08", "ZB-2026-0042", properties.companyName(),
                    "一次解决率", "87.5%", pageOf);
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(fonts(doc)).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded())
                    .as("font %s embedded", f.getName()).isTrue());
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 width in points").isCloseTo(595.3f,
                    org.assertj.core.data.Offset.offset(1f));
        }
    }

    @Test
    void theHtmlForTheBrowserHasTheSameHeader() {
        String html = print.html(TEMPLATE, model(Locale.SIMPLIFIED_CHINESE, null), HEADER, Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("<title>打印示例</title>", "class=\"print-header\"", properties.companyName(),
                "表单编号", "R-QP-005-08", "记录编号", "ZB-2026-0042", "一次解决率",
                "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"", "@page");
    }

    @Test
    void aLongDocumentCountsItsPagesOnEveryPage() throws IOException {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        List<String> rows = IntStream.rangeClosed(1, 1200).mapToObj(i -> "客户回访记录第 " + i + " 条").toList();
        byte[] pdf = print.pdf(TEMPLATE, model(locale, rows), HEADER, locale);
        keep("long.pdf", pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(20);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page : new int[] {1, 2, pages}) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text).as("page %d", page)
                        .contains("第 " + page + " 页 / 共 " + pages + " 页", "打印示例", "ZB-2026-0042");
            }
            assertThat(new PDFTextStripper().getText(doc)).contains("客户回访记录第 1 条", "客户回访记录第 1200 条");
        }
    }

    /** The rendered file under target/print, to look at. */
    private static void keep(String name, byte[] pdf) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "print");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), pdf);
    }

    private Map<String, Object> model(Locale locale, List<String> rows) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("一次解决率", "87.5%");
        figures.put("投诉总数", "1,204");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("figures", figures);
        model.put("chart", charts.pareto("投诉原因", "件数", "累计占比", List.of("包装破损", "交期延误", "印刷色差"),
                List.of(12, 7, 3)));
        model.put("rows", rows);
        model.put("note", Text.literal("示例说明"));
        return model;
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
