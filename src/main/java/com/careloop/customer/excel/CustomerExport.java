package com.careloop.customer.excel;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.excel.XlsxExport;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered customer list as .xlsx, streamed: rows go from a fetch-size cursor straight into the
 * SXSSF writer, so 100,000 customers are never in memory. The reader's data scope and masking apply
 * as on the list page, and every export is written to the audit trail (who, when, filter, rows).
 */
@Service
public class CustomerExport {

    /** The audit trail's record type of an export (a non-entity event). */
    public static final String AUDIT_TYPE = "customer-export";
    static final int FETCH_SIZE = 500;

    private final CustomerService customers;
    private final JdbcClient streaming;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    CustomerExport(CustomerService customers, DataSource dataSource, CurrentUsers users, AuditTrail audit,
                   MessageSource messages, Clock clock) {
        this.customers = customers;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction (autocommit off), hence @Transactional below
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(template));
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Writes the workbook and records the export; returns the number of customers written. */
    @Transactional
    public int export(Filter filter, OutputStream out) {
        CurrentUser me = users.require();
        Locale locale = LocaleContextHolder.getLocale();
        boolean mask = !me.can(CustomerPermissions.VIEW_SENSITIVE);
        var scope = me.scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        StringBuilder sql = new StringBuilder("""
                select c.code, c.name, c.kind, c.phone, c.email, c.id_number, c.birthday, c.project, c.room, c.address,
                       c.industry, c.region, c.source, c.segment, c.key_customer, u.display_name rep, c.active,
                       c.created_at
                from customer c left join org_user u on u.id = c.representative_id
                where""").append(' ').append(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        customers.filter(filter, sql, params);
        sql.append(" order by c.id");
        List<String> headers = new ArrayList<>();
        for (String key : List.of("customer.code", "customer.name", "customer.kind", "customer.phone", "customer.email",
                "customer.idNumber", "customer.birthday", "customer.project", "customer.room", "customer.address",
                "customer.industry", "customer.region", "customer.source", "customer.segment", "customer.key",
                "customer.representative", "customerexcel.col.active", "customerexcel.col.createdAt")) {
            headers.add(messages.getMessage(key, null, locale));
        }
        String yes = messages.getMessage("customerexcel.yes", null, locale);
        String no = messages.getMessage("customerexcel.no", null, locale);
        int rows;
        try (var xlsx = XlsxExport.open(out, messages.getMessage("customerexcel.sheet.customers", null, locale), headers)) {
            streaming.sql(sql.toString()).params(params).query(rs -> {
                String segment = rs.getString("segment");
                java.sql.Date birthday = rs.getDate("birthday");
                xlsx.row(rs.getString("code"), rs.getString("name"),
                        messages.getMessage("customer.kind." + rs.getString("kind"), null, locale),
                        mask ? Masking.phone(rs.getString("phone")) : rs.getString("phone"), rs.getString("email"),
                        mask ? Masking.idNumber(rs.getString("id_number")) : rs.getString("id_number"),
                        birthday == null ? null : birthday.toLocalDate(), rs.getString("project"), rs.getString("room"),
                        rs.getString("address"), rs.getString("industry"), rs.getString("region"), rs.getString("source"),
                        segment == null ? null : messages.getMessage("customer.segment." + segment, null, locale),
                        rs.getBoolean("key_customer") ? yes : no, rs.getString("rep"), rs.getBoolean("active") ? yes : no,
                        rs.getTimestamp("created_at").toInstant().atZone(clock.getZone()).toLocalDate());
            });
            rows = xlsx.rowCount();
        }
        record(describe(filter), rows, mask);
        return rows;
    }

    /** The audit entry of an export of customer data: who and when (the trail's own), what and how many rows. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void record(String what, int rows, boolean masked) {
        audit.record(AUDIT_TYPE, users.require().username() + "@" + Instant.now(clock).toEpochMilli(), "EXPORT",
                AuditTrail.diff(Map.of(), Map.of("filter", what, "rows", rows, "masked", masked)));
    }

    /** The download's file name, e.g. customers-2026-12-01.xlsx (the company's date). */
    public String filename() {
        return "customers-" + java.time.LocalDate.now(clock) + ".xlsx";
    }

    /** The filter as the audit trail shows it: only the criteria that were set. */
    static String describe(Filter f) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("q", f.q());
        set.put("kind", f.kind());
        set.put("keyOnly", f.keyOnly());
        set.put("segment", f.segment());
        set.put("representativeId", f.representativeId());
        set.put("region", f.region());
        set.put("includeInactive", f.includeInactive());
        StringBuilder s = new StringBuilder();
        set.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(v);
            }
        });
        return s.isEmpty() ? "(none)" : s.toString();
    }
}
