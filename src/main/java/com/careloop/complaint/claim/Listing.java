package com.careloop.complaint.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import com.careloop.complaint.RecordPage;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A keyset-paged list, newest id first: conditions are added as they apply, the cursor is the last id shown. */
public final class Listing {

    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final String idColumn;

    /** {@code select} must end in a where clause ({@code ... where 1=1}). */
    public Listing(String select, String idColumn) {
        this.sql = new StringBuilder(select);
        this.idColumn = idColumn;
    }

    public Listing where(boolean applies, String condition, String param, Object value) {
        if (applies) {
            sql.append(" and ").append(condition);
            params.put(param, value);
        }
        return this;
    }

    public Listing params(Map<String, Object> more) {
        params.putAll(more);
        return this;
    }

    public <T> RecordPage<T> page(JdbcClient jdbc, String cursor, int limit, RowMapper<T> mapper, ToLongFunction<T> id) {
        if (cursor != null && !cursor.isBlank()) {
            try {
                where(true, idColumn + " < :before", "before", Long.parseLong(cursor));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
            }
        }
        sql.append(" order by ").append(idColumn).append(" desc limit :limit");
        params.put("limit", limit + 1);
        List<T> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(mapper).list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = String.valueOf(id.applyAsLong(rows.get(limit - 1)));
        }
        return new RecordPage<>(rows, next);
    }
}
