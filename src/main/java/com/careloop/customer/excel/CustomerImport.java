package com.careloop.customer.excel;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.archive.CustomerCommands.ContactInput;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.customer.archive.CustomerService;
import com.careloop.platform.excel.RowError;
import com.careloop.platform.excel.XlsxReader;
import com.careloop.platform.excel.XlsxReader.XlsxRow;
import com.careloop.platform.excel.XlsxTemplate;

import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers from .xlsx. Every row is checked with the rules of the registration form (the same
 * SaveCustomer bean validation, known representative) and against duplicates — same name or phone
 * in the archive or earlier in the file — before anything is written. Good rows are then registered
 * through {@link CustomerService#registerAll}, so each gets its record number and audit entry; a row
 * with any error is not imported at all. All good rows are written in one transaction: a failure
 * while writing leaves nothing of the file.
 */
@Service
public class CustomerImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CustomerImport.class);

    public static final int MAX_ROWS = 10_000;
    /** Look-ups against the archive in chunks, so 10,000 rows cost a few queries, not 10,000. */
    private static final int CHUNK = 500;
    /** Rows registered per block: one JDBC batch each of customers, contacts and audit entries, and one id read-back. */
    private static final int BLOCK = 500;

    /** The template's columns: message key of the header, required, the SaveCustomer property it fills. */
    enum Col {
        NAME("customer.name", true, "name"), KIND("customer.kind", true, "kind"), PHONE("customer.phone", false, "phone"),
        EMAIL("customer.email", false, "email"), ID_NUMBER("customer.idNumber", false, "idNumber"),
        BIRTHDAY("customer.birthday", false, "birthday"), OCCUPATION("customer.occupation", false, "occupation"),
        ADDRESS("customer.address", false, "address"), PROJECT("customer.project", false, "project"),
        ROOM("customer.room", false, "room"), INDUSTRY("customer.industry", false, "industry"),
        REGION("customer.region", false, "region"), SOURCE("customer.source", false, "source"),
        TAGS("customer.tags", false, "tags"), REMARKS("customer.remarks", false, "remarks"),
        REPRESENTATIVE("customer.representative", false, "representativeId"),
        CONTACT_NAME("customerexcel.col.contactName", false, "contacts[0].name"),
        CONTACT_PHONE("customerexcel.col.contactPhone", false, "contacts[0].phone");

        final String key;
        final boolean required;
        final String property;

        Col(String key, boolean required, String property) {
            this.key = key;
            this.required = required;
            this.property = property;
        }
    }

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final MessageSource messages;
    /** Header texts, looked up once: a 10,000-row file asks for them 200,000 times. */
    private final Map<Col, String> headers = new java.util.EnumMap<>(Col.class);

    /** A row error in the importing user's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    CustomerImport(CustomerService customers, JdbcClient jdbc, Validator validator, MessageSource messages) {

        this.customers = customers;
        this.jdbc = jdbc;
        this.validator = validator;
        this.messages = messages;
        for (Col c : Col.values()) {
            headers.put(c, ImportFiles.header(messages, c.key));
        }
    }

    String header(Col c) {
        return headers.get(c);
    }

    /** The template: Chinese headers, required ones marked *, a drop-down of kinds and of staff. */
    @Transactional(readOnly = true)
    public byte[] template() {
        List<String> kinds = Arrays.stream(CustomerKind.values())
                .map(k -> ImportFiles.header(messages, "customer.kind." + k.name())).toList();
        List<String> staff = jdbc.sql("select username from org_user where active = true and department_id is not null "
                + "order by username").query(String.class).list();
        List<XlsxTemplate.Column> columns = new ArrayList<>();
        for (Col c : Col.values()) {
            columns.add(switch (c) {
                case KIND -> XlsxTemplate.Column.choice(header(c), true, kinds);
                case REPRESENTATIVE -> new XlsxTemplate.Column(header(c), false, staff, null);
                case NAME -> XlsxTemplate.Column.text(header(c), true, "苏州新华纸箱厂");
                case PHONE -> XlsxTemplate.Column.text(header(c), false, "0512-65432100");
                case BIRTHDAY -> XlsxTemplate.Column.text(header(c), false, "1985-12-02");
                default -> XlsxTemplate.Column.text(header(c), c.required, null);
            });
        }
        return XlsxTemplate.build(ImportFiles.header(messages, "customerexcel.sheet.customers"), columns);
    }

    @Transactional
    public ImportReport importFile(InputStream in) {
        long start = System.nanoTime();
        List<XlsxRow> rows = XlsxReader.read(in, Arrays.stream(Col.values()).filter(c -> c.required).map(this::header)
                .toList(), MAX_ROWS);
        Map<String, CustomerKind> kinds = ImportFiles.labels(messages, "customer.kind.", CustomerKind.values());
        Map<String, Long> staff = staff();
        Map<String, String> columnOf = new HashMap<>();
        for (Col c : Col.values()) {
            columnOf.put(c.property, header(c));
        }
        List<RowError> errors = new ArrayList<>();
        Map<Integer, SaveCustomer> good = new LinkedHashMap<>();
        for (XlsxRow row : rows) {
            int before = errors.size();
            SaveCustomer cmd = command(row, kinds, staff, errors);
            var violations = validator.validate(cmd).stream()
                    // an unknown kind was already reported with the value the user typed
                    .filter(v -> !(v.getPropertyPath().toString().equals("kind") && row.get(header(Col.KIND)) != null))
                    .collect(java.util.stream.Collectors.toSet());
            ImportFiles.violations(row, violations, p -> columnOf.getOrDefault(p, p), errors);
            if (errors.size() == before) {
                good.put(row.number(), cmd);
            }
        }
        long read = System.nanoTime();
        duplicates(good, errors);
        long checked = System.nanoTime();
        List<String> order = Arrays.stream(Col.values()).map(this::header).toList();
        errors.sort(java.util.Comparator.comparingInt(RowError::row).thenComparingInt(e -> order.indexOf(e.column())));
        List<ImportReport.Imported> created = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>(good.keySet());
        List<SaveCustomer> commands = new ArrayList<>(good.values());
        for (int i = 0; i < commands.size(); i += BLOCK) {
            var registered = customers.registerAll(commands.subList(i, Math.min(commands.size(), i + BLOCK)));
            for (int k = 0; k < registered.size(); k++) {
                created.add(new ImportReport.Imported(numbers.get(i + k), registered.get(k).getId(),
                        registered.get(k).getCode()));
            }
        }
        log.info("Customer import: {} rows, {} imported; read+validated {} ms, duplicates {} ms, registered {} ms",
                rows.size(), created.size(), (read - start) / 1_000_000, (checked - read) / 1_000_000,
                (System.nanoTime() - checked) / 1_000_000);
        return new ImportReport("customers", rows.size(), created.size(), created, errors);
    }

    private SaveCustomer command(XlsxRow row, Map<String, CustomerKind> kinds, Map<String, Long> staff,
                                 List<RowError> errors) {
        String kindText = row.get(header(Col.KIND));
        CustomerKind kind = kindText == null ? null : kinds.get(kindText);
        if (kindText != null && kind == null) {
            errors.add(new RowError(row.number(), header(Col.KIND), text("error.customer.unknown-kind", kindText)));
        }
        LocalDate birthday = null;
        String b = row.get(header(Col.BIRTHDAY));
        if (b != null) {
            try {
                birthday = LocalDate.parse(b);
            } catch (DateTimeParseException e) {
                errors.add(new RowError(row.number(), header(Col.BIRTHDAY), text("error.customer.row-date-format", b)));
            }
        }
        Long rep = null;
        String r = row.get(header(Col.REPRESENTATIVE));
        if (r != null) {
            rep = staff.get(r);
            if (rep == null) {
                errors.add(new RowError(row.number(), header(Col.REPRESENTATIVE), text("error.customer.no-active-user-name", r)));
            }
        }
        String contactName = row.get(header(Col.CONTACT_NAME));
        String contactPhone = row.get(header(Col.CONTACT_PHONE));
        List<ContactInput> contacts = contactName == null && contactPhone == null ? List.of()
                : List.of(new ContactInput(contactName, null, contactPhone, null, true, null));
        String name = row.get(header(Col.NAME));
        return new SaveCustomer(name, kind, row.get(header(Col.PHONE)), row.get(header(Col.EMAIL)),
                row.get(header(Col.ID_NUMBER)), birthday, row.get(header(Col.OCCUPATION)), row.get(header(Col.ADDRESS)),
                row.get(header(Col.PROJECT)), row.get(header(Col.ROOM)), row.get(header(Col.INDUSTRY)),
                row.get(header(Col.REGION)), row.get(header(Col.SOURCE)), row.get(header(Col.TAGS)),
                row.get(header(Col.REMARKS)), rep, null, contacts, true, null);
    }

    /** Active staff by username and by display name (a name two people share does not identify anyone). */
    private Map<String, Long> staff() {
        Map<String, Long> byKey = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        // the archive takes the customer's department from the representative, so one without a department cannot be it
        jdbc.sql("select id, username, display_name from org_user where active = true and department_id is not null")
                .query(rs -> {
            byKey.put(rs.getString(2), rs.getLong(1));
            String name = rs.getString(3);
            if (byKey.putIfAbsent(name, rs.getLong(1)) != null && !name.equals(rs.getString(2))) {
                ambiguous.add(name);
            }
        });
        ambiguous.forEach(byKey::remove);
        return byKey;
    }

    /**
     * The registration form's duplicate rule (same name, or same phone as a customer or one of its
     * contacts, among active customers) against the archive and, for later rows, earlier rows of
     * the file. The archive is asked once per chunk of names and phones.
     */
    private void duplicates(Map<Integer, SaveCustomer> good, List<RowError> errors) {
        Map<String, String> archiveNames = new HashMap<>();
        Map<String, String> archivePhones = new HashMap<>();
        List<String> names = good.values().stream().map(c -> c.name().trim()).distinct().toList();
        List<String> phones = good.values().stream().map(SaveCustomer::phone).filter(p -> p != null && !p.isBlank())
                .map(String::trim).distinct().toList();
        for (int i = 0; i < names.size(); i += CHUNK) {
            jdbc.sql("select name, code from customer where active = true and name in (:names)")
                    .param("names", names.subList(i, Math.min(names.size(), i + CHUNK)))
                    .query(rs -> { archiveNames.putIfAbsent(rs.getString(1), rs.getString(2)); });
        }
        for (int i = 0; i < phones.size(); i += CHUNK) {
            List<String> chunk = phones.subList(i, Math.min(phones.size(), i + CHUNK));
            jdbc.sql("""
                    select c.phone, c.code from customer c where c.active = true and c.phone in (:phones)
                    union all select k.phone, c.code from customer_contact k join customer c on c.id = k.customer_id
                    where c.active = true and k.phone in (:phones)""")
                    .param("phones", chunk).query(rs -> { archivePhones.putIfAbsent(rs.getString(1), rs.getString(2)); });
        }
        Map<String, Integer> fileNames = new HashMap<>();
        Map<String, Integer> filePhones = new HashMap<>();
        var it = good.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            int row = e.getKey();
            String name = e.getValue().name().trim();
            String phone = e.getValue().phone() == null || e.getValue().phone().isBlank() ? null : e.getValue().phone().trim();
            int before = errors.size();
            if (archiveNames.containsKey(name)) {
                errors.add(new RowError(row, header(Col.NAME), text("error.customer.name-exists",
                        String.valueOf(archiveNames.get(name)))));
            } else if (fileNames.containsKey(name)) {
                errors.add(new RowError(row, header(Col.NAME), text("error.customer.same-name-as-row",
                        String.valueOf(fileNames.get(name)))));
            }
            if (phone != null && archivePhones.containsKey(phone)) {
                errors.add(new RowError(row, header(Col.PHONE), text("error.customer.phone-exists",
                        String.valueOf(archivePhones.get(phone)))));
            } else if (phone != null && filePhones.containsKey(phone)) {
                errors.add(new RowError(row, header(Col.PHONE), text("error.customer.same-phone-as-row",
                        String.valueOf(filePhones.get(phone)))));
            }
            fileNames.putIfAbsent(name, row);
            if (phone != null) {
                filePhones.putIfAbsent(phone, row);
            }
            if (errors.size() > before) {
                it.remove();
            }
        }
    }
}
