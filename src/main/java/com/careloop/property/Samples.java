package com.careloop.property;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.CustomerLinks;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SearchPlanning;
import com.careloop.platform.StoredFiles;
import com.careloop.platform.Text;
import com.careloop.platform.TextMatches;
import com.careloop.platform.Texts;
import com.careloop.platform.UploadedFiles;
import com.careloop.property.SampleCommands.Accept;
import com.careloop.property.SampleCommands.Confirm;
import com.careloop.property.SampleCommands.Decline;
import com.careloop.property.SampleCommands.Dispatch;
import com.careloop.property.SampleCommands.Inspect;
import com.careloop.property.SampleCommands.Make;
import com.careloop.property.SampleCommands.Request;
import com.careloop.property.SampleCommands.Seal;
import com.careloop.property.SampleViews.Detail;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.SampleViews.Page;
import com.careloop.property.SampleViews.Round;
import com.careloop.property.SampleViews.Row;
import com.careloop.property.SampleViews.SealedSample;
import com.careloop.property.SampleViews.TimelineEntry;
import com.careloop.property.sample.Sample;
import com.careloop.property.sample.SampleRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Samples (样品) and the module's public face for them: the sample production notice (样品生产通知单), the making
 * rounds, the sample inspection report (样品检查报告), the dispatch register (样品发送登记表), the customer's
 * confirmation and the sealed master sample (封样). Each command is one transaction: the sample, its history and its
 * audit entry (and the numbered report) commit together; a stale {@code version} is 409. Reads keep to the reader's
 * data scope over the sample's sales, production and quality departments and its salesperson.
 */
@Service
@Transactional
public class Samples {

    public static final String RECORD_TYPE = Sample.RECORD_TYPE;
    public static final String INSPECTION_TYPE = "sample-inspection";
    public static final String FILE_SLOT = "NOTICE";
    public static final String SYSTEM_ACTOR = "系统";

    private final SampleRepository samples;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerDirectory customers;
    private final Notifications notifications;
    private final Texts texts;
    private final StoredFiles files;
    private final int retentionYears;
    private final CustomerLinks links;
    private final OrgDirectory directory;

    Samples(SampleRepository samples, RecordNumbers numbers, AuditTrail audit, CurrentUsers users, JdbcClient jdbc,
            Clock clock, CareLoopProperties platform, CustomerDirectory customers, Notifications notifications,
            Texts texts, StoredFiles files, CustomerLinks links, OrgDirectory directory,
            @Value("${careloop.samples.seal-retention-years:2}") int retentionYears, javax.sql.DataSource dataSource) {
        this.postgres = com.careloop.platform.Databases.isPostgres(dataSource);
        this.samples = samples;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.customers = customers;
        this.notifications = notifications;
        this.texts = texts;
        this.files = files;
        this.retentionYears = retentionYears;
        this.links = links;
        this.directory = directory;
    }

    // ---- the notice and production -----------------------------------------------------------

    /** Sales issue the sample production notice (numbered YP); production sees it on its queue. */
    public Detail request(Request cmd) {
        if (cmd == null) {
            throw new InvalidInputException("body", "required", Text.of("error.property.required", "body"));
        }
        if (cmd.customerId() == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.property.required", "customerId"));
        }
        CustomerCard customer = customers.card(cmd.customerId()).filter(CustomerCard::active).orElseThrow(() ->
                new InvalidInputException("customerId", "exists", Text.of("error.property.no-customer",
                        cmd.customerId())));
        long production = cmd.productionDepartmentId() != null
                ? department("productionDepartmentId", cmd.productionDepartmentId()) : departmentByCode("PROD");
        long quality = departmentByCode("QA");
        CurrentUser me = users.current().orElse(null);
        Sample s = Sample.request(() -> numbers.next(RECORD_TYPE), new Sample.Notice(cmd.customerId(), customer.name(), cmd.itemName(),
                cmd.spec(), cmd.quantity(), cmd.unit(), cmd.requiredOn(), cmd.requirements(),
                me == null ? null : me.id(), actor(), me == null ? null : me.departmentId(), production, quality),
                actor(), today(), now());
        samples.saveAndFlush(s);
        pointAtCurrentRound(s);
        audit.created(s);
        return view(s);
    }

