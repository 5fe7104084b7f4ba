package com.careloop.fieldservice.failure;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.failure.WarrantyViews.Analyse;
import com.careloop.fieldservice.failure.WarrantyViews.Detail;
import com.careloop.fieldservice.failure.WarrantyViews.Page;
import com.careloop.fieldservice.failure.WarrantyViews.RecordPart;
import com.careloop.fieldservice.failure.WarrantyViews.Row;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warranty-part defect feedback (不良品(三包件)信息反馈表 Q/JL100101): a part returned from a field service or a claim is
 * recorded (numbered {@code SB…}), a failure-history row is added for it, and it is sent to quality (a notification
 * and a work line); quality records the analysis (cause, responsibility, action — copied onto the failure row) and
 * closes it. Every step is one transaction with its audit entry.
 */
@Service
@Transactional
public class WarrantyFeedbacks {

    public static final String RECORD_TYPE = WarrantyFeedback.RECORD_TYPE;
    public static final String API = "/api/v1/warranty-parts";

    private final WarrantyFeedbackRepository feedbacks;
    private final ProductFailureRepository failureRows;
    private final ProductFailures failures;
    private final SourceRecords sources;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    WarrantyFeedbacks(WarrantyFeedbackRepository feedbacks, ProductFailureRepository failureRows,
                      ProductFailures failures, SourceRecords sources, RecordNumbers numbers, AuditTrail audit,
                      CurrentUsers users, Notifications notifications, OrgDirectory org, JdbcClient jdbc,
                      Clock clock, CareLoopProperties platform) {
        this.feedbacks = feedbacks;
        this.failureRows = failureRows;
        this.failures = failures;
        this.sources = sources;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    /** Records a returned part, adds its failure row and tells quality. Bad input: 422 naming the field, nothing saved. */
    public Detail record(RecordPart cmd) {
        if (cmd == null) {
            throw ProductFailures.required("sourceType");
        }
        if (cmd.sourceType() != null && cmd.sourceType() != FailureSource.FIELD_SERVICE
                && cmd.sourceType() != FailureSource.CLAIM) {
            throw new InvalidInputException("sourceType", "one-of", Text.of("error.fieldhistory.warranty-source"));
        }
        if (cmd.part() == null || cmd.part().isBlank()) {
            throw ProductFailures.required("part");
        }
        if (cmd.quantity() == null) {
            throw ProductFailures.required("quantity");
        }
        if (cmd.quantity() < 1 || cmd.quantity() > 100_000) {
            throw new InvalidInputException("quantity", "min", Text.of("error.fieldhistory.quantity"));
        }
        if (cmd.failureDescription() == null || cmd.failureDescription().isBlank()) {
            throw ProductFailures.required("failureDescription");
        }
        ProductFailure.Facts facts = new ProductFailure.Facts(cmd.product(), cmd.part(), cmd.serialNo(), cmd.batchNo(),
                cmd.failedOn(), cmd.mode() == null ? null : cmd.mode().trim(), cmd.failureDescription(), null, null);
        if (cmd.qualityUserId() != null && org.user(cmd.qualityUserId()).filter(OrgDirectory.User::active).isEmpty()) {
            throw new InvalidInputException("qualityUserId", "exists", Text.of("error.fieldhistory.no-user",
                    cmd.qualityUserId()));
        }
        failures.validate(facts);
        SourceRecords.Source source = sources.resolve(cmd.sourceType(), cmd.sourceId(), cmd.sourceCode());
        WarrantyFeedback w = WarrantyFeedback.record(numbers.next(RECORD_TYPE), source,
                new WarrantyFeedback.Part(cmd.product(), cmd.part(), cmd.quantity(), cmd.serialNo(), cmd.batchNo(),
                        cmd.failedOn(), facts.mode(), cmd.failureDescription()), cmd.qualityUserId(), actor(), now());
        ProductFailure row = failures.recordFrom(facts, new ProductFailure.Origin(source.type(), source.id(),
                source.code(), source.customerId(), source.customerName(), null));
        feedbacks.saveAndFlush(w);
        w.linkFailure(row.getId());
        feedbacks.saveAndFlush(w);
        audit.created(w);
        for (long recipient : quality(w.getQualityUserId())) {
            notifications.notify(recipient, Text.of("fieldhistory.notify.warranty.title", w.getCode()),
                    Text.of("fieldhistory.notify.warranty.body", w.getPart(), w.getQuantity(), w.getProduct(),
                            w.getSourceCode()), "/warranty-parts/" + w.getId());
        }
        return view(w);
    }

    /** Quality's analysis: cause, responsibility and action (all required), also written onto the failure row. */
    public Detail analyse(long id, Analyse cmd) {
        Analyse a = cmd == null ? new Analyse(null, null, null, null) : cmd;
        WarrantyFeedback w = load(id);
        Versions.requireCurrentIfGiven(a.version(), w.getVersion(), RECORD_TYPE, w.getCode());
        if (a.cause() == null || a.cause().isBlank()) {
            throw ProductFailures.required("cause");
        }
        if (a.responsibility() == null) {
            throw ProductFailures.required("responsibility");
        }
        if (a.action() == null || a.action().isBlank()) {
            throw ProductFailures.required("action");
        }
        ProductFailures.length("cause", a.cause(), 2000);
        ProductFailures.length("action", a.action(), 2000);
        audit.change(w, a.version(), w.getVersion(), "ANALYSE",
                x -> x.analyse(a.cause(), a.responsibility(), a.action(), actor(), now()), feedbacks::saveAndFlush);
        if (w.getFailureId() != null) {
            failureRows.findById(w.getFailureId()).ifPresent(p -> audit.change(p, null, p.getVersion(), "ANALYSE",
                    x -> x.analysed(a.cause(), a.action()), failureRows::saveAndFlush));
        }
        return view(w);
    }

    public Detail close(long id, WarrantyViews.Close cmd) {
        WarrantyFeedback w = load(id);
        audit.change(w, cmd == null ? null : cmd.version(), w.getVersion(), "CLOSE", x -> x.close(now()),
                feedbacks::saveAndFlush);
        return view(w);
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return view(load(id));
    }

    /** The list, newest first, keyset-paged by id; {@code status} optional; {@code mine}: with me as quality. */
    @Transactional(readOnly = true)
    public Page search(WarrantyFeedback.Status status, Boolean mine, String cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, code, source_code, customer_name, product, part, quantity, failed_on, status, responsibility
                from warranty_feedback where 1=1""");
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (Boolean.TRUE.equals(mine)) {
            sql.append(" and quality_user_id = :me");
            params.put("me", users.require().id());
        }
        if (cursor != null && !cursor.isBlank()) {
            try {
                params.put("after", Long.parseLong(cursor));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.fieldhistory.cursor"));
            }
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getObject(8, java.time.LocalDate.class), WarrantyFeedback.Status.valueOf(rs.getString(9)),
                rs.getString(10) == null ? null : WarrantyFeedback.Responsibility.valueOf(rs.getString(10)))).list();
        boolean more = rows.size() > limit;
        List<Row> items = more ? rows.subList(0, limit) : rows;
        return new Page(items, more ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    /** The quality person, or every active holder of {@code fieldservice:failures} outside the administrator role. */
    private List<Long> quality(Long userId) {
        if (userId != null) {
            return List.of(userId);
        }
        return org.activeUsersGivenPermission(FieldHistoryPermissions.FAILURES).stream().map(OrgDirectory.User::id).toList();
    }

    private WarrantyFeedback load(long id) {
        return feedbacks.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private Detail view(WarrantyFeedback w) {
        String quality = w.getQualityUserId() == null ? null
                : org.user(w.getQualityUserId()).map(OrgDirectory.User::displayName).orElse(null);
        Map<String, String> names = failures.modeNames();
        return new Detail(w.getId(), w.getCode(), w.getVersion(), w.getSourceType(), w.getSourceId(),
                w.getSourceCode(), w.getSourceType().link(w.getSourceId()), w.getCustomerId(), w.getCustomerName(),
                w.getProduct(), w.getPart(), w.getQuantity(), w.getSerialNo(), w.getBatchNo(), w.getFailedOn(),
                w.getModeCode(), names.getOrDefault(w.getModeCode(), w.getModeCode()), w.getFailureDescription(),
                w.getStatus(), w.getQualityUserId(), quality, w.getCause(), w.getResponsibility(), w.getActionTaken(),
                w.getAnalysedBy(), odt(w.getAnalysedAt()), odt(w.getClosedAt()), w.getFailureId(),
                w.getCreatedByName(), odt(w.getCreatedAt()));
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private String actor() {
        return users.current().map(CurrentUser::displayName).orElse("系统");
    }
}
