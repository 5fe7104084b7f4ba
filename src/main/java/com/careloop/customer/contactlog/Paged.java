package com.careloop.customer.contactlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * One keyset page of a list (the feature's lists share it): the items and the cursor of the next
 * page, null on the last one. Queries fetch {@code limit + 1} rows to know whether there is more.
 */
public record Paged<T>(List<T> items, String nextCursor) {

    public static <T> Paged<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        List<T> rows = new ArrayList<>(fetched);
        String next = null;
        if (rows.size() > limit) {
            rows.subList(limit, rows.size()).clear();
            next = cursorOf.apply(rows.get(limit - 1));
        }
        return new Paged<>(List.copyOf(rows), next);
    }

    /** A numeric id cursor, or null for the first page. */
    public static Long idCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
        }
    }

    /** The page size of the API lists: 1..200. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "range", Text.of("error.customer.limit-between-1-200"));
        }
        return limit;
    }
}
