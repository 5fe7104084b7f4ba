package com.careloop.fieldservice.failure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.careloop.complaint.ClaimClosed;
import com.careloop.complaint.ComplaintClosed;
import com.careloop.fieldservice.FieldServiceReportSigned;
import com.careloop.fieldservice.failure.FailureViews.Classify;
import com.careloop.fieldservice.failure.FailureViews.Filter;
import com.careloop.fieldservice.failure.FailureViews.Intake;
import com.careloop.fieldservice.failure.FailureViews.Mode;
import com.careloop.fieldservice.failure.FailureViews.ModeCount;
import com.careloop.fieldservice.failure.FailureViews.Page;
import com.careloop.fieldservice.failure.FailureViews.RecordFailure;
import com.careloop.fieldservice.failure.FailureViews.Recurring;
import com.careloop.fieldservice.failure.FailureViews.Row;
import com.careloop.fieldservice.failure.FailureViews.SaveMode;
import com.careloop.fieldservice.failure.FailureViews.Timeline;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product failure history (产品失败履历 Q/JL081302): failures recorded by hand from a request, field service,
 * complaint or claim (read through that module's public API), classified from the findings of signed field-service
 * reports, or added by the warranty-part analysis; the search (keyset-paged), one product's timeline, the recurring
 * failures (same product and mode at least N times in 12 months) and the failure-mode code list.
 */
@Service
@Transactional
public class ProductFailures {

    public static final String API = "/api/v1/product-failures";
    static final String INTAKE_TYPE = "failure-intake";
    static final String MODE_TYPE = "failure-mode";

    private final ProductFailureRepository failures;
    private final SourceRecords sources;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final FailureProperties settings;

    ProductFailures(ProductFailureRepository failures, SourceRecords sources, AuditTrail audit, CurrentUsers users,
                    JdbcClient jdbc, Clock clock, CareLoopProperties platform, FailureProperties settings) {
        this.failures = failures;
        this.sources = sources;
        this.audit = audit;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.settings = settings;
    }

    // ---- writes ------------------------------------------------------------------------------

    /** A failure recorded by hand with its source (422 naming the field for anything missing or unknown). */
    public Row record(RecordFailure cmd) {
        if (cmd == null) {
            throw required("product");
        }
        ProductFailure.Facts facts = facts(cmd.product(), cmd.part(), cmd.serialNo(), cmd.batchNo(), cmd.failedOn(),
                cmd.mode(), cmd.description(), cmd.cause(), cmd.action());
        SourceRecords.Source s = sources.resolve(cmd.sourceType(), cmd.sourceId(), cmd.sourceCode());
        return row(save(facts, new ProductFailure.Origin(s.type(), s.id(), s.code(), s.customerId(), s.customerName(),
                null)));
    }

    /** A failure from another record of this module (the warranty-part analysis); idempotent by {@code key}. */
    ProductFailure recordFrom(ProductFailure.Facts facts, ProductFailure.Origin origin) {
        validate(facts);
        return save(facts, origin);
    }

    private ProductFailure save(ProductFailure.Facts facts, ProductFailure.Origin origin) {
        ProductFailure p = failures.saveAndFlush(ProductFailure.record(facts, origin, actor(), Instant.now(clock)));
        countInMonth(p.getProduct(), p.getModeCode(), p.getFailedOn());
        audit.created(p);
        return p;
    }

    /**
     * Keeps the monthly rollup the recurrence flag reads (failures are never edited in product, mode or date, nor
     * deleted). Insert-if-missing then increment: the update's row lock serialises concurrent recorders.
     */
    private void countInMonth(String product, String mode, LocalDate failedOn) {
        LocalDate month = failedOn.withDayOfMonth(1);
        jdbc.sql("""
                insert into failure_month (product, mode_code, month_start, failures, last_on)
                values (:product, :mode, :month, 0, :on) on conflict do nothing""")
                .param("product", product).param("mode", mode).param("month", month).param("on", failedOn).update();
        jdbc.sql("""
                update failure_month set failures = failures + 1, last_on = greatest(last_on, :on)
                where product = :product and mode_code = :mode and month_start = :month""")
                .param("product", product).param("mode", mode).param("month", month).param("on", failedOn).update();
    }

    /** What waits in the intake: the source, its findings and whatever facts the source already knows. */
    record Incoming(FailureSource type, long id, String code, Long customerId, String customerName, String findings,
                    Instant receivedAt, String product, LocalDate failedOn, String cause, String action) {
    }

    /** The findings of a signed field-service report wait for quality to classify them (once per report). */
    public void intake(FieldServiceReportSigned e) {
        intake(new Incoming(FailureSource.FIELD_SERVICE, e.serviceId(),
                e.reportCode() != null ? e.reportCode() : e.code(), e.customerId(), e.customerName(), e.findings(),
                e.signedAt() != null ? e.signedAt() : Instant.now(clock), null, null, null, null));
    }

    /**
     * A closed product-quality complaint naming a product waits for quality to name its failure mode (the complaint
     * carries a category and a cause category, not a failure mode), with product, day, cause and action preset.
     */
    public void intake(ComplaintClosed e) {
        if (e.productFailure()) {
            intake(new Incoming(FailureSource.COMPLAINT, e.complaintId(), e.code(), e.customerId(), e.customerName(),
                    e.symptom(), Instant.now(clock), e.product().trim(), e.receivedOn(), e.cause(), e.action()));
        }
    }

    /** A claim naming a product, when it ends: its inspection findings wait like a complaint's. */
    public void intake(ClaimClosed e) {
        if (e.productFailure()) {
            String findings = e.findings() != null && !e.findings().isBlank() ? e.findings() : e.description();
            intake(new Incoming(FailureSource.CLAIM, e.claimId(), e.code(), e.customerId(), e.customerName(),
                    findings, Instant.now(clock), e.product().trim(), e.failedOn(), e.responsibilityNote(), null));
        }
    }

    /** Idempotent on the source: an event delivered again (or a source closed twice) adds nothing. */
    private void intake(Incoming in) {
        if (in.findings() == null || in.findings().isBlank()) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into failure_intake (source_type, source_id, source_code, customer_id, customer_name, findings,
                                            received_at, product, failed_on, cause, action_taken)
                select :type, :id, :code, :customer, :customerName, :findings, :at, :product, :failedOn, :cause, :action
                where not exists (select 1 from failure_intake where source_type = :type and source_id = :id)""")
                .param("type", in.type().name()).param("id", in.id()).param("code", in.code())
                .param("customer", in.customerId()).param("customerName", in.customerName())
                .param("findings", cut(in.findings(), 4000)).param("at", Timestamp.from(in.receivedAt()))
                .param("product", cut(in.product(), 200)).param("failedOn", in.failedOn())
                .param("cause", cut(in.cause(), 2000)).param("action", cut(in.action(), 2000)).update();
        if (inserted > 0) {
            audit.record(INTAKE_TYPE, in.type() + ":" + in.id(), "CREATE",
                    List.of(new FieldChange("findings", null, in.findings())));
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Quality marks the findings of a report as a failure: a failure row linked to the field service. */
    public Row classify(long intakeId, Classify cmd) {
        Intake in = openIntake(intakeId);
        Classify c = cmd == null ? new Classify(null, null, null, null, null, null, null, null, null) : cmd;
        // what the source already said (product, day, cause, action) stands unless quality says otherwise
        ProductFailure.Facts facts = facts(c.product() != null ? c.product() : in.product(), c.part(), c.serialNo(),
                c.batchNo(), c.failedOn() != null ? c.failedOn() : in.failedOn() != null ? in.failedOn()
                        : in.receivedAt().toLocalDate(), c.mode(),
                c.description() != null ? c.description() : in.findings(), c.cause() != null ? c.cause() : in.cause(),
                c.action() != null ? c.action() : in.action());
        ProductFailure p = save(facts, new ProductFailure.Origin(in.sourceType(), in.sourceId(), in.sourceCode(),
                customerOf(intakeId), in.customerName(), null));
        resolve(intakeId, p.getId());
        return row(p);
    }

    /** Quality decides the findings are no product failure. */
    public Intake dismiss(long intakeId) {
        openIntake(intakeId);
        resolve(intakeId, null);
        return intake(intakeId);
    }

    private void resolve(long intakeId, Long failureId) {
        jdbc.sql("update failure_intake set resolved_at = :at, resolved_by = :by, failure_id = :failure where id = :id")
                .param("at", Timestamp.from(Instant.now(clock))).param("by", actor()).param("failure", failureId)
                .param("id", intakeId).update();
        audit.record(INTAKE_TYPE, String.valueOf(intakeId), failureId == null ? "DISMISS" : "CLASSIFY",
                List.of(new FieldChange("failureId", null, failureId == null ? "-" : String.valueOf(failureId))));
    }

    private Intake openIntake(long id) {
        Intake in = intake(id);
        if (in.resolvedAt() != null) {
            throw new DomainException("fieldhistory.intake-resolved", Text.of("error.fieldhistory.intake-resolved",
                    in.sourceCode()));
        }
        return in;
    }

    private Long customerOf(long intakeId) {
        // a list, not single(): single() refuses a null value, and findings may come without a customer
        List<Long> customer = jdbc.sql("select customer_id from failure_intake where id = :id").param("id", intakeId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        return customer.isEmpty() ? null : customer.get(0);
    }

    public Mode saveMode(SaveMode cmd) {
        if (cmd == null || cmd.code() == null || !cmd.code().trim().matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new InvalidInputException("code", "pattern", Text.of("error.fieldhistory.mode-code"));
        }
        String code = cmd.code().trim();
        for (String[] f : new String[][] {{"nameZhCn", cmd.nameZhCn()}, {"nameZhTw", cmd.nameZhTw()},
                {"nameEn", cmd.nameEn()}}) {
            if (f[1] == null || f[1].isBlank() || f[1].length() > 100) {
                throw required(f[0]);
            }
        }
        boolean exists = jdbc.sql("select count(*) from failure_mode where code = :c").param("c", code)
                .query(Long.class).single() > 0;
        var sql = exists ? """
                update failure_mode set name_zh_cn = :cn, name_zh_tw = :tw, name_en = :en, sort_order = :sort,
                       active = :active where code = :c"""
                : """
                insert into failure_mode (code, name_zh_cn, name_zh_tw, name_en, sort_order, active)
                values (:c, :cn, :tw, :en, :sort, :active)""";
        jdbc.sql(sql).param("c", code).param("cn", cmd.nameZhCn().trim()).param("tw", cmd.nameZhTw().trim())
                .param("en", cmd.nameEn().trim()).param("sort", cmd.sortOrder() == null ? 500 : cmd.sortOrder())
                .param("active", cmd.active() == null || cmd.active()).update();
        audit.record(MODE_TYPE, code, exists ? "UPDATE" : "CREATE", List.of(
                new FieldChange("names", null, cmd.nameZhCn() + " / " + cmd.nameZhTw() + " / " + cmd.nameEn()),
                new FieldChange("active", null, String.valueOf(cmd.active() == null || cmd.active()))));
        return modes(true).stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- validation --------------------------------------------------------------------------

    private ProductFailure.Facts facts(String product, String part, String serialNo, String batchNo, LocalDate failedOn,
                                       String mode, String description, String cause, String action) {
        ProductFailure.Facts f = new ProductFailure.Facts(product, part, serialNo, batchNo, failedOn,
                mode == null ? null : mode.trim(), description, cause, action);
        validate(f);
        return f;
    }

    void validate(ProductFailure.Facts f) {
        if (f.product() == null || f.product().isBlank()) {
            throw required("product");
        }
        length("product", f.product(), 200);
        length("part", f.part(), 200);
        length("serialNo", f.serialNo(), 100);
        length("batchNo", f.batchNo(), 100);
        length("description", f.description(), 2000);
        length("cause", f.cause(), 2000);
        length("action", f.action(), 2000);
        if (f.failedOn() == null) {
            throw required("failedOn");
        }
        if (f.failedOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("failedOn", "past", Text.of("error.fieldhistory.in-future", "failedOn"));
        }
        if (f.mode() == null || f.mode().isBlank()) {
            throw required("mode");
        }
        boolean known = jdbc.sql("select count(*) from failure_mode where code = :c and active = true")
                .param("c", f.mode()).query(Long.class).single() > 0;
        if (!known) {
            throw new InvalidInputException("mode", "one-of", Text.of("error.fieldhistory.unknown-mode", f.mode()));
        }
    }

    static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "max", Text.of("error.fieldhistory.too-long", field, max));
        }
    }

    static InvalidInputException required(String field) {
        return new InvalidInputException(field, "required", Text.of("error.fieldhistory.required", field));
    }

    // ---- reads -------------------------------------------------------------------------------

    static final Map<String, ListSort.Column> SORTS = Map.of(
            "failedOn", ListSort.Column.date("p.failed_on"),
            "product", ListSort.Column.text("p.product"));

    private static final String COLUMNS = """
            select p.id, p.product, p.part, p.serial_no, p.batch_no, p.failed_on, p.mode_code, p.description, p.cause,
                   p.action_taken, p.source_type, p.source_id, p.source_code, p.customer_id, p.customer_name""";

    /**
     * The history, newest failure first (or by product), keyset-paged both ways (previous and next cursor); rows of
     * recurring product+modes flagged.
     */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String sort, String cursor, int limit) {
        ListSort order = ListSort.parse(sort, SORTS, "p.id", "-failedOn");
        Filter f = filter == null ? Filter.none() : filter;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(order.selectColumn())
                .append(" from product_failure p where 1=1");
        eq(sql, params, "p.product", "product", f.product());
        eq(sql, params, "p.part", "part", f.part());
        eq(sql, params, "p.mode_code", "mode", f.mode());
        if (f.customerId() != null) {
            sql.append(" and p.customer_id = :customer");
            params.put("customer", f.customerId());
        }
        if (f.from() != null) {
            sql.append(" and p.failed_on >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and p.failed_on <= :to");
            params.put("to", f.to());
        }
        if (f.serial() != null && !f.serial().isBlank()) {
            sql.append(" and (p.serial_no = :serial or p.batch_no = :serial)");
            params.put("serial", f.serial().trim());
        }
        if (f.sourceType() != null) {
            sql.append(" and p.source_type = :sourceType");
            params.put("sourceType", f.sourceType().name());
        }
        order.seek(cursor, sql, params);
        sql.append(order.orderBy(cursor)).append(" limit :limit");
        params.put("limit", limit + 1);
        Map<String, String> names = modeNames();
        var window = order.window(jdbc.sql(sql.toString()).params(params)
                .query(order.mapper((rs, n) -> row(rs, names, false))).list(), cursor, limit);
        return new Page(flagRecurring(window.items(), names), window.previousCursor(), window.nextCursor());
    }

    private static void eq(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value.trim());
        }
    }

    /** Marks the rows whose product+mode is recurring today (one grouped query over the page's products). */
    private List<Row> flagRecurring(List<Row> rows, Map<String, String> names) {
        if (rows.isEmpty()) {
            return rows;
        }
        RecurrenceRule rule = settings.rule();
        Set<RecurrenceRule.Key> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.add(new RecurrenceRule.Key(r.product(), r.mode())));
        Set<RecurrenceRule.Key> recurring = new HashSet<>();
        windowCounts(keys, "").query((rs, n) -> {
            if (rule.recurring(rs.getLong(3))) {
                recurring.add(new RecurrenceRule.Key(rs.getString(1), rs.getString(2)));
            }
            return null;
        }).list();
        return rows.stream().map(r -> recurring.contains(new RecurrenceRule.Key(r.product(), r.mode()))
                ? withRecurring(r) : r).toList();
    }

    /**
     * Failures per product+mode in the recurrence window (columns product, mode_code, count, last failure): the
     * whole months from the rollup {@code failure_month}, the partial first and current month from the rows, so
     * the count is exact to the day. {@code keys}: only these product+mode pairs (each an index range), null: all;
     * {@code tail}: group filter and order.
     */
    private JdbcClient.StatementSpec windowCounts(Set<RecurrenceRule.Key> keys, String tail) {
        LocalDate today = today();
        LocalDate since = settings.rule().since(today);
        LocalDate firstWhole = since.withDayOfMonth(1).plusMonths(1);
        LocalDate thisMonth = today.withDayOfMonth(1);
        String mine = keys == null ? "" : " and (product, mode_code) in (:keys)";
        var spec = jdbc.sql("""
                select product, mode_code, sum(n) n, max(last_on) last_on from (
                    select product, mode_code, failures n, last_on from failure_month
                    where month_start >= :firstWhole and month_start < :thisMonth%1$s
                    union all
                    select product, mode_code, 1, failed_on from product_failure
                    where failed_on >= :since and failed_on < :firstWhole%1$s
                    union all
                    select product, mode_code, 1, failed_on from product_failure
                    where failed_on >= :thisMonth and failed_on <= :today%1$s
                ) w group by product, mode_code""".formatted(mine) + tail)
                .param("firstWhole", firstWhole).param("thisMonth", thisMonth).param("since", since)
                .param("today", today);
        return keys == null ? spec : spec.param("keys", keys.stream()
                .map(k -> new Object[] {k.product(), k.mode()}).toList());
    }

    private static Row withRecurring(Row r) {
        return new Row(r.id(), r.product(), r.part(), r.serialNo(), r.batchNo(), r.failedOn(), r.mode(), r.modeName(),
                r.description(), r.cause(), r.action(), r.sourceType(), r.sourceId(), r.sourceCode(), r.sourceLink(),
                r.customerId(), r.customerName(), true);
    }

    @Transactional(readOnly = true)
    public Row detail(long id) {
        Map<String, String> names = modeNames();
        Row r = jdbc.sql(COLUMNS + " from product_failure p where p.id = :id").param("id", id)
                .query((rs, n) -> row(rs, names, false)).optional()
                .orElseThrow(() -> new NotFoundException(ProductFailure.RECORD_TYPE, id));
        return flagRecurring(List.of(r), names).get(0);
    }

    /** One product's failures oldest first, its modes with their counts and which recur (404 without any failure). */
    @Transactional(readOnly = true)
    public Timeline timeline(String product) {
        if (product == null || product.isBlank()) {
            throw required("product");
        }
        Map<String, String> names = modeNames();
        List<Row> rows = jdbc.sql(COLUMNS + " from product_failure p where p.product = :product"
                        + " order by p.failed_on, p.id limit 2000")
                .param("product", product.trim()).query((rs, n) -> row(rs, names, false)).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("product-failures", product);
        }
        RecurrenceRule rule = settings.rule();
        LocalDate today = today();
        Set<RecurrenceRule.Key> flagged = rule.flag(rows.stream().map(r -> new RecurrenceRule.Occurrence(r.product(),
                r.mode(), r.failedOn())).toList(), today);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, LocalDate> last = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] c = counts.computeIfAbsent(r.mode(), k -> new long[2]);
            c[0]++;
            if (!r.failedOn().isBefore(rule.since(today)) && !r.failedOn().isAfter(today)) {
                c[1]++;
            }
            last.merge(r.mode(), r.failedOn(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<ModeCount> modes = new ArrayList<>();
        counts.forEach((mode, c) -> modes.add(new ModeCount(mode, names.getOrDefault(mode, mode), c[0], c[1],
                flagged.contains(new RecurrenceRule.Key(product.trim(), mode)), last.get(mode))));
        modes.sort((a, b) -> Long.compare(b.total(), a.total()));
        List<Row> marked = rows.stream().map(r -> flagged.contains(new RecurrenceRule.Key(r.product(), r.mode()))
                ? withRecurring(r) : r).toList();
        return new Timeline(product.trim(), marked, modes, rule.threshold(), rule.months());
    }

    /** Every recurring product+mode today, most failures first. */
    @Transactional(readOnly = true)
    public List<Recurring> recurring() {
        RecurrenceRule rule = settings.rule();
        Map<String, String> names = modeNames();
        return windowCounts(null, " having sum(n) >= :threshold order by n desc, product, mode_code")
                .param("threshold", rule.threshold())
                .query((rs, n) -> new Recurring(rs.getString(1), rs.getString(2),
                        names.getOrDefault(rs.getString(2), rs.getString(2)), rs.getLong(3),
                        rs.getObject(4, LocalDate.class))).list();
    }

    /** The failure-mode code list, in the reader's language; {@code all}: the inactive ones too. */
    @Transactional(readOnly = true)
    public List<Mode> modes(boolean all) {
        String column = nameColumn();
        return jdbc.sql("select code, " + column + ", name_zh_cn, name_zh_tw, name_en, sort_order, active"
                        + " from failure_mode" + (all ? "" : " where active = true") + " order by sort_order, code")
                .query((rs, n) -> new Mode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getBoolean(7))).list();
    }

    Map<String, String> modeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        modes(true).forEach(m -> names.put(m.code(), m.name()));
        return names;
    }

    private static String nameColumn() {
        Locale l = LocaleContextHolder.getLocale();
        if ("en".equals(l.getLanguage())) {
            return "name_en";
        }
        return "TW".equals(l.getCountry()) || "Hant".equals(l.getScript()) ? "name_zh_tw" : "name_zh_cn";
    }

    private static final ListSort INTAKE_ORDER = ListSort.parse(null, Map.of(), "id", "-id");

    /** The findings waiting to be classified ({@code open}) or all, newest first, keyset-paged both ways. */
    @Transactional(readOnly = true)
    public ListSort.Window<Intake> intakes(boolean open, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select id, source_type, source_id, source_code, customer_name, findings,"
                + " received_at, resolved_at, resolved_by, failure_id, product, failed_on, cause, action_taken"
                + " from failure_intake where " + (open ? "resolved_at is null" : "1=1"));
        Map<String, Object> params = new LinkedHashMap<>();
        INTAKE_ORDER.seek(cursor, sql, params);
        sql.append(INTAKE_ORDER.orderBy(cursor)).append(" limit :limit");
        params.put("limit", limit + 1);
        return INTAKE_ORDER.window(jdbc.sql(sql.toString()).params(params)
                .query(INTAKE_ORDER.mapper((rs, n) -> intake(rs))).list(), cursor, limit);
    }

    @Transactional(readOnly = true)
    public Intake intake(long id) {
        return jdbc.sql("select id, source_type, source_id, source_code, customer_name, findings, received_at,"
                        + " resolved_at, resolved_by, failure_id, product, failed_on, cause, action_taken from failure_intake"
                        + " where id = :id").param("id", id)
                .query((rs, n) -> intake(rs)).optional().orElseThrow(() -> new NotFoundException(INTAKE_TYPE, id));
    }

    private Intake intake(ResultSet rs) throws SQLException {
        FailureSource type = FailureSource.valueOf(rs.getString(2));
        return new Intake(rs.getLong(1), type, rs.getLong(3), rs.getString(4), type.link(rs.getLong(3)),
                rs.getString(5), rs.getString(6), odt(rs.getTimestamp(7)), odt(rs.getTimestamp(8)), rs.getString(9),
                rs.getObject(10, Long.class), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13),
                rs.getString(14));
    }

    Row row(ProductFailure p) {
        return detail(p.getId());
    }

    private static Row row(ResultSet rs, Map<String, String> names, boolean recurring) throws SQLException {
        FailureSource type = FailureSource.valueOf(rs.getString(11));
        Long sourceId = rs.getObject(12, Long.class);
        String mode = rs.getString(7);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), mode, names.getOrDefault(mode, mode), rs.getString(8),
                rs.getString(9), rs.getString(10), type, sourceId, rs.getString(13), type.link(sourceId),
                rs.getObject(14, Long.class), rs.getString(15), recurring);
    }

    private OffsetDateTime odt(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    /** The recurrence rule in force (threshold, months). */
    public RecurrenceRule rule() {
        return settings.rule();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse("系统");
    }
}
