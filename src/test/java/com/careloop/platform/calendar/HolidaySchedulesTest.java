package com.careloop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.excel.RowError;

import org.junit.jupiter.api.Test;

/** The schedule file format, its checks and the November warning window. */
class HolidaySchedulesTest {

    private static List<String[]> csv(String text) {
        return HolidaySchedules.csvRows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theWarningStartsOnTheFirstOfNovember() {
        assertThat(HolidaySchedules.warnOn(LocalDate.of(2026, 10, 31))).isFalse();
        assertThat(HolidaySchedules.warnOn(LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(HolidaySchedules.warnOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(HolidaySchedules.warnOn(LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void theShipped2026FileIsTheStateCouncilSchedule() {
        var days = HolidaySchedules.shipped(2026);
        assertThat(days).hasSize(39);
        assertThat(days).anySatisfy(d -> {
            assertThat(d.day()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(d.kind()).isEqualTo(CalendarService.DayKind.HOLIDAY);
        });
        assertThat(days.stream().filter(d -> d.kind() == CalendarService.DayKind.MAKEUP_WORKDAY)).hasSize(6);
        assertThat(HolidaySchedules.shipped(1999)).isEmpty();
    }

    @Test
    void aFileWithBomHeaderCommentsAndTheWordsOfThePublishedTablesParses() {
        var days = HolidaySchedules.parse(2031, csv("\uFEFFdate,kind,name\n# comment\n2031-01-01,休,元旦\n2031-01-04,班,元旦调休上班\n"));
        assertThat(days).extracting(CalendarService.SpecialDay::kind)
                .containsExactly(CalendarService.DayKind.HOLIDAY, CalendarService.DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void everyBrokenRowIsNamedAndNothingIsReturned() {
        // row 2: other year; row 3: unknown kind; row 4: make-up day on a Wednesday; row 5: duplicate, no name
        String text = "date,kind,name\n2030-12-31,HOLIDAY,x\n2031-01-01,FEIERTAG,y\n2031-01-08,MAKEUP_WORKDAY,z\n"
                + "2031-01-01,HOLIDAY,\n2031-13-01,HOLIDAY,w\n";
        assertThatThrownBy(() -> HolidaySchedules.parse(2031, csv(text)))
                .isInstanceOfSatisfying(HolidaySchedules.ImportRefused.class, e -> assertThat(e.errors()).containsExactly(
                        new RowError(2, "date", "other-year"), new RowError(3, "kind", "kind"),
                        new RowError(4, "kind", "makeup-on-weekday"), new RowError(5, "date", "duplicate"),
                        new RowError(5, "name", "name"), new RowError(6, "date", "date-format")));
        assertThatThrownBy(() -> HolidaySchedules.parse(2031, csv("date,kind,name\n")))
                .isInstanceOf(HolidaySchedules.ImportRefused.class);
    }
}
