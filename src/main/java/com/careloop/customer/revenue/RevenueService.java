package com.careloop.customer.revenue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.customer.RevenueRanking;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.excel.CustomerExport;
import com.careloop.customer.excel.ImportFiles;
import com.careloop.customer.excel.ImportReport;
import com.careloop.customer.revenue.RevenueViews.Ranking;
import com.careloop.customer.revenue.RevenueViews.RankingRow;
import com.careloop.customer.revenue.RevenueViews.RevenueInput;
import com.careloop.customer.revenue.RevenueViews.YearRevenue;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import com.careloop.platform.excel.RowError;
import com.careloop.platform.excel.XlsxExport;
import com.careloop.platform.excel.XlsxReader;
import com.careloop.platform.excel.XlsxReader.XlsxRow;
import com.careloop.platform.excel.XlsxTemplate;

import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly revenue per customer (amount, order count, last order date) and the ranking built on it.
 * Writes go through {@link #save} — page, API and import alike — so each is checked the same way
 * and audited as {@code customer-revenue / <customer>-<year>}.
 */
@Service
@Transactional
public class RevenueService implements RevenueRanking {

    public static final String AUDIT_TYPE = "customer-revenue";
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    static final int MAX_ROWS = 10_000;

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Validator validator;
    private final MessageSource messages;
    private final CustomerExport exports;
    private final Texts texts;

    RevenueService(CustomerService customers, JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Validator validator,
                   MessageSource messages, CustomerExport exports, Texts texts) {
        this.exports = exports;
        this.texts = texts;

        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.validator = validator;
        this.messages = messages;
    }

    // ---- one customer -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<YearRevenue> history(long customerId) {
        customers.load(customerId);
        return jdbc.sql("""
                select customer_id, revenue_year, amount, order_count, last_order_date from customer_revenue
                where customer_id = :id order by revenue_year desc""").param("id", customerId)
                .query((rs, n) -> new YearRevenue(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Sets (creates or replaces) a customer's revenue of a year. */
    public YearRevenue save(long customerId, int year, RevenueInput in) {
        customers.load(customerId);
        rule(year, in).ifPresent(e -> {
            throw new InvalidInputException(e.field(), e.rule(), e.message());
        });
        Optional<YearRevenue> before = find(customerId, year);
        int orders = in.orderCount() == null ? 0 : in.orderCount();
        if (before.isPresent()) {
            jdbc.sql("""
                    update customer_revenue set amount = :amount, order_count = :orders, last_order_date = :last
                    where customer_id = :id and revenue_year = :year""")
                    .param("amount", in.amount()).param("orders", orders).param("last", in.lastOrderDate())
                    .param("id", customerId).param("year", year).update();
        } else {
            jdbc.sql("""
                    insert into customer_revenue (customer_id, revenue_year, amount, order_count, last_order_date)
                    values (:id, :year, :amount, :orders, :last)""")
                    .param("amount", in.amount()).param("orders", orders).param("last", in.lastOrderDate())
                    .param("id", customerId).param("year", year).update();
        }
        YearRevenue after = find(customerId, year).orElseThrow();
        audit.record(AUDIT_TYPE, customerId + "-" + year, before.isPresent() ? "UPDATE" : "CREATE",
                AuditTrail.diff(before.map(RevenueService::state).orElse(Map.of()), state(after)));
        return after;
    }

    /** Rules beyond bean validation, shared by the API, the page and the import: field, rule, message. */
    static Optional<Refusal> rule(int year, RevenueInput in) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.of(new Refusal("year", "range", Text.of("error.customer.year-range",
                    String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR))));
        }
        if (in.lastOrderDate() != null && in.lastOrderDate().getYear() != year) {
            return Optional.of(new Refusal("lastOrderDate", "in-year", Text.of("error.customer.last-order-in-year",
                    String.valueOf(year))));
        }
        return Optional.empty();
    }

    record Refusal(String field, String rule, Text message) {
    }

    private Optional<YearRevenue> find(long customerId, int year) {
        return jdbc.sql("""
                select customer_id, revenue_year, amount, order_count, last_order_date from customer_revenue
                where customer_id = :id and revenue_year = :year""").param("id", customerId).param("year", year)
                .query((rs, n) -> new YearRevenue(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class)))
                .optional();
    }

    private static Map<String, Object> state(YearRevenue r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("amount", r.amount().stripTrailingZeros().toPlainString());
        s.put("orderCount", r.orderCount());
        s.put("lastOrderDate", r.lastOrderDate());
        return s;
    }

    // ---- ranking ------------------------------------------------------------------------------

    /**
     * The year's ranking. Shares are of the whole year's revenue (all customers); the rows listed
     * are those in the reader's data scope.
     */
    @Transactional(readOnly = true)
    public Ranking ranking(int year) {
        var scope = users.require().scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        Map<Long, Object[]> facts = new HashMap<>();
        List<RevenueShares.Entry> entries = new ArrayList<>();
        jdbc.sql("select r.customer_id, c.code, c.name, c.key_customer, r.amount, r.order_count, r.last_order_date, "
                        + "case when " + scope.sql() + " then 1 else 0 end visible "
                        + "from customer_revenue r join customer c on c.id = r.customer_id where r.revenue_year = :year")
                .params(scope.params()).param("year", year)
                .query(rs -> {
                    long id = rs.getLong(1);
                    entries.add(new RevenueShares.Entry(id, rs.getString(2), rs.getBigDecimal(5)));
                    facts.put(id, new Object[] {rs.getString(3), rs.getBoolean(4), rs.getInt(6),
                            rs.getObject(7, LocalDate.class), rs.getInt(8) == 1});
                });
        var ranked = RevenueShares.rank(entries, RevenueShares.SEVENTY_PERCENT);
        List<RankingRow> rows = ranked.stream().filter(r -> (Boolean) facts.get(r.entry().customerId())[4]).map(r -> {
            Object[] f = facts.get(r.entry().customerId());
            return new RankingRow(r.rank(), r.entry().customerId(), r.entry().code(), (String) f[0], (Boolean) f[1],
                    r.entry().amount(), (Integer) f[2], (LocalDate) f[3], r.share(), r.cumulativeShare(), r.marked());
        }).toList();
        BigDecimal total = entries.stream().map(RevenueShares.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ranking(year, total, RevenueShares.SEVENTY_PERCENT, ranked.size(),
                (int) ranked.stream().filter(RevenueShares.Ranked::marked).count(), rows);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> customersMakingUp(int year, BigDecimal share) {
        List<RevenueShares.Entry> entries = jdbc.sql("""
                select r.customer_id, c.code, r.amount from customer_revenue r join customer c on c.id = r.customer_id
                where r.revenue_year = :year""").param("year", year)
                .query((rs, n) -> new RevenueShares.Entry(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
        return RevenueShares.rank(entries, share).stream().filter(RevenueShares.Ranked::marked)
                .map(r -> r.entry().customerId()).toList();
    }

    /** The ranking as .xlsx; an export of customer data, so it is audited like the list export. */
    public void exportRanking(int year, OutputStream out) {
        Ranking ranking = ranking(year);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = new ArrayList<>();
        for (String key : List.of("customerexcel.revenue.rank", "customer.code", "customer.name", "customerexcel.revenue.amount",
                "customerexcel.revenue.orderCount", "customerexcel.revenue.lastOrderDate", "customerexcel.revenue.share",
                "customerexcel.revenue.cumulativeShare", "customerexcel.revenue.marked")) {
            headers.add(messages.getMessage(key, null, locale));
        }
        String yes = messages.getMessage("customerexcel.yes", null, locale);
        try (var xlsx = XlsxExport.open(out, messages.getMessage("customerexcel.revenue.sheet", null, locale) + year,
                headers)) {
            ranking.rows().forEach(r -> xlsx.row(r.rank(), r.code(), r.name(), r.amount(), r.orderCount(),
                    r.lastOrderDate(), r.share(), r.cumulativeShare(), r.marked() ? yes : null));
        }
        exports.record("revenue-ranking year=" + year, ranking.rows().size(), false);
    }

    // ---- import -------------------------------------------------------------------------------

    private List<String> columns() {
        return List.of(ImportFiles.header(messages, "customer.code"),
                ImportFiles.header(messages, "customerexcel.revenue.year"),
                ImportFiles.header(messages, "customerexcel.revenue.amount"),
                ImportFiles.header(messages, "customerexcel.revenue.orderCount"),
                ImportFiles.header(messages, "customerexcel.revenue.lastOrderDate"));
    }

    @Transactional(readOnly = true)
    public byte[] template() {
        List<String> c = columns();
        return XlsxTemplate.build(ImportFiles.header(messages, "customerexcel.revenue.sheet"), List.of(
                XlsxTemplate.Column.text(c.get(0), true, "KH2026-000001"),
                XlsxTemplate.Column.text(c.get(1), true, "2026"),
                XlsxTemplate.Column.text(c.get(2), true, "125000.00"),
                XlsxTemplate.Column.text(c.get(3), false, "12"),
                XlsxTemplate.Column.text(c.get(4), false, "2026-11-20")));
    }

    /** Revenue rows from .xlsx: every row checked like {@link #save}; a row with an error is not imported. */
    public ImportReport importFile(InputStream in) {
        List<String> c = columns();
        List<XlsxRow> rows = XlsxReader.read(in, c.subList(0, 3), MAX_ROWS);
        Map<String, Long> ids = customerIds(rows.stream().map(r -> r.get(c.get(0))).filter(s -> s != null).distinct()
                .toList());
        Map<String, String> columnOf = Map.of("amount", c.get(2), "orderCount", c.get(3), "lastOrderDate", c.get(4),
                "year", c.get(1));
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ImportReport.Imported> created = new ArrayList<>();
        for (XlsxRow row : rows) {
            int before = errors.size();
            String code = row.get(c.get(0));
            Long id = code == null ? null : ids.get(code);
            if (code == null) {
                errors.add(new RowError(row.number(), c.get(0), texts.render(Text.of("error.customer.row-required"))));
            } else if (id == null) {
                errors.add(new RowError(row.number(), c.get(0), texts.render(Text.of("error.customer.no-customer-code", code))));
            }
            Integer year = integer(row, c.get(1), true, errors);
            BigDecimal amount = decimal(row, c.get(2), errors);
            Integer orders = integer(row, c.get(3), false, errors);
            LocalDate last = date(row, c.get(4), errors);
            RevenueInput input = new RevenueInput(amount, orders, last);
            if (errors.size() == before) {
                ImportFiles.violations(row, validator.validate(input), p -> columnOf.getOrDefault(p, p), errors);
                rule(year, input).ifPresent(e -> errors.add(new RowError(row.number(), columnOf.get(e.field()), texts.render(e.message()))));
            }
            if (errors.size() == before && !seen.add(code + "/" + year)) {
                errors.add(new RowError(row.number(), c.get(1), texts.render(Text.of("error.customer.duplicate-customer-year"))));
            }
            if (errors.size() == before) {
                save(id, year, input);
                created.add(new ImportReport.Imported(row.number(), id, code));
            }
        }
        return new ImportReport("revenue", rows.size(), created.size(), created, errors);
    }

    /** Codes of customers in the reader's scope, looked up in chunks. */
    private Map<String, Long> customerIds(List<String> codes) {
        var scope = users.require().scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < codes.size(); i += 500) {
            jdbc.sql("select c.code, c.id from customer c where c.code in (:codes) and " + scope.sql())
                    .params(scope.params()).param("codes", codes.subList(i, Math.min(codes.size(), i + 500)))
                    .query(rs -> { ids.put(rs.getString(1), rs.getLong(2)); });
        }
        return ids;
    }

    private Integer integer(XlsxRow row, String column, boolean required, List<RowError> errors) {
        String v = row.get(column);
        if (v == null) {
            if (required) {
                errors.add(new RowError(row.number(), column, texts.render(Text.of("error.customer.row-required"))));
            }
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new RowError(row.number(), column, texts.render(Text.of("error.customer.row-whole-number", v))));
            return null;
        }
    }

    private BigDecimal decimal(XlsxRow row, String column, List<RowError> errors) {
        String v = row.get(column);
        if (v == null) {
            return null; // @NotNull reports it
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new RowError(row.number(), column, texts.render(Text.of("error.customer.row-amount", v))));
            return null;
        }
    }

    private LocalDate date(XlsxRow row, String column, List<RowError> errors) {
        String v = row.get(column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row.number(), column, texts.render(Text.of("error.customer.row-date-format", v))));
            return null;
        }
    }
}
