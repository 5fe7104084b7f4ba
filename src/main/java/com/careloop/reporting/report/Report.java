package com.careloop.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One revision of a periodic report: its period, the figures frozen when it was generated (JSON of
 * {@link ReportContent}), the free-text parts people write, and its approval. DRAFT → SUBMITTED → APPROVED, a
 * submitted report can be returned to DRAFT with a comment; regenerating makes a new revision and supersedes this one,
 * which stays as it was (read-only). Every step checks the state and refuses what the life cycle forbids (409).
 */
@Entity
@Table(name = "report")
public class Report implements Auditable {

    static final String RECORD_TYPE = "report";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    @Enumerated(EnumType.STRING)
    private ReportPeriod.Kind periodKind;
    private LocalDate periodFirst;
    private LocalDate periodLast;
    private Long customerId;
    private String customerName;
    private String seriesKey;
    private String currentKey;
    private int revision;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    private String content;
    @Convert(converter = TextsColumn.class)
    @Column(name = "texts")
    private Map<String, String> texts = new LinkedHashMap<>();
    private Long generatedBy;
    private String generatedByName;
    private Instant generatedAt;
    private Long submittedBy;
    private String submittedByName;
    private Instant submittedAt;
    private Long approvedBy;
    private String approvedByName;
    private Instant approvedAt;
    private String returnedByName;
    private Instant returnedAt;
    private String returnComment;
    private Instant supersededAt;
    @Version
    private long version;

    protected Report() {
    }

    /** Who did a step: the user's id (null for a job) and display name. */
    public record Actor(Long id, String name) {
    }

    /** The series a report belongs to: kind, period and (customer monthly) customer. */
    static String seriesKey(ReportKind kind, ReportPeriod period, Long customerId) {
        return kind + "|" + period.first() + "|" + (customerId == null ? "-" : customerId);
    }

    /** A new revision with frozen content; texts carried over from the revision it replaces (or empty). */
    static Report generated(String number, ReportKind kind, ReportPeriod period, Long customerId, String customerName,
                            int revision, String content, Map<String, String> texts, Actor by, Instant now) {
        Report r = new Report();
        r.number = number;
        r.kind = kind;
        r.periodKind = period.kind();
        r.periodFirst = period.first();
        r.periodLast = period.last();
        r.customerId = customerId;
        r.customerName = customerName;
        r.seriesKey = seriesKey(kind, period, customerId);
        r.currentKey = r.seriesKey;
        r.revision = revision;
        r.status = ReportStatus.DRAFT;
        r.content = content;
        r.texts = new LinkedHashMap<>(texts);
        r.generatedBy = by.id();
        r.generatedByName = by.name();
        r.generatedAt = now;
        return r;
    }

    /** Replaces the free-text parts (only the kind's fields, each up to 4000 characters); a draft only. */
    public void writeTexts(Map<String, String> written) {
        requireCurrent();
        requireStatus("write-texts", ReportStatus.DRAFT);
        Map<String, String> next = new LinkedHashMap<>();
        for (var e : written.entrySet()) {
            if (!ReportTextFields.of(kind).contains(e.getKey())) {
                throw new InvalidInputException("texts." + e.getKey(), "unknown",
                        Text.of("error.report.text-field-unknown", e.getKey(), String.join(", ", ReportTextFields.of(kind))));
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.length() > ReportTextFields.MAX_LENGTH) {
                throw new InvalidInputException("texts." + e.getKey(), "max-length",
                        Text.of("error.report.text-too-long", String.valueOf(ReportTextFields.MAX_LENGTH)));
            }
            if (!value.isEmpty()) {
                next.put(e.getKey(), value);
            }
        }
        texts = next;
    }

    /** The draft goes to the approver. */
    public void submit(Actor by, Instant now) {
        requireCurrent();
        requireStatus("submit", ReportStatus.DRAFT);
        status = ReportStatus.SUBMITTED;
        submittedBy = by.id();
        submittedByName = by.name();
        submittedAt = now;
    }

    /** The approver signs the submitted report off; from now on it is the record of the period. */
    public void approve(Actor by, Instant now) {
        requireCurrent();
        requireStatus("approve", ReportStatus.SUBMITTED);
        status = ReportStatus.APPROVED;
        approvedBy = by.id();
        approvedByName = by.name();
        approvedAt = now;
    }

    /** The approver sends the submitted report back to its writer with a comment. */
    public void returnForRework(String comment, Actor by, Instant now) {
        requireCurrent();
        requireStatus("return", ReportStatus.SUBMITTED);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "required", Text.of("error.report.return-comment-required"));
        }
        status = ReportStatus.DRAFT;
        returnComment = comment.strip();
        returnedByName = by.name();
        returnedAt = now;
        submittedBy = null;
        submittedByName = null;
        submittedAt = null;
    }

    /** Refuses a decision (approve / return) unless this is the current revision waiting for approval. */
    public void requireAwaitingDecision(String step) {
        requireCurrent();
        requireStatus(step, ReportStatus.SUBMITTED);
    }

    /**
     * A newer revision replaces this one. A report waiting for approval is not regenerated under the approver's
     * eyes: return it first. Draft and approved reports may be (the new revision needs approval again).
     */
    public void supersede(Instant now) {
        requireCurrent();
        if (status == ReportStatus.SUBMITTED) {
            throw DomainException.of("report.regenerate-submitted", Text.label("enum.ReportStatus", status));
        }
        currentKey = null;
        supersededAt = now;
    }

    private void requireCurrent() {
        if (!isCurrent()) {
            throw DomainException.of("report.superseded", number);
        }
    }

    private void requireStatus(String step, ReportStatus allowed) {
        if (status != allowed) {
            throw DomainException.of("report.wrong-state", Text.of("report.step." + step),
                    Text.label("enum.ReportStatus", status), Text.label("enum.ReportStatus", allowed));
        }
    }

    public boolean isCurrent() {
        return currentKey != null;
    }

    public ReportPeriod period() {
        return new ReportPeriod(periodKind, periodFirst, periodLast);
    }

    /** The report's title in the reader's language, e.g. "客服中心周报表 2026 年第 49 周（…）". */
    public Text title() {
        return Text.of("report.title." + kind, period().label(), customerName == null ? "" : customerName);
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return number;
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("kind", kind);
        s.put("period", periodFirst + ".." + periodLast);
        s.put("customerId", customerId);
        s.put("revision", revision);
        s.put("status", status);
        s.put("current", isCurrent());
        texts.forEach((k, v) -> s.put("text." + k, v));
        s.put("returnComment", returnComment);
        s.put("approvedBy", approvedByName);
        return s;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public ReportKind getKind() { return kind; }
    public LocalDate getPeriodFirst() { return periodFirst; }
    public LocalDate getPeriodLast() { return periodLast; }
    public Long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getSeriesKey() { return seriesKey; }
    public int getRevision() { return revision; }
    public ReportStatus getStatus() { return status; }
    public String getContent() { return content; }
    public Map<String, String> getTexts() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts)); }
    public Long getGeneratedBy() { return generatedBy; }
    public String getGeneratedByName() { return generatedByName; }
    public Instant getGeneratedAt() { return generatedAt; }
    public String getSubmittedByName() { return submittedByName; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getApprovedByName() { return approvedByName; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getReturnedByName() { return returnedByName; }
    public Instant getReturnedAt() { return returnedAt; }
    public String getReturnComment() { return returnComment; }
    public Instant getSupersededAt() { return supersededAt; }
    public long getVersion() { return version; }
}
