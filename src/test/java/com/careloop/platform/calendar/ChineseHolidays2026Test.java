package com.careloop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseHolidays2026Test {

    @Test
    void holidaysAndMakeUpDaysMatchTheStateCouncilNotice() {
        // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off, 6 make-up workdays
        assertThat(ChineseHolidays2026.holidays()).hasSize(33)
                .contains(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 10, 7));
        assertThat(ChineseHolidays2026.makeUpWorkdays()).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(ChineseHolidays2026.makeUpWorkdays())
                .allSatisfy(d -> assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void entriesCarryChineseNamesInDateOrder() {
        assertThat(ChineseHolidays2026.entries()).hasSize(39)
                .isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
        List<String> holidayNames = ChineseHolidays2026.entries().stream()
                .filter(e -> !e.makeUpWorkday())
                .map(ChineseHolidays2026.Entry::name)
                .distinct()
                .toList();
        assertThat(holidayNames).containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
        assertThat(ChineseHolidays2026.entries())
                .contains(new ChineseHolidays2026.Entry(LocalDate.of(2026, 2, 14), "春节调休上班", true));
    }
}