    public Detail accept(long id, Accept cmd) {
        return change(id, cmd == null ? null : cmd.version(), "ACCEPT", s -> s.accept(actor(), now()));
    }

    /** Production cannot make the sample: the reason goes to the salesperson (bell and mail). */
    public Detail decline(long id, Decline cmd) {
        Detail d = change(id, cmd == null ? null : cmd.version(), "DECLINE",
                s -> s.decline(cmd == null ? null : cmd.reason(), actor(), now()));
        if (d.salespersonId() != null) {
            notifications.notify(d.salespersonId(), Text.of("sample.notify.declined.title", d.code()),
                    Text.of("sample.notify.declined.body", d.code(), d.itemName(), d.inabilityReason()),
                    "/samples/" + d.id());
        }
        return d;
    }

    public Detail make(long id, Make cmd) {
        Make c = cmd == null ? new Make(null, null, null, null) : cmd;
        return change(id, c.version(), "MAKE", s -> s.make(c.parameters(), c.madeOn(), c.quantityMade(), actor(),
                today(), now()));
    }

    /** Quality's inspection report (numbered YJ); a failure is the next round for production. */
    public Detail inspect(long id, Inspect cmd) {
        Inspect c = cmd == null ? new Inspect(null, null, null, null, null, null) : cmd;
        List<Sample.Line> lines = c.measurements() == null ? List.of() : c.measurements().stream()
                .map(m -> m == null ? null : new Sample.Line(m.characteristic(), m.requirement(), m.measured(), m.ok()))
                .toList();
        String[] code = new String[1];
        Detail d = change(id, c.version(), "INSPECT", s -> code[0] = s.inspect(() -> numbers.next(INSPECTION_TYPE),
                c.passed(), lines, c.inspectorName() == null ? actor() : c.inspectorName(), c.inspectedOn(), c.note(),
                actor(), today(), now()));
        audit.record(INSPECTION_TYPE, code[0], "CREATE", AuditTrail.diff(Map.of(), Map.of("sample", d.code(),
                "passed", Boolean.TRUE.equals(c.passed()))));
        return d;
    }

    // ---- dispatch, confirmation, seal --------------------------------------------------------

    /** Sales send a sample that passed its inspection; otherwise 409 {@code sample.not-passed}. */
    public Detail dispatch(long id, Dispatch cmd) {
        Dispatch c = cmd == null ? new Dispatch(null, null, null, null, null, null, null) : cmd;
        return change(id, c.version(), "DISPATCH", s -> s.dispatch(c.receivedOn(), c.quantitySent(), c.sentOn(),
                c.courier(), c.trackingNo(), c.remark(), actor(), today(), now()));
    }

    /** The customer's answer recorded by sales ({@code via} PHONE, MAIL, VISIT; default PHONE). */
    public Detail confirm(long id, Confirm cmd) {
        Confirm c = cmd == null ? new Confirm(null, null, null, null, null) : cmd;
        String via = c.via() == null ? "PHONE" : c.via().trim().toUpperCase(Locale.ROOT);
        if (!List.of("PHONE", "MAIL", "VISIT").contains(via)) {
            throw new InvalidInputException("via", "one-of", Text.of("error.sample.via"));
        }
        return change(id, c.version(), c.approved() != null && !c.approved() ? "REJECT" : "APPROVE",
                s -> s.confirm(c.approved(), c.note(), c.confirmedOn(), via, actor(), today(), now()));
    }

