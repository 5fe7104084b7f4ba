package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Keyset paging both ways ({@link ListSort.Window}): the previous-page cursor reverses the comparison and the order,
 * the page comes back in the list's order, and the cursors are null exactly at the ends.
 */
class ListSortWindowTest {

    static final Map<String, ListSort.Column> SORTS = Map.of("failedOn", ListSort.Column.date("p.failed_on"));

    static List<ListSort.Keyed<String>> rows(int... days) {
        List<ListSort.Keyed<String>> rows = new ArrayList<>();
        for (int d : days) {
            rows.add(new ListSort.Keyed<>("row" + d, LocalDate.of(2026, 1, d), d));
        }
        return rows;
    }

    @Test
    void aForwardPageAfterACursorHasAPreviousPageAndANextOnlyWhenMoreRowsCame() {
        ListSort sort = ListSort.parse("-failedOn", SORTS, "p.id", "-failedOn");
        ListSort.Window<String> first = sort.window(rows(9, 8, 7), null, 2);
        assertThat(first.items()).containsExactly("row9", "row8");
        assertThat(first.previousCursor()).isNull();
        assertThat(first.nextCursor()).isNotNull();

        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        sort.seek(first.nextCursor(), where, params);
        assertThat(where.toString()).contains("(p.failed_on, p.id) < (:sortAfter, :sortAfterId)");
        assertThat(params).containsEntry("sortAfter", LocalDate.of(2026, 1, 8)).containsEntry("sortAfterId", 8L);
        assertThat(sort.orderBy(first.nextCursor())).isEqualTo(" order by p.failed_on desc, p.id desc");

        ListSort.Window<String> last = sort.window(rows(7), first.nextCursor(), 2);
        assertThat(last.items()).containsExactly("row7");
        assertThat(last.nextCursor()).isNull();
        assertThat(last.previousCursor()).startsWith("~");
    }

    @Test
    void aPreviousPageCursorReadsBackwardsAndComesBackInTheListsOrder() {
        ListSort sort = ListSort.parse("-failedOn", SORTS, "p.id", "-failedOn");
        String before = sort.window(rows(7), sort.window(rows(9, 8, 7), null, 2).nextCursor(), 2).previousCursor();

        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        sort.seek(before, where, params);
        assertThat(where.toString()).as("the rows before, not after").contains(") > (:sortAfter, :sortAfterId)");
        assertThat(params).containsEntry("sortAfterId", 7L);
        assertThat(sort.orderBy(before)).isEqualTo(" order by p.failed_on asc, p.id asc");

        // read backwards: nearest first; exactly a page, nothing more before it
        ListSort.Window<String> back = sort.window(rows(8, 9), before, 2);
        assertThat(back.items()).containsExactly("row9", "row8");
        assertThat(back.previousCursor()).as("the first page").isNull();
        assertThat(back.nextCursor()).isNotNull();

        ListSort.Window<String> middle = sort.window(rows(8, 9, 10), before, 2);
        assertThat(middle.items()).containsExactly("row9", "row8");
        assertThat(middle.previousCursor()).as("a row before it came too").isNotNull();
    }

    @Test
    void byIdThePreviousCursorIsTheMarkedIdAndAStrangeCursorIsRefused() {
        ListSort sort = ListSort.parse(null, Map.of(), "id", "-id");
        ListSort.Window<String> second = sort.window(rows(5, 4), "6", 2);
        assertThat(second.previousCursor()).isEqualTo("~5");
        assertThat(second.nextCursor()).isNull();
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        sort.seek("~5", where, params);
        assertThat(where.toString()).isEqualTo(" and id > :sortAfterId");
        assertThat(sort.orderBy("~5")).isEqualTo(" order by id asc");
        assertThat(sort.orderBy("5")).isEqualTo(" order by id desc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sort.seek("~x", new StringBuilder(), new HashMap<>()))
                .isInstanceOf(InvalidInputException.class);
    }
}
