package com.careloop.reporting.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.customer.CustomerDirectory;
import com.careloop.customer.KeyCustomers;
import com.careloop.platform.ApprovalCompleted;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;
import com.careloop.reporting.report.ReportCommands.Generate;
import com.careloop.reporting.report.ReportViews.Detail;
import com.careloop.reporting.report.ReportViews.Filter;
import com.careloop.reporting.report.ReportViews.Page;
import com.careloop.reporting.report.ReportViews.Row;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic reports: generate a kind for a period (the kind's builder asks the figure sources; the content is
 * frozen as JSON and numbered), write the free texts, submit, approve or return, regenerate into a new revision,
 * list and read them, and their files. Every write leaves its audit entry in the same transaction. Also what
 * scheduled delivery needs ({@link ReportFiles}).
 */
@Service
@Transactional
public class Reports implements ReportFiles {

    /** The record types of the record numbers, per kind (rules declared by {@link ReportSetup}). */
    static final Map<ReportKind, String> RECORD_TYPES = new EnumMap<>(Map.of(
            ReportKind.WEEKLY, "report-weekly",
            ReportKind.MONTHLY_ASSESSMENT, "report-assessment",
            ReportKind.CUSTOMER_MONTHLY, "report-customer-monthly",
            ReportKind.MANAGEMENT_REVIEW, "report-management-review"));

    /** The subject type of report approvals. */
    static final String APPROVAL_SUBJECT = "report";

    private final ReportRepository reports;
    private final Map<ReportKind, ReportBuilder> builders = new EnumMap<>(ReportKind.class);
    private final ReportContentJson contentJson;
    private final ReportRendering rendering;
    private final ReportDocuments documents;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final KeyCustomers keyCustomers;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final Approvals approvals;
    private final Clock clock;
    private final ZoneId zone;

    Reports(ReportRepository reports, List<ReportBuilder> builders, ReportContentJson contentJson,
            ReportRendering rendering, ReportDocuments documents, RecordNumbers numbers, AuditTrail audit,
            CurrentUsers users, KeyCustomers keyCustomers, CustomerDirectory customers, JdbcClient jdbc,
            Approvals approvals, Clock clock, CareLoopProperties properties) {
        this.reports = reports;
        builders.forEach(b -> this.builders.put(b.kind(), b));
        this.contentJson = contentJson;
        this.rendering = rendering;
        this.documents = documents;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.keyCustomers = keyCustomers;
        this.customers = customers;
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.clock = clock;
        this.zone = properties.zone();
    }

    // ---- generate --------------------------------------------------------------------------------

    /** A new report (revision 1) of a kind for a period; 409 when the period already has one (regenerate it). */
    public Detail generate(Generate command) {
        return view(generated(command));
    }

    Report generated(Generate command) {
        ReportPeriod period = period(command);
        Long customerId = customer(command.kind(), command.customerId());
        builder(command.kind());
        reports.findByCurrentKey(Report.seriesKey(command.kind(), period, customerId)).ifPresent(existing -> {
            throw new DomainException("report.exists", Text.of("error.report.exists", existing.getNumber()),
                    Map.of("id", existing.getId(), "number", existing.getNumber()));
        });
        return create(command.kind(), period, customerId, 1, Map.of());
    }

    /**
     * The report of a period as it is now: a new revision with fresh figures; the current one is kept, superseded,
     * and its texts carried over. A report waiting for approval is refused (return it first); an approved one gives a
     * draft that needs approval again.
     */
    public Detail regenerate(long id, Long version) {
        Report old = find(id);
        Versions.requireCurrentIfGiven(version, old.getVersion(), Report.RECORD_TYPE, old.getNumber());
        builder(old.getKind());
        var before = old.auditState();
        old.supersede(Instant.now(clock));
        reports.saveAndFlush(old);
        audit.changed(old, "SUPERSEDE", before);
        return view(create(old.getKind(), old.period(), old.getCustomerId(), old.getRevision() + 1, old.getTexts()));
    }