    /**
     * The approved sample is sealed as the master sample (封样); the keep-until date defaults to today + 2 years
     * (setting), the keeping department to the sample's quality department.
     */
    public Detail seal(long id, Seal cmd) {
        Seal c = cmd == null ? new Seal(null, null, null, null) : cmd;
        LocalDate until = c.keepUntil() != null ? c.keepUntil() : today().plusYears(retentionYears);
        Long keeper = c.keepingDepartmentId() == null ? null
                : department("keepingDepartmentId", c.keepingDepartmentId());
        return change(id, c.version(), "SEAL", s -> s.seal(c.location(), until,
                keeper == null ? s.getQualityDepartmentId() : keeper, actor(), today(), now()));
    }

    /**
     * The keeping department's decision on a sealed sample at the end of its keep period (after the reminder, or at
     * any time): {@code EXTEND} to a later keep-until date, {@code RESEAL} anew (location, keep-until), or
     * {@code DISPOSE} of it (status {@code DISPOSED}, how in the note). Who and when are recorded on the sample, in
     * its history and the audit trail; the next keep period is reminded again before it ends.
     */
    public Detail keep(long id, SampleCommands.Keep cmd) {
        SampleCommands.Keep c = cmd == null ? new SampleCommands.Keep(null, null, null, null, null) : cmd;
        String decision = c.decision() == null ? "" : c.decision().trim().toUpperCase(Locale.ROOT);
        return switch (decision) {
            case "EXTEND" -> change(id, c.version(), "KEEP_EXTEND", s -> s.extendKeep(c.keepUntil(), c.note(),
                    actor(), today(), now()));
            case "RESEAL" -> change(id, c.version(), "RESEAL", s -> s.reseal(c.location(), c.keepUntil(), c.note(),
                    actor(), today(), now()));
            case "DISPOSE" -> change(id, c.version(), "DISPOSE", s -> s.dispose(c.note(), actor(), now()));
            default -> throw new InvalidInputException("decision", "one-of", Text.of("error.sample.keep-decision"));
        };
    }

    /**
     * The sealed samples kept by a department whose keep period ends within {@code noticeDays} or has ended, or that
     * the keep job has reminded it of: what the keeping department has to decide on.
     */
    @Transactional(readOnly = true)
    public List<SealedSample> keepDue(long departmentId, int noticeDays) {
        return sealed("""
                s.keeping_department_id = :dept and (s.sealed_until <= :limit or exists (select 1 from
                sample_keep_notice n where n.sample_id = s.id and n.keep_until = s.sealed_until))""",
                Map.of("dept", departmentId, "limit", today().plusDays(noticeDays)));
    }

    /** The default retention of a sealed sample in years ({@code careloop.samples.seal-retention-years}). */
    public int retentionYears() {
        return retentionYears;
    }

    /** The retention date a sealing today gets by default. */
    public LocalDate defaultKeepUntil() {
        return today().plusYears(retentionYears);
    }

    // ---- the customer's personal link --------------------------------------------------------

    /** The purpose of the customer's links (also the audit record type they are recorded under). */
    public static final String LINK_PURPOSE = RECORD_TYPE;
    public static final String LINK_PATH = "/public/sample-confirmations/";
    public static final String CUSTOMER_ACTOR = "顾客（个人链接）";
    static final int LINK_DAYS = 30;

    /**
     * A personal link for the customer to approve or reject the sample sent (no login, valid 30 days, a new one
     * replaces the old); mailed after commit when an address is given, in the language chosen (zh-CN by default).
     */
    public SampleViews.Link issueLink(long id, SampleCommands.SendLink cmd) {
        Sample s = load(id);
        String email = cmd == null || cmd.email() == null || cmd.email().isBlank() ? null : cmd.email().trim();
        Locale language = cmd == null || cmd.language() == null || cmd.language().isBlank() ? Locale.SIMPLIFIED_CHINESE
                : Locale.forLanguageTag(cmd.language().trim());
        audit.change(s, null, s.getVersion(), "CUSTOMER_LINK", x -> {
            x.requireSent("link");
            x.noted("LINK_ISSUED", actor(), now(), null);
        }, samples::saveAndFlush);
        CustomerLinks.IssuedLink link = links.issue(LINK_PURPOSE, id, LINK_PATH, LINK_DAYS);
        if (email != null) {
            links.mail(link, email, language, Text.of("sample.link.mail.subject", s.getCode()),
                    Text.of("sample.link.mail.body", s.getCode(), s.getItemName()));
            s.noted("LINK_MAILED", actor(), now(), Text.literal(email));
            samples.saveAndFlush(s);
        }
        return new SampleViews.Link(link.id(), link.url(), link.expiresOn());
    }

