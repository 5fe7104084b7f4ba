package com.careloop.customer.purchase;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.customer.Purchases;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.contactlog.Paged;
import com.careloop.customer.purchase.PurchaseCommands.ImportReport;
import com.careloop.customer.purchase.PurchaseCommands.PurchaseView;
import com.careloop.customer.purchase.PurchaseCommands.RecordPurchase;
import com.careloop.customer.purchase.PurchaseCommands.Recorded;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.excel.RowError;
import com.careloop.platform.excel.XlsxReader;
import com.careloop.platform.excel.XlsxReader.XlsxRow;
import com.careloop.platform.excel.XlsxTemplate;
import com.careloop.platform.excel.XlsxTemplate.Column;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;


import jakarta.validation.Validator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchases and installed products: entered on the 360 page, posted by the order system (idempotent
 * by externalRef per customer) or imported from Excel. Writes and customer lists apply the
 * customer's data scope; the {@link Purchases} queries for system jobs do not.
 */
@Service
@Transactional
public class PurchaseService implements Purchases {

    static final int MAX_IMPORT_ROWS = 5000;

    /** Import columns: the command field each header fills. */
    static final Map<String, String> COLUMNS = columns();

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("customerCode", "客户编号");
        c.put("product", "产品");
        c.put("model", "型号");
        c.put("serialNo", "序列号");
        c.put("batchNo", "批号");
        c.put("saleDate", "销售日期");
        c.put("deliveryDate", "交付日期");
        c.put("warrantyTerms", "三包条款");
        c.put("warrantyEnd", "保修截止日");
        c.put("externalRef", "订单行号");
        return c;
    }

    private record Issue(String field, String rule, Text message) {
    }

    private final PurchaseRepository purchases;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final CareLoopProperties properties;
    private final Texts texts;

    PurchaseService(PurchaseRepository purchases, CustomerService customers, JdbcClient jdbc, AuditTrail audit,
                    Validator validator, Clock clock, CareLoopProperties properties, Texts texts) {
        this.texts = texts;
        this.purchases = purchases;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.properties = properties;
    }

    // ---- writes ------------------------------------------------------------------------------

    /** A purchase of the customer in the path (360 page, API); a customerCode, if given, must be theirs. */
    public Recorded record(long customerId, RecordPurchase cmd, PurchaseSource source) {
        String code = customers.load(customerId).getCode();
        if (cmd.customerCode() != null && !cmd.customerCode().isBlank() && !cmd.customerCode().trim().equals(code)) {
            throw new InvalidInputException("customerCode", "matches", Text.of("error.customer.customer-code-mismatch",
                    String.valueOf(customerId)));
        }
        return save(customerId, cmd, source);
    }

    /** A purchase from the order system, which names the customer by code. */
    public Recorded recordForOrder(RecordPurchase cmd) {
        return save(customerByCode(cmd.customerCode()).orElseThrow(() -> unknownCustomer(cmd.customerCode())), cmd,
                PurchaseSource.API);
    }

    private Recorded save(long customerId, RecordPurchase cmd, PurchaseSource source) {
        String ref = blank(cmd.externalRef());
        if (ref != null) {
            Optional<Purchase> existing = purchases.findByCustomerIdAndExternalRef(customerId, ref);
            if (existing.isPresent()) {
                return new Recorded(view(existing.get().getId()), false);
            }
        }
        rules(cmd).stream().findFirst().ifPresent(i -> {
            throw new InvalidInputException(i.field(), i.rule(), i.message());
        });
        Purchase p = purchases.saveAndFlush(Purchase.of(customerId, sale(cmd), source, ref, Instant.now(clock)));
        audit.created(p);
        return new Recorded(view(p.getId()), true);
    }

    /** The rules bean validation cannot express: the dates must follow each other. */
    private static List<Issue> rules(RecordPurchase cmd) {
        List<Issue> issues = new ArrayList<>();
        if (cmd.saleDate() == null) {
            return issues;
        }
        if (cmd.deliveryDate() != null && cmd.deliveryDate().isBefore(cmd.saleDate())) {
            issues.add(new Issue("deliveryDate", "not-before-saleDate", Text.of("error.customer.delivery-before-sale")));
        }
        if (cmd.warrantyEnd() != null && cmd.warrantyEnd().isBefore(cmd.saleDate())) {
            issues.add(new Issue("warrantyEnd", "not-before-saleDate", Text.of("error.customer.warranty-before-sale")));
        }
        return issues;
    }

    private static Purchase.Sale sale(RecordPurchase c) {
        return new Purchase.Sale(c.product().trim(), blank(c.model()), blank(c.serialNo()), blank(c.batchNo()), c.saleDate(),
                c.deliveryDate(), blank(c.warrantyTerms()), c.warrantyEnd());
    }

    /** The customer with that code, if the current user's scope reaches them. */
    private Optional<Long> customerByCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("customerCode", "required", Text.of("error.customer.customercode-required"));
        }
        return jdbc.sql("select id from customer where code = :code").param("code", code.trim()).query(Long.class)
                .optional().filter(id -> {
                    try {
                        customers.load(id);
                        return true;
                    } catch (NotFoundException outOfScope) {
                        return false;
                    }
                });
    }

    private static InvalidInputException unknownCustomer(String code) {
        return new InvalidInputException("customerCode", "exists", Text.of("error.customer.no-customer-code-0", code));
    }

    // ---- Excel import ------------------------------------------------------------------------

    public byte[] importTemplate() {
        List<Column> columns = List.of(Column.text(COLUMNS.get("customerCode"), true, "KH2026-000001"),
                Column.text(COLUMNS.get("product"), true, "家用中央空调"), Column.text(COLUMNS.get("model"), false, "KFR-72LW"),
                Column.text(COLUMNS.get("serialNo"), false, "SN20260301001"), Column.text(COLUMNS.get("batchNo"), false, "B2603"),
                Column.text(COLUMNS.get("saleDate"), true, "2026-03-01"), Column.text(COLUMNS.get("deliveryDate"), false, "2026-03-05"),
                Column.text(COLUMNS.get("warrantyTerms"), false, "包修1年 包换3个月 包退7天"),
                Column.text(COLUMNS.get("warrantyEnd"), false, null), Column.text(COLUMNS.get("externalRef"), false, "SO-1001-1"));
        return XlsxTemplate.build("购买记录", columns);
    }

    /**
     * Imports every good row and none of a bad one: each row is checked in full first (format, bean
     * validation, the date rules, the customer), and a row with any error is reported, not saved.
     */
    public ImportReport importXlsx(InputStream in) {
        List<XlsxRow> rows = XlsxReader.read(in, List.of(COLUMNS.get("customerCode"), COLUMNS.get("product"),
                COLUMNS.get("saleDate")), MAX_IMPORT_ROWS);
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        int unchanged = 0;
        for (XlsxRow row : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            RecordPurchase cmd = parse(row, rowErrors);
            // a cell that could not be read is reported once, not again as "required"
            var unreadable = rowErrors.stream().map(RowError::column).toList();
            validator.validate(cmd).stream().filter(v -> !unreadable.contains(COLUMNS.get(v.getPropertyPath().toString())))
                    .forEach(v -> rowErrors.add(new RowError(row.number(), COLUMNS.get(v.getPropertyPath().toString()),
                            v.getMessage())));
            rules(cmd).forEach(i -> rowErrors.add(new RowError(row.number(), COLUMNS.get(i.field()), texts.render(i.message()))));
            Optional<Long> customer = cmd.customerCode() == null ? Optional.empty() : customerByCode(cmd.customerCode());
            if (cmd.customerCode() == null) {
                rowErrors.add(new RowError(row.number(), COLUMNS.get("customerCode"), texts.render(Text.of("error.customer.row-required"))));
            } else if (customer.isEmpty()) {
                rowErrors.add(new RowError(row.number(), COLUMNS.get("customerCode"), unknownCustomer(cmd.customerCode()).getMessage()));
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            if (save(customer.orElseThrow(), cmd, PurchaseSource.IMPORT).created()) {
                imported++;
            } else {
                unchanged++;
            }
        }
        return new ImportReport(imported, unchanged, errors);
    }

    private RecordPurchase parse(XlsxRow row, List<RowError> errors) {
        return new RecordPurchase(row.get(COLUMNS.get("customerCode")), row.get(COLUMNS.get("product")),
                row.get(COLUMNS.get("model")), row.get(COLUMNS.get("serialNo")), row.get(COLUMNS.get("batchNo")),
                date(row, "saleDate", errors), date(row, "deliveryDate", errors), row.get(COLUMNS.get("warrantyTerms")),
                date(row, "warrantyEnd", errors), row.get(COLUMNS.get("externalRef")));
    }

    private LocalDate date(XlsxRow row, String field, List<RowError> errors) {
        String text = row.get(COLUMNS.get(field));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row.number(), COLUMNS.get(field), texts.render(Text.of("error.customer.row-date-format", text))));
            return null;
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    private static final String SELECT = """
            select id, customer_id, product, model, serial_no, batch_no, sale_date, delivery_date, warranty_terms,
                   warranty_end, source, external_ref from purchase""";

    @Transactional(readOnly = true)
    public Paged<PurchaseView> forCustomer(long customerId, String cursor, int limit) {
        customers.load(customerId);
        Long before = Paged.idCursor(cursor);
        return Paged.of(jdbc.sql(SELECT + " where customer_id = :c and id < :before order by id desc limit :limit")
                .param("c", customerId).param("before", before == null ? Long.MAX_VALUE : before).param("limit", limit + 1)
                .query(this::row).list(), limit, v -> String.valueOf(v.id()));
    }

    private PurchaseView view(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).single();
    }

    private PurchaseView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate end = rs.getObject("warranty_end", LocalDate.class);
        return new PurchaseView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("product"), rs.getString("model"),
                rs.getString("serial_no"), rs.getString("batch_no"), rs.getObject("sale_date", LocalDate.class),
                rs.getObject("delivery_date", LocalDate.class), rs.getString("warranty_terms"), end,
                end != null && !end.isBefore(LocalDate.now(clock.withZone(properties.zone()))),
                PurchaseSource.valueOf(rs.getString("source")), rs.getString("external_ref"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseRef> soldOn(LocalDate day) {
        return refs("sale_date = :from order by id", day, day);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseRef> warrantiesEndingBetween(LocalDate from, LocalDate to) {
        return refs("warranty_end between :from and :to order by warranty_end, id", from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<PurchaseRef> find(long purchaseId) {
        return refs("id = :id", java.util.Map.of("id", purchaseId)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseRef> ofCustomer(long customerId, int limit) {
        return refs("customer_id = :c order by sale_date desc, id desc limit :limit",
                java.util.Map.of("c", customerId, "limit", limit));
    }

    private List<PurchaseRef> refs(String condition, LocalDate from, LocalDate to) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", from);
        if (condition.contains(":to")) {
            params.put("to", to);
        }
        return refs(condition, params);
    }

    private List<PurchaseRef> refs(String condition, java.util.Map<String, ?> params) {
        return jdbc.sql("select id, customer_id, product, model, serial_no, sale_date, warranty_end, delivery_date"
                        + " from purchase where " + condition).params(params)
                .query((rs, n) -> new PurchaseRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class))).list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