    private Report create(ReportKind kind, ReportPeriod period, Long customerId, int revision, Map<String, String> texts) {
        ReportContent content = builder(kind).build(period, customerId);
        String customerName = customerId == null ? null
                : customers.card(customerId).map(c -> c.name()).orElse("#" + customerId);
        Report r = Report.generated(numbers.next(RECORD_TYPES.get(kind)), kind, period, customerId, customerName,
                revision, contentJson.write(content), texts, actor(), Instant.now(clock));
        reports.saveAndFlush(r);
        audit.created(r);
        return r;
    }

    // ---- steps -----------------------------------------------------------------------------------

    public Detail writeTexts(long id, ReportCommands.WriteTexts command) {
        return view(textsWritten(id, command));
    }

    Report textsWritten(long id, ReportCommands.WriteTexts command) {
        Report r = find(id);
        Versions.requireCurrent(command.version(), r.getVersion(), Report.RECORD_TYPE, r.getNumber());
        var before = r.auditState();
        r.writeTexts(command.texts());
        return saved(r, "WRITE_TEXTS", before);
    }

    public Detail submit(long id, Long version) {
        return view(submitted(id, version));
    }

    Report submitted(long id, Long version) {
        Report r = find(id);
        Versions.requireCurrentIfGiven(version, r.getVersion(), Report.RECORD_TYPE, r.getNumber());
        var before = r.auditState();
        Report.Actor by = actor();
        r.submit(by, Instant.now(clock));
        saved(r, "SUBMIT", before);
        startApproval(r, by.id());
        return r;
    }

    /** The approval of a submitted report runs on the chain {@code report.<KIND>} of the platform's approvals. */
    private void startApproval(Report r, Long requesterId) {
        approvals.start(new ApprovalSubject(APPROVAL_SUBJECT, r.getId(), r.getNumber(), r.title(),
                "/reports/" + r.getId(), null), "report." + r.getKind().name(), requesterId);
    }

    public Detail approve(long id, Long version) {
        return view(approved(id, version));
    }

    Report approved(long id, Long version) {
        Report r = find(id);
        Versions.requireCurrentIfGiven(version, r.getVersion(), Report.RECORD_TYPE, r.getNumber());
        r.requireAwaitingDecision("approve");
        decide(r, ApprovalDecision.APPROVE, null);
        return r;
    }

    public Detail returnForRework(long id, ReportCommands.Return command) {
        return view(returned(id, command));
    }

    Report returned(long id, ReportCommands.Return command) {
        Report r = find(id);
        Versions.requireCurrentIfGiven(command.version(), r.getVersion(), Report.RECORD_TYPE, r.getNumber());
        r.requireAwaitingDecision("return");
        if (command.comment() == null || command.comment().isBlank()) {
            throw new InvalidInputException("comment", "required", Text.of("error.report.return-comment-required"));
        }
        decide(r, ApprovalDecision.REJECT, command.comment());
        return r;
    }

    /**
     * The signed-in approver decides their task of the report's approval; a report submitted before approvals existed
     * gets its approval started first. The report changes when the approval ends ({@link #approvalCompleted}).
     */
    private void decide(Report r, ApprovalDecision decision, String comment) {
        if (!approvals.isOpen(APPROVAL_SUBJECT, r.getId())) {
            startApproval(r, r.getGeneratedBy());
        }
        approvals.decideOn(APPROVAL_SUBJECT, r.getId(), decision, comment);
    }

    /**
     * The approval of a report ended (synchronously, in the deciding transaction): approved → the report is approved
     * by the last approver; rejected → back to draft with the approver's comment; withdrawn → back to draft.
     */
    @EventListener
    void approvalCompleted(ApprovalCompleted event) {
        if (!APPROVAL_SUBJECT.equals(event.subjectType())) {
            return;
        }
        Report r = find(event.subjectId());
        var before = r.auditState();
        Report.Actor by = new Report.Actor(event.deciderId(), event.deciderName());
        switch (event.outcome()) {
            case APPROVED -> {
                r.approve(by, event.at());
                saved(r, "APPROVE", before);
            }
            case REJECTED -> {
                r.returnForRework(event.comment(), by, event.at());
                saved(r, "RETURN", before);
            }
            case WITHDRAWN -> {
                r.returnForRework(event.comment() == null ? "-" : event.comment(), by, event.at());
                saved(r, "WITHDRAW", before);
            }
        }
    }