    /** What the link's page shows (also for an expired or answered link); empty for an unknown token. */
    @Transactional(readOnly = true)
    public Optional<SampleViews.PublicConfirmation> byLink(String token) {
        return links.resolve(LINK_PURPOSE, token).flatMap(t -> samples.findById(t.recordId()).map(s -> {
            var r = s.getRounds().stream().filter(x -> x.getSentOn() != null)
                    .reduce((a, b) -> b).orElse(s.current());
            var sample = new SampleViews.PublicSample(s.getCode(), s.getItemName(), s.getSpec(),
                    s.getCustomerName(), r.getRoundNo(), plain(r.getQuantitySent()), r.getSentOn(),
                    r.getInspectionCode(), r.getInspectionPassed());
            return new SampleViews.PublicConfirmation(sample, t.expiresOn(), t.expired(),
                    t.answered() || s.getStatus() != SampleStatus.SENT);
        }));
    }

    /**
     * The customer's answer through the link, once: approved, or rejected with the reason (then the next round goes
     * to production). Unknown 404; expired, replaced or answered 409; bad input 422 and the link stays open.
     */
    public void confirmByLink(String token, Boolean approved, String note) {
        CustomerLinks.LinkTarget target = links.answer(LINK_PURPOSE, token);
        Sample s = samples.findById(target.recordId()).orElseThrow(() -> new NotFoundException(RECORD_TYPE,
                target.recordId()));
        if (s.getStatus() != SampleStatus.SENT) {
            throw new DomainException("link.answered", Text.of("link.answered"));
        }
        audit.change(s, null, s.getVersion(), Boolean.FALSE.equals(approved) ? "REJECT" : "APPROVE",
                x -> x.confirm(approved, note, null, "LINK", CUSTOMER_ACTOR, today(), now()), samples::saveAndFlush);
        pointAtCurrentRound(s); // a rejection opened the next round
    }

    // ---- files -------------------------------------------------------------------------------

