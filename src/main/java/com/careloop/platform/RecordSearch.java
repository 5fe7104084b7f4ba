package com.careloop.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.SearchProvider.Hit;
import com.careloop.platform.SearchProvider.Query;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual look-up of a {@link SearchProvider} over one of its module's tables: the exact record number, the
 * customer name (part of it) and, where the table has one, the contact phone (the whole number or its last digits,
 * through the indexed last four digits), within a data-scope condition; newest first.
 *
 * <pre>{@code
 * return new RecordSearch("claim c", "c.code", "c.customer_name").customerName("c.customer_name")
 *         .find(jdbc, query, "search.kind.claim", "/claims/");
 * }</pre>
 */
public final class RecordSearch {

    private final String from;
    private final String code;
    private final String title;
    private String customerName;
    private String phoneTail;
    private String phoneDigits;
    private DataScope.SqlCondition scope = new DataScope.SqlCondition("1=1", Map.of());

    /** {@code from}: the table with its alias; its id column must be {@code <alias>.id}. */
    public RecordSearch(String from, String codeColumn, String titleExpression) {
        this.from = from;
        this.code = codeColumn;
        this.title = titleExpression;
    }

    public RecordSearch customerName(String column) {
        this.customerName = column;
        return this;
    }

    public RecordSearch phone(String tailColumn, String digitsColumn) {
        this.phoneTail = tailColumn;
        this.phoneDigits = digitsColumn;
        return this;
    }

    public RecordSearch scope(DataScope.SqlCondition condition) {
        this.scope = condition;
        return this;
    }

    public List<Hit> find(JdbcClient jdbc, Query q, String kindKey, String hrefPrefix) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        List<String> any = new ArrayList<>();
        any.add("upper(" + code + ") = :searchCode");
        params.put("searchCode", q.upper());
        if (customerName != null) {
            any.add("lower(" + customerName + ") like :searchName escape '\\'");
            params.put("searchName", q.likePattern());
        }
        if (phoneTail != null && q.digits() != null) {
            any.add("(" + phoneTail + " = :searchTail and " + phoneDigits + " like :searchDigits)");
            params.put("searchTail", q.phoneTail());
            params.put("searchDigits", "%" + q.digits());
        }
        String sql = "select " + alias + ".id, " + code + ", " + title + " from " + from + " where (" + scope.sql()
                + ") and (" + String.join(" or ", any) + ") order by " + alias + ".id desc limit " + SearchProvider.LIMIT;
        return jdbc.sql(sql).params(params).query((rs, n) -> new Hit(kindKey, rs.getString(2), rs.getString(3),
                hrefPrefix + rs.getLong(1))).list();
    }
}