    /** Who was asked to approve the report, who decided what and when, oldest first. */
    @Transactional(readOnly = true)
    public List<ApprovalTrailEntry> approvalTrail(long id) {
        return approvals.trail(APPROVAL_SUBJECT, id);
    }

    private Report saved(Report r, String action, Map<String, Object> before) {
        reports.saveAndFlush(r);
        audit.changed(r, action, before);
        return r;
    }

    // ---- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id, Locale locale) {
        return rendering.detail(find(id), locale);
    }

    /** Current revisions, newest period first (keyset: the cursor is the last row's "period_id"). */
    @Transactional(readOnly = true)
    public Page search(Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select * from report where current_key is not null");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.year() != null) {
            sql.append(" and period_first >= :yearFrom and period_first < :yearTo");
            params.put("yearFrom", LocalDate.of(filter.year(), 1, 1));
            params.put("yearTo", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = cursor.split("_");
            try {
                params.put("cFirst", LocalDate.parse(parts[0]));
                params.put("cId", Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.report.cursor"));
            }
            sql.append(" and (period_first < :cFirst or (period_first = :cFirst and id < :cId))");
        }
        sql.append(" order by period_first desc, id desc limit ").append(limit + 1);
        List<Long> ids = jdbc.sql(sql.toString().replace("select *", "select id")).params(params)
                .query(Long.class).list();
        List<Row> rows = new ArrayList<>();
        for (Long id : ids.subList(0, Math.min(limit, ids.size()))) {
            rows.add(row(reports.findById(id).orElseThrow()));
        }
        String next = ids.size() > limit ? rows.get(rows.size() - 1).first() + "_" + rows.get(rows.size() - 1).id() : null;
        return new Page(rows, next);
    }

    /** Every revision of the report's series, newest first. */
    @Transactional(readOnly = true)
    public List<Row> revisions(long id) {
        return reports.findBySeriesKeyOrderByRevisionDesc(find(id).getSeriesKey()).stream().map(this::row).toList();
    }

    private Row row(Report r) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Row(r.getId(), r.getNumber(), r.getKind(), rendering.kindLabel(r.getKind(), locale),
                rendering.render(r.title(), locale), r.getPeriodFirst(), r.getPeriodLast(), r.getCustomerId(),
                r.getCustomerName(), r.getRevision(), r.isCurrent(), r.getStatus(), rendering.time(r.getGeneratedAt()),
                rendering.person(r.getGeneratedByName()), rendering.time(r.getApprovedAt()),
                rendering.person(r.getApprovedByName()));
    }

    /** The reports' kinds that can be generated here (those with a builder). */
    public List<ReportKind> kinds() {
        return List.of(ReportKind.values()).stream().filter(builders::containsKey).toList();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return reports.count() > 0;
    }

    // ---- ReportFiles -----------------------------------------------------------------------------

    @Override
    public long ensure(ReportKind kind, ReportPeriod period, Long customerId) {
        requireShape(kind, period);
        Long customer = customer(kind, customerId);
        builder(kind);
        return reports.findByCurrentKey(Report.seriesKey(kind, period, customer)).map(Report::getId)
                .orElseGet(() -> create(kind, period, customer, 1, Map.of()).getId());
    }

    @Override
    @Transactional(readOnly = true)
    public String number(long reportId) {
        return find(reportId).getNumber();
    }

    @Override
    @Transactional(readOnly = true)
    public Text title(long reportId) {
        return find(reportId).title();
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(long reportId, Locale locale) {
        return documents.pdf(rendering.detail(find(reportId), locale), locale);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] xlsx(long reportId, Locale locale) {
        return documents.xlsx(rendering.detail(find(reportId), locale), locale);
    }

    // ---- rules -----------------------------------------------------------------------------------

    /**
     * The period of a generate request: {@code first} any day in it, or year (and month); it must have begun, and a
     * given {@code last} must be the period's last day (a week is Monday to Sunday).
     */
    ReportPeriod period(Generate c) {
        ReportPeriod.Kind kind = c.kind().periodKind();
        ReportPeriod period;
        if (c.first() != null) {
            period = switch (kind) {
                case WEEK -> ReportPeriod.week(c.first());
                case MONTH -> ReportPeriod.month(YearMonth.from(c.first()));
                case YEAR -> ReportPeriod.year(c.first().getYear());
                default -> throw new IllegalStateException("no report of " + kind);
            };
        } else {
            if (c.year() == null || c.year() < 2000 || c.year() > 2100) {
                throw new InvalidInputException(c.year() == null ? "first" : "year", "required",
                        Text.of("error.report.period-required", Text.label("report.periodKind", kind)));
            }
            period = switch (kind) {
                case WEEK -> throw new InvalidInputException("first", "required",
                        Text.of("error.report.period-required", Text.label("report.periodKind", kind)));
                case MONTH -> {
                    if (c.month() == null || c.month() < 1 || c.month() > 12) {
                        throw new InvalidInputException("month", "range", Text.of("error.report.month-range"));
                    }
                    yield ReportPeriod.month(YearMonth.of(c.year(), c.month()));
                }
                case YEAR -> ReportPeriod.year(c.year());
                default -> throw new IllegalStateException("no report of " + kind);
            };
        }
        if (c.last() != null && !c.last().equals(period.last())) {
            throw new InvalidInputException("last", "period-end", Text.of("error.report.period-end",
                    Text.label("report.periodKind", kind), period.first(), period.last()));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (period.first().isAfter(today)) {
            throw new InvalidInputException("first", "not-started", Text.of("error.report.period-not-started",
                    period.first()));
        }
        return period;
    }

    /** A period handed in by code (scheduled delivery): the kind's period kind, whole (a week Monday–Sunday). */
    static void requireShape(ReportKind kind, ReportPeriod period) {
        ReportPeriod whole = switch (kind.periodKind()) {
            case WEEK -> ReportPeriod.week(period.first());
            case MONTH -> ReportPeriod.month(YearMonth.from(period.first()));
            case YEAR -> ReportPeriod.year(period.first().getYear());
            default -> null;
        };
        if (period.kind() != kind.periodKind() || !period.equals(whole)) {
            throw new InvalidInputException("period", "period-kind", Text.of("error.report.period-shape",
                    Text.label("report.kind", kind), Text.label("report.periodKind", kind.periodKind())));
        }
    }

    /** The customer of a customer's monthly report must be an active key customer; other kinds have none. */
    private Long customer(ReportKind kind, Long customerId) {
        if (kind != ReportKind.CUSTOMER_MONTHLY) {
            if (customerId != null) {
                throw new InvalidInputException("customerId", "not-allowed", Text.of("error.report.customer-not-allowed",
                        Text.label("report.kind", kind)));
            }
            return null;
        }
        if (customerId == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.report.customer-required"));
        }
        if (!keyCustomers.isKey(customerId)) {
            throw new InvalidInputException("customerId", "key-customer", Text.of("error.report.customer-not-key",
                    String.valueOf(customerId)));
        }
        return customerId;
    }

    private ReportBuilder builder(ReportKind kind) {
        ReportBuilder b = builders.get(kind);
        if (b == null) {
            throw new InvalidInputException("kind", "no-builder", Text.of("error.report.no-builder",
                    Text.label("report.kind", kind)));
        }
        return b;
    }

    private Report find(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException(Report.RECORD_TYPE, id));
    }

    private Report.Actor actor() {
        return users.current().map(u -> new Report.Actor(u.id(), u.displayName()))
                .orElse(new Report.Actor(null, CurrentUsers.SYSTEM));
    }

    private Detail view(Report r) {
        return rendering.detail(r, LocaleContextHolder.getLocale());
    }
}
