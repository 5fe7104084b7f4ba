package com.careloop.complaint.claim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import com.careloop.complaint.RecordPage;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.ListSort;

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
        return page(jdbc, ListSort.parse(null, Map.of(), idColumn, "-id"), cursor, limit, mapper);
    }

    /**
     * The page under a sort: the select must carry the sort's column ({@link ListSort#selectColumn()}) when the sort
     * is not by id; the id must be the first column.
     */
    public <T> RecordPage<T> page(JdbcClient jdbc, ListSort order, String cursor, int limit, RowMapper<T> mapper) {
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper(mapper)).list(), limit);
        return new RecordPage<>(slice.items(), slice.nextCursor());
    }
}