    /** An attachment of the notice (drawings, the customer's requirements), checked by its bytes. */
    public SampleViews.File attach(long id, String fileName, String contentType, byte[] bytes) {
        Sample s = load(id);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.property.required", "file"));
        }
        StoredFiles.StoredFile f = files.store(RECORD_TYPE, s.getId(), FILE_SLOT, files.check(fileName, contentType,
                bytes));
        s.noted("FILE_ADDED", actor(), now(), Text.literal(f.fileName()));
        samples.saveAndFlush(s);
        return fileView(f);
    }

    public org.springframework.http.ResponseEntity<byte[]> download(long id, long fileId) {
        load(id);
        StoredFiles.StoredFile f = files.find(fileId).filter(x -> RECORD_TYPE.equals(x.ownerType())
                && x.ownerId() == id).orElseThrow(() -> new NotFoundException("stored-file", fileId));
        return UploadedFiles.download(f.fileName(), f.contentType(), files.content(f.id()));
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(load(id));
    }

    /**
     * The sealed master samples of a customer for a product (by item name, case-insensitive, spaces trimmed), newest
     * first — the reference for production and for complaints about that product. Not limited by the reader's scope:
     * the caller's module decides who sees it.
     */
    @Transactional(readOnly = true)
    public List<SealedSample> sealedFor(long customerId, String product) {
        if (product == null || product.isBlank()) {
            return List.of();
        }
        return sealed("s.customer_id = :customer and lower(s.item_name) = :product", Map.of("customer", customerId,
                "product", product.trim().toLowerCase(Locale.ROOT)));
    }

    /** All sealed master samples of a customer (the customer page), newest first. */
    @Transactional(readOnly = true)
    public List<SealedSample> sealedOf(long customerId) {
        return sealed("s.customer_id = :customer", Map.of("customer", customerId));
    }

    private List<SealedSample> sealed(String where, Map<String, Object> params) {
        return jdbc.sql("""
                select s.id, s.code, s.customer_id, s.item_name, s.spec, s.sealed_location, s.sealed_until,
                       s.sealed_on, s.sealed_by, s.round_no
                from sample s where s.status = 'SEALED'""" + " and " + where + " order by s.sealed_on desc, s.id desc")
                .params(params).query((rs, n) -> new SealedSample(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getString(9), rs.getInt(10))).list();
    }

    static final Map<String, ListSort.Column> SORTS = Map.of(
            "code", ListSort.Column.text("s.code"),
            "itemName", ListSort.Column.text("s.item_name"),
            "sentOn", ListSort.Column.date("coalesce(r.sent_on, date '1900-01-01')"),
            "requiredOn", ListSort.Column.date("s.required_on"));

    /**
     * The sample dispatch register (样品发送登记表): one line per round of a sample, newest first (or by a column),
     * keyset-paged, within the reader's scope.
     */
    @Transactional(readOnly = true)
    public Page search(Filter f, String sort, String cursor, int limit) {
        Filter filter = f == null ? Filter.none() : f;
        // filtered by status, the lines are the current rounds of the samples in that status: keyed by the sample's
        // current_round_id (V184, equal to r.id on those lines), so the page walks (status, current_round_id) newest
        // first and stops when full instead of collecting every sample in the status and its round before sorting
        ListSort order = ListSort.parse(sort, SORTS, filter.status() != null ? "s.current_round_id" : "r.id", "-id");
        // each statement planned for its own values: a generic plan cached by the driver after five runs served a
        // rare fragment with the plan of a common one and read the whole register (PropertySearchPlanTest)
        SearchPlanning.customPlans(jdbc, postgres);
        CurrentUser me = users.require();
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select r.id, s.id, s.code, r.round_no, s.customer_id, s.customer_name, s.item_name, s.spec, s.quantity, s.unit,
                       r.received_on, s.salesperson_name, r.inspection_code, r.inspection_passed, r.quantity_sent,
                       r.sent_on, r.courier, r.tracking_no, r.confirmation, r.confirmed_on, r.remark, s.status,
                       s.required_on""")
                .append(order.selectColumn())
                // filtered by status: each sample's current round, joined by its id alone (a second join condition,
                // r.sample_id = s.id, would make the planner expect one row and collect before sorting again)
                .append(filter.status() != null ? " from sample s join sample_round r on r.id = s.current_round_id"
                        : " from sample_round r join sample s on s.id = r.sample_id")
                .append(" where ").append(visible(me, params));
        if (filter.customerId() != null) {
            sql.append(" and s.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.salespersonId() != null) {
            sql.append(" and s.salesperson_id = :salesperson");
            params.put("salesperson", filter.salespersonId());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.sentFrom() != null) {
            sql.append(" and r.sent_on >= :sentFrom");
            params.put("sentFrom", filter.sentFrom());
        }
        if (filter.sentTo() != null) {
            sql.append(" and r.sent_on <= :sentTo");
            params.put("sentTo", filter.sentTo());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            // the rounds found by their sample's number or name, or by their own tracking number. The samples are
            // taken first through their trigram indexes, then their rounds through (sample_id, round_no): as one
            // join the planner hashed it over every round (a parallel scan of 200,000 rounds for 2,000 matches of
            // 瓶盖样品07, PropertyBench); a whole sample number is one probe of its unique index
            String q = "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%";
            Long byNumber = TextMatches.byNumber(jdbc, "sample", filter.q());
            List<Long> sampleIds = byNumber != null ? List.of(byNumber) : SearchPlanning.bitmapScansOnly(jdbc, postgres,
                    () -> TextMatches.few(jdbc, "select x.id from sample x where lower(x.code) like :q"
                            + " or lower(x.item_name) like :q", Map.of("q", q)));
            List<Long> tracked = byNumber != null ? List.of() : SearchPlanning.bitmapScansOnly(jdbc, postgres,
                    () -> TextMatches.few(jdbc, "select y.id from sample_round y where lower(y.tracking_no) like :q",
                            Map.of("q", q)));
            List<Long> roundIds = sampleIds == null || tracked == null ? null : new java.util.ArrayList<>(tracked);
            if (roundIds != null && !sampleIds.isEmpty()) {
                roundIds.addAll(jdbc.sql("select y.id from sample_round y where y.sample_id in (:samples)")
                        .param("samples", sampleIds).query(Long.class).list());
            }
            if (roundIds == null || roundIds.size() > TextMatches.CAP) {
                // a common fragment: filtered while the page walks the sort index
                sql.append(" and r.id in (select y.id from sample_round y join sample x on x.id = y.sample_id"
                        + " where lower(x.code) like :q or lower(x.item_name) like :q"
                        + " union select y.id from sample_round y where lower(y.tracking_no) like :q)");
                params.put("q", q);
            } else if (roundIds.isEmpty()) {
                return new Page(List.of(), null);
            } else {
                sql.append(" and r.id in (:matches)");
                params.put("matches", roundIds);
            }
        }
        order.after(cursor, sql, params);
        sql.append(order.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        // the round id comes first: it is the register's key and the cursor (ListSort reads column 1 as the id)
        var slice = order.page(jdbc.sql(sql.toString()).params(params).query(order.mapper((rs, n) -> new Row(
                rs.getLong(2), rs.getLong(1), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), plain(rs.getBigDecimal(9)), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13),
                (Boolean) rs.getObject(14), plain(rs.getBigDecimal(15)), rs.getObject(16, LocalDate.class),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getObject(20, LocalDate.class),
                rs.getString(21), SampleStatus.valueOf(rs.getString(22)), rs.getObject(23, LocalDate.class))))
                .list(), limit);
        return new Page(slice.items(), slice.nextCursor());
    }

    /**
     * What the reader may see as a condition on {@code sample s}: the data scope over the sales, production or
     * quality department of the sample, or the reader's own samples.
     */
    private String visible(CurrentUser me, Map<String, Object> params) {
        var sales = me.scope().condition("s.sales_department_id", "s.salesperson_id");
        var production = me.scope().condition("s.production_department_id", "s.salesperson_id");
        var quality = me.scope().condition("s.quality_department_id", "s.salesperson_id");
        var keeping = me.scope().condition("s.keeping_department_id", "s.salesperson_id");
        params.putAll(sales.params());
        return "(" + sales.sql() + " or " + production.sql() + " or " + quality.sql() + " or " + keeping.sql() + ")";
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Detail change(long id, Long version, String action, Consumer<Sample> step) {
        Sample s = load(id);
        audit.change(s, version, s.getVersion(), action, step, samples::saveAndFlush);
        pointAtCurrentRound(s); // a failed inspection or a rejection opened the next round
        return view(s);
    }

    /**
     * Keeps {@code sample.current_round_id} (V184, the register's key when it is filtered by status) on the current
     * round once its id exists (after the flush). Not mapped on the entity: it is derived, changes no version and is
     * written only when the round changed.
     */
    private void pointAtCurrentRound(Sample s) {
        Long round = s.current().getId();
        jdbc.sql("""
                update sample set current_round_id = :round
                where id = :id and (current_round_id is null or current_round_id <> :round)""")
                .param("round", round).param("id", s.getId()).update();
    }

    /** The sample if the reader may see it; the system (and the customer's link) sees all. Else 404. */
    Sample load(long id) {
        Sample s = samples.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        CurrentUser me = users.current().orElse(null);
        if (me != null && !me.scope().allows(s.getSalesDepartmentId(), s.getSalespersonId())
                && !me.scope().allows(s.getProductionDepartmentId()) && !me.scope().allows(s.getQualityDepartmentId())
                && (s.getKeepingDepartmentId() == null || !me.scope().allows(s.getKeepingDepartmentId()))) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return s;
    }

    private Detail view(Sample s) {
        List<Round> rounds = s.getRounds().stream().map(r -> new Round(r.getId(), r.getRoundNo(), r.getReason(),
                r.getMadeOn(), plain(r.getQuantityMade()), r.getParameters(), r.getMadeBy(), r.getInspectionCode(),
                r.getInspectionPassed(), r.getInspectorName(), r.getInspectedOn(), r.getInspectionNote(),
                r.getMeasurements().stream().map(m -> new SampleViews.Measurement(m.getCharacteristic(),
                        m.getRequirement(), m.getMeasured(), m.isOk())).toList(),
                r.getReceivedOn(), plain(r.getQuantitySent()), r.getSentOn(), r.getCourier(), r.getTrackingNo(),
                r.getRemark(), r.getDispatchedBy(), r.getConfirmation(), r.getConfirmedOn(), r.getConfirmationNote(),
                r.getConfirmedVia())).toList();
        List<TimelineEntry> timeline = s.getEvents().stream().map(e -> new TimelineEntry(e.getKind(),
                odt(e.getOccurredAt()), e.getActor(), e.getNoteText() == null ? e.getNote()
                : texts.stored(e.getNoteText()))).toList();
        SampleViews.Seal seal = s.getSealedOn() == null ? null : new SampleViews.Seal(s.getSealedLocation(),
                s.getSealedUntil(), s.getSealedBy(), s.getSealedOn(), s.getKeepingDepartmentId(),
                departmentName(s.getKeepingDepartmentId()), s.getKeepDecision(), s.getKeepDecidedBy(),
                odt(s.getKeepDecidedAt()));
        return new Detail(s.getId(), s.getCode(), s.getVersion(), s.getCustomerId(), s.getCustomerName(),
                s.getItemName(), s.getSpec(), plain(s.getQuantity()), s.getUnit(), s.getRequiredOn(),
                s.getRequirements(), s.getSalespersonId(), s.getSalespersonName(), s.getProductionDepartmentId(),
                departmentName(s.getProductionDepartmentId()), s.getStatus(), s.getRoundNo(), s.getInabilityReason(),
                seal, rounds, files.list(RECORD_TYPE, s.getId()).stream().map(this::fileView).toList(), timeline);
    }

    private SampleViews.File fileView(StoredFiles.StoredFile f) {
        return new SampleViews.File(f.id(), f.fileName(), f.contentType(), f.size(), odt(f.storedAt()));
    }

    private static BigDecimal plain(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros();
    }

    private long departmentByCode(String code) {
        return directory.departmentByCode(code).filter(OrgDirectory.Department::active).map(OrgDirectory.Department::id)
                .orElseThrow(() -> new InvalidInputException("productionDepartmentId", "required",
                        Text.of("error.property.owner-required", code)));
    }

    private long department(String field, long id) {
        if (directory.department(id).filter(OrgDirectory.Department::active).isEmpty()) {
            throw new InvalidInputException(field, "exists", Text.of("error.property.no-department", id));
        }
        return id;
    }

    private String departmentName(Long id) {
        return id == null ? null : directory.department(id).map(OrgDirectory.Department::name).orElse(null);
    }

    String actor() {
        return users.current().map(CurrentUser::displayName).orElse(SYSTEM_ACTOR);
    }

    Instant now() {
        return Instant.now(clock);
    }

    /** Today in the company's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    Optional<Sample> find(long id) {
        return samples.findById(id);
    }
}
