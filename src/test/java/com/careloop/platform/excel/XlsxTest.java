package com.careloop.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.excel.XlsxTemplate.Column;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void anExportReadsBackWithNumbersAndDatesAsText() {
        var out = new ByteArrayOutputStream();
        try (var xlsx = XlsxExport.open(out, "客户", List.of("编号", "名称", "金额", "日期"))) {
            for (int i = 0; i < 1000; i++) {
                xlsx.row("KH" + i, "客户" + i, new BigDecimal("12.50"), LocalDate.of(2026, 3, 1));
            }
            assertThat(xlsx.rowCount()).isEqualTo(1000);
        }
        var rows = XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("编号", "名称"), 5000);
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(999).get("编号")).isEqualTo("KH999");
        assertThat(rows.get(0).get("金额")).isEqualTo("12.5");
        assertThat(rows.get(0).get("日期")).isEqualTo("2026-03-01");
    }

    @Test
    void aTemplateMarksRequiredColumnsAndCarriesDropDownLists() throws Exception {
        byte[] bytes = XlsxTemplate.build("客户导入", List.of(Column.text("名称", true, "苏州新华纸箱厂"),
                Column.choice("类型", true, List.of("组织客户", "个人客户", "经销商", "OEM客户"))));
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称*");
            assertThat(wb.getSheetAt(0).getDataValidations()).hasSize(1);
            assertThat(wb.getSheetAt(0).getDataValidations().get(0).getValidationConstraint().getFormula1())
                    .isEqualTo("lists!$A$1:$A$4");
            assertThat(wb.isSheetHidden(1)).isTrue();
        }
        // the * is dropped when reading, and the example row is an ordinary row
        var rows = XlsxReader.read(new ByteArrayInputStream(bytes), List.of("名称", "类型"), 10);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("类型")).isEqualTo("组织客户"));
    }

    @Test
    void somethingThatIsNotAWorkbookIsAFieldErrorOnFile() {
        assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream("名称,类型\n".getBytes(StandardCharsets.UTF_8)),
                List.of("名称"), 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).isEqualTo("format");
                });
    }

    @Test
    void aMissingRequiredColumnAndTooManyRowsAreRefused() {
        var out = new ByteArrayOutputStream();
        try (var xlsx = XlsxExport.open(out, "s", List.of("名称"))) {
            xlsx.row("a").row("b").row("c");
        }
        assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("名称", "类型"), 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("headers"));
        assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("名称"), 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("max-rows"));
    }
}
