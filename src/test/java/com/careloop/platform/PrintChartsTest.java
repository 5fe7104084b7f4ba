package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.careloop.platform.PrintCharts.Chart;
import com.careloop.platform.PrintCharts.Series;
import com.careloop.platform.print.PrintFonts;

import org.junit.jupiter.api.Test;

/** Server-side chart images for printouts: headless, fixed size, Chinese labels, the same bytes for the same data. */
class PrintChartsTest {

    private final PrintCharts charts = new PrintCharts();

    @Test
    void aParetoChartIsAPngOfTheFixedSizeAtTwiceThePixels() throws IOException {
        Chart chart = charts.pareto("投诉原因 2026年", "件数", "累计占比", List.of("包装破损", "交期延误", "印刷色差"),
                List.of(12, 7, 3));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertThat(image.getWidth()).isEqualTo(2 * chart.width());
        assertThat(image.getHeight()).isEqualTo(2 * chart.height());
        assertThat(chart.dataUri()).startsWith("data:image/png;base64,iVBOR");
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void theSameDataDrawsTheSameImage() {
        List<Series> lines = List.of(new Series("满意度指数", List.of(86.5, 88.1, 87.0, 90.2)),
                new Series("目标", Arrays.asList(88, 88, null, 88)));
        List<String> periods = List.of("2026年1季度", "2026年2季度", "2026年3季度", "2026年4季度");

        assertThat(charts.line("满意度趋势", "指数", periods, lines).png())
                .isEqualTo(charts.line("满意度趋势", "指数", periods, lines).png());
        assertThat(charts.bar("受理量", "件", List.of("电话", "邮件"), List.of(new Series("本周", List.of(40, 12)))).png())
                .isNotEqualTo(charts.bar("受理量", "件", List.of("电话", "邮件"), List.of(new Series("本周", List.of(41, 12)))).png());
    }

    @Test
    void theChartFontDrawsChineseLettersAndDigits() {
        Font font = PrintFonts.awt(Font.PLAIN, 12);
        assertThat(font.canDisplayUpTo("投诉原因帕累托 繁體 處理 2026-03 Week 12 %")).isEqualTo(-1);
    }

    @Test
    void aSeriesThatDoesNotFitTheCategoriesIsRefused() {
        assertThatThrownBy(() -> charts.bar("x", "y", List.of("a", "b"), List.of(new Series("s", List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
    }
}
