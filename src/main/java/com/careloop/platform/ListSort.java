package com.careloop.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;

/**
 * Sorting a list by a column with keyset paging that stays correct under every sort. The request names a sort key
 * ({@code receivedAt} ascending, {@code -receivedAt} descending); only keys of the list's whitelist are accepted
 * (anything else is 422 on {@code sort}), each mapped to a SQL expression, so no request text reaches the SQL. The
 * record id breaks ties in the same direction, so the order is total and stable, and the cursor is the last row's
 * (sort value, id): the next page is the rows after that pair. Sorted by the id itself, the cursor is the plain id,
 * as before sorting existed.
 *
 * <p>A list query adds {@link #selectColumn()} to its select list, {@link #after(String, StringBuilder, Map)} to its
 * conditions, {@link #orderBy()} at the end, maps rows with {@link #mapper(RowMapper)} and cuts the page with
 * {@link #page(List, int)}. Sort expressions must not be null (wrap a nullable column in {@code coalesce}).
 */
public final class ListSort {

    public enum Type { TEXT, TIME, DATE, NUMBER }

    /** A sortable column: its SQL expression (never null) and the type of its value. */
    public record Column(String sql, Type type) {

        public static Column text(String sql) {
            return new Column(sql, Type.TEXT);
        }

        public static Column time(String sql) {
            return new Column(sql, Type.TIME);
        }

        public static Column date(String sql) {
            return new Column(sql, Type.DATE);
        }

        public static Column number(String sql) {
            return new Column(sql, Type.NUMBER);
        }
    }

    /** A row with the values its cursor is made of. */
    public record Keyed<T>(T row, Object sortValue, long id) {
    }

    /** One page and the cursor of the next (null on the last page). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /**
     * One page with the cursors both ways: {@code previousCursor} (null on the first page) gives the page before,
     * {@code nextCursor} (null on the last) the page after; either goes back as the request's {@code cursor}.
     */
    public record Window<T>(List<T> items, String previousCursor, String nextCursor) {
    }

    private static final String SORT_VALUE = "sort_value";

    /** Marks a cursor that asks for the rows before it (a {@link Window}'s previous page). */
    private static final String BEFORE = "~";

    private final String key;
    private final boolean descending;
    private final Column column;
    private final String idColumn;

    private ListSort(String key, boolean descending, Column column, String idColumn) {
        this.key = key;
        this.descending = descending;
        this.column = column;
        this.idColumn = idColumn;
    }

    /**
     * The sort a request asks for. {@code requested} is a key of {@code allowed}, optionally prefixed with '-' for
     * descending; blank means {@code defaultSort} (in the same form). The key {@code id} is always allowed.
     */
    public static ListSort parse(String requested, Map<String, Column> allowed, String idColumn, String defaultSort) {
        String s = requested == null || requested.isBlank() ? defaultSort : requested.strip();
        boolean desc = s.startsWith("-");
        String key = desc ? s.substring(1) : s;
        Column column = "id".equals(key) ? Column.number(idColumn) : allowed.get(key);
        if (column == null) {
            throw new InvalidInputException("sort", "allowed", Text.of("error.platform.cannot-sort-by", key,
                    String.join(", ", new java.util.TreeSet<>(allowed.keySet()))));
        }
        return new ListSort(key, desc, column, idColumn);
    }

    public String key() {
        return key;
    }

    public boolean descending() {
        return descending;
    }

    /** The request value of this sort ({@code -receivedAt}). */
    public String param() {
        return (descending ? "-" : "") + key;
    }

    private boolean byId() {
        return column.sql().equals(idColumn);
    }

    /** To append to the select list: {@code , <expression> sort_value } (not needed, though harmless, by id). */
    public String selectColumn() {
        return ", " + column.sql() + " " + SORT_VALUE + " ";
    }

    /** Appends the keyset condition of the cursor (nothing without one). */
    public void after(String cursor, StringBuilder where, Map<String, Object> params) {
        condition(cursor, false, where, params);
    }

    /**
     * Appends the keyset condition of a {@link Window} cursor: the rows after it, or before it for a previous-page
     * cursor; the query then ends with {@link #orderBy(String)} and is cut with {@link #window}.
     */
    public void seek(String cursor, StringBuilder where, Map<String, Object> params) {
        boolean back = backward(cursor);
        condition(back ? cursor.substring(BEFORE.length()) : cursor, back, where, params);
    }

    /** The order of a {@link Window} query: reversed when the cursor asks for the page before. */
    public String orderBy(String cursor) {
        if (!backward(cursor)) {
            return orderBy();
        }
        String dir = descending ? " asc" : " desc";
        return " order by " + (byId() ? "" : column.sql() + dir + ", ") + idColumn + dir;
    }

    private static boolean backward(String cursor) {
        return cursor != null && cursor.startsWith(BEFORE);
    }

    /**
     * Cuts {@code limit + 1} rows read with {@link #seek} and {@link #orderBy(String)} to the page, in the list's
     * order, with the cursors of the pages before and after. After a cursor there is always a page before (the row
     * the cursor names); before a cursor there is always a page after.
     */
    public <T> Window<T> window(List<Keyed<T>> rows, String cursor, int limit) {
        boolean back = backward(cursor);
        boolean more = rows.size() > limit;
        List<Keyed<T>> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), limit)));
        if (back) {
            java.util.Collections.reverse(page);
        }
        List<T> items = page.stream().map(Keyed::row).toList();
        if (page.isEmpty()) {
            return new Window<>(items, null, null);
        }
        boolean before = back ? more : cursor != null && !cursor.isBlank();
        boolean after = back || more;
        return new Window<>(items, before ? BEFORE + cursor(page.get(0)) : null,
                after ? cursor(page.get(page.size() - 1)) : null);
    }

    private void condition(String cursor, boolean backward, StringBuilder where, Map<String, Object> params) {
        if (cursor == null || cursor.isBlank()) {
            return;
        }
        String op = descending != backward ? "<" : ">";
        if (byId()) {
            where.append(" and ").append(idColumn).append(' ').append(op).append(" :sortAfterId");
            params.put("sortAfterId", parseId(cursor));
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        int bar = decoded.lastIndexOf('|');
        if (bar < 0) {
            throw invalidCursor();
        }
        Object value = value(decoded.substring(0, bar));
        // A row-value comparison, not "v < x or (v = x and id < y)": the same rows (sort values are never null),
        // but PostgreSQL turns it into an index range on (…, sort column, id) instead of filtering the whole index.
        where.append(" and (").append(column.sql()).append(", ").append(idColumn).append(") ").append(op)
                .append(" (:sortAfter, :sortAfterId)");
        params.put("sortAfter", value);
        params.put("sortAfterId", parseId(decoded.substring(bar + 1)));
    }

    /** {@code order by <expression> <dir>, <id> <dir>}. */
    public String orderBy() {
        String dir = descending ? " desc" : " asc";
        return " order by " + (byId() ? "" : column.sql() + dir + ", ") + idColumn + dir;
    }

    /** Reads the row with {@code inner}, plus the sort value and the id (the first column must be the id). */
    public <T> RowMapper<Keyed<T>> mapper(RowMapper<T> inner) {
        return (rs, n) -> new Keyed<>(inner.mapRow(rs, n), byId() ? null : sortValue(rs), rs.getLong(1));
    }

    /** Cuts a list of {@code limit + 1} rows to the page and the cursor of the next. */
    public <T> Slice<T> page(List<Keyed<T>> rows, int limit) {
        List<T> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < Math.min(rows.size(), limit); i++) {
            items.add(rows.get(i).row());
        }
        return new Slice<>(items, rows.size() > limit ? cursor(rows.get(limit - 1)) : null);
    }

    private String cursor(Keyed<?> last) {
        if (byId()) {
            return String.valueOf(last.id());
        }
        String v = last.sortValue() instanceof Timestamp t ? t.toInstant().toString() : String.valueOf(last.sortValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString((v + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private Object sortValue(ResultSet rs) throws SQLException {
        return switch (column.type()) {
            case TIME -> {
                Object o = rs.getObject(SORT_VALUE);
                yield o instanceof OffsetDateTime t ? Timestamp.from(t.toInstant()) : rs.getTimestamp(SORT_VALUE);
            }
            case DATE -> rs.getObject(SORT_VALUE, java.time.LocalDate.class);
            case NUMBER -> rs.getBigDecimal(SORT_VALUE);
            case TEXT -> rs.getString(SORT_VALUE);
        };
    }

    private Object value(String text) {
        try {
            return switch (column.type()) {
                case TIME -> Timestamp.from(Instant.parse(text));
                case DATE -> java.time.LocalDate.parse(text);
                case NUMBER -> new BigDecimal(text);
                case TEXT -> text;
            };
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static InvalidInputException invalidCursor() {
        return new InvalidInputException("cursor", "format", Text.of("error.platform.invalid-cursor"));

    }
}
