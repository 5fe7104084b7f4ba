package com.careloop.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** What {@link ChecklistTemplates} and {@link Audits} answer. */
public final class InspectionViews {

    private InspectionViews() {
    }

    /** Picks the text of the reader's language (zh-TW, English, else simplified Chinese). */
    static String pick(Locale l, String zhCn, String zhTw, String en) {
        if (l != null && "en".equals(l.getLanguage()) && en != null && !en.isBlank()) {
            return en;
        }
        if (l != null && "zh".equals(l.getLanguage()) && ("TW".equals(l.getCountry()) || "HK".equals(l.getCountry())
                || "Hant".equals(l.getScript())) && zhTw != null && !zhTw.isBlank()) {
            return zhTw;
        }
        return zhCn;
    }

    public record TemplateRow(long id, String code, int revision, AuditKind kind, String title, TemplateStatus status,
                              int items, int redLines, long version) {
    }

    public record Template(long id, String code, int revision, AuditKind kind, String title, TemplateStatus status,
                           int passScore, int conditionalScore, long version, List<Section> sections) {
    }

    public record Section(int no, String titleZhCn, String titleZhTw, String titleEn, List<Item> items) {
        public String title(Locale l) {
            return pick(l, titleZhCn, titleZhTw, titleEn);
        }
    }

    public record Item(long id, int sectionNo, int no, String textZhCn, String textZhTw, String textEn, ItemKind kind,
                       Integer maxScore, BigDecimal minValue, BigDecimal maxValue, int minPhotos, int weight,
                       boolean redLine, List<String> evidence, String departmentCode, List<String> schemes) {
        public String text(Locale l) {
            return pick(l, textZhCn, textZhTw, textEn);
        }
    }

    public record Member(long userId, String name, Long departmentId, String departmentName) {
    }

    public record File(long id, String slot, String fileName, String contentType, long size, boolean image,
                       Instant storedAt) {
    }

    /** An item of the audit's checklist with its answer (null fields when not yet answered) and photos. */
    public record Question(Item item, String answer, boolean answered, boolean notApplicable, boolean failed,
                           String note, List<File> photos, String ownerName) {
    }

    public record QuestionSection(int no, String titleZhCn, String titleZhTw, String titleEn, List<Question> questions) {
        public String title(Locale l) {
            return pick(l, titleZhCn, titleZhTw, titleEn);
        }

        public long answered() {
            return questions.stream().filter(Question::answered).count();
        }
    }

    public record Finding(long id, String code, long auditId, String auditCode, String auditTitle, Long itemId,
                          String origin, String description, Severity severity, Long departmentId,
                          String departmentName, LocalDate dueOn, FindingStatus status, Long capaId, String capaCode,
                          String correction, Instant closedAt, long version, boolean overdue, LocalDate replyDueOn,
                          LocalDate repliedOn, String replyState) {

        /** The customer's reply is late (not sent by its deadline). */
        public boolean replyOverdue() {
            return "OVERDUE".equals(replyState);
        }
    }

    public record PreContract(String riskLevel, String riskNote, String recommendation, String recommendedBy,
                              String decision, String decisionNote, String decidedBy, Instant decidedAt) {
    }

    public record Audit(long id, String code, AuditKind kind, String title, LocalDate auditDate, Long customerId,
                        String counterpart, long templateId, String templateCode, int templateRevision,
                        TemplateStatus templateStatus, long leadUserId, String leadName, List<Member> members,
                        String customerAuditors, List<String> schemes, AuditStatus status, BigDecimal score,
                        AuditResult result, boolean redLineFailed, int passScore, int conditionalScore,
                        PreContract preContract, List<QuestionSection> sections, List<Finding> findings,
                        List<File> files, List<Finding> earlierFindings, long answered, long questions,
                        long version) {

        public List<File> folder(String slot) {
            return files.stream().filter(f -> f.slot().equals(slot)).toList();
        }

        public long openFindings() {
            return findings.stream().filter(f -> f.status() != FindingStatus.CLOSED).count();
        }
    }

    public record AuditRow(long id, String code, AuditKind kind, String title, LocalDate auditDate, String counterpart,
                           String leadName, AuditStatus status, BigDecimal score, AuditResult result,
                           boolean redLineFailed, long openFindings) {
    }

    public record AuditPage(List<AuditRow> items, String nextCursor) {
    }

    /**
     * The findings list's filters; {@code open}: not closed (any status but CLOSED, a CAPA under way included),
     * {@code overdue}: not closed and due before today in company time (the dashboard figures' own conditions).
     */
    public record FindingFilter(Long auditId, Long departmentId, FindingStatus status, Severity severity, String q,
                                boolean open, boolean overdue) {
        public FindingFilter(Long auditId, Long departmentId, FindingStatus status, Severity severity, String q) {
            this(auditId, departmentId, status, severity, q, false, false);
        }
    }

    public record FindingPage(List<Finding> items, String nextCursor) {
    }

    /** A department's readiness task of an audit, with its counts and board colour. */
    public record ReadinessTask(long id, long auditId, String auditCode, String auditTitle, LocalDate auditDate,
                                long departmentId, String departmentName, LocalDate checkOn, String status, int items,
                                int marked, int gaps, long openFindings, long overdueFindings, ReadinessColour colour,
                                long leadUserId, long version) {
    }

    /** One checklist item of a readiness task: READY / GAP (null: not marked yet), note, gap finding, evidence. */
    public record ReadinessItem(Item item, String state, String note, String markedBy, Long findingId,
                                String findingCode, String findingStatus, List<File> evidence, String ownerName) {
    }

    public record ReadinessTaskDetail(ReadinessTask task, List<ReadinessItem> items, boolean canMark,
                                      boolean canCheck) {
    }

    /**
     * A deliverable the customer requires with the audit: owner, due date, its file (null until uploaded), the day it
     * was uploaded to the customer's portal; overdue when it has no file after its due date.
     */
    public record Deliverable(long id, long auditId, String name, boolean required, Long ownerUserId, String ownerName,
                              LocalDate dueOn, File file, LocalDate portalUploadedOn, boolean overdue, long version) {
    }

    /** A deliverable its owner still has to upload (their work inbox, {@code /audits/deliverables}). */
    public record OwedDeliverable(long id, long auditId, String auditTitle, String name, boolean required,
                                  LocalDate dueOn, boolean overdue) {
    }

    /** The person responsible for one checklist item on an audit (000-A1), beside the item's department. */
    public record ItemOwner(long itemId, long userId, String name) {
    }

    /** A recurring audit schedule. */
    public record Schedule(long id, String templateCode, Long customerId, String counterpart, long leadUserId,
                           String leadName, List<Long> memberIds, int everyN, String unit, LocalDate nextDate,
                           int aheadDays, boolean active, long version) {
    }

    /** One counted row of the statistics: a key, its label (zh-CN text or a code), how many and how many still open. */
    public record CountRow(String key, String label, long count, long open) {
    }

    /** One finished audit's score, for the score trend per counterpart. */
    public record ScorePoint(String counterpart, LocalDate auditDate, String code, AuditKind kind, BigDecimal score,
                             AuditResult result, boolean redLineFailed) {
    }

    /**
     * The statistics of the audits dated in [from, to]: audits per kind and result (status until finished), findings
     * by checklist section (origin for customer and readiness findings) and by department, red-line failures per item,
     * the on-time closure of findings (closed by their deadline, company time), findings open and overdue, and the
     * score trend per counterpart; {@code companyWide} false when they are limited to the reader's departments.
     */
    public record Statistics(LocalDate from, LocalDate to, List<CountRow> byKindAndResult,
                             List<CountRow> findingsBySection, List<CountRow> findingsByDepartment,
                             List<CountRow> redLineFailures, long findingsClosed, long findingsClosedOnTime,
                             BigDecimal onTimeRate, long findingsOpen, long findingsOverdue,
                             List<ScorePoint> scoreTrend, boolean companyWide) {
    }

    /**
     * A customer-specific requirement of the register (003-I1); {@code reviewDue} when its review date has passed and
     * it is not withdrawn.
     */
    public record Requirement(long id, long customerId, String customerName, String requirement, String sourceDocument,
                              Long departmentId, String departmentName, String fulfilment, RequirementStatus status,
                              LocalDate reviewOn, boolean reviewDue, String createdBy, long version) {
    }

    /**
     * A line of the internal audit programme; {@code overdue} when its month has passed without an audit held; the
     * audit held with its status and its open and total findings (the improvement measures still to evaluate).
     */
    public record ProgrammeLineView(long id, Long departmentId, String departmentName, String process,
                                    int plannedMonth, long auditorUserId, String auditorName, ProgrammeLineStatus status,
                                    Long auditId, String auditCode, String auditTitle, AuditStatus auditStatus,
                                    long findings, long openFindings, String note, boolean overdue, long version) {
    }

    /** The yearly internal audit programme with its lines by month, and how many are held, planned, overdue. */
    public record Programme(long id, int year, String title, List<ProgrammeLineView> lines, long held, long planned,
                            long overdue, long version) {
    }

    /**
     * An audit's factory profile: saved ({@code saved}), or pre-filled from the last audit of the same counterpart
     * ({@code prefilledFromAuditId}/{@code Title}), or empty but for the counterpart's name.
     */
    public record FactoryProfile(long auditId, InspectionCommands.FactoryProfileFields profile, boolean saved,
                                 Long prefilledFromAuditId, String prefilledFromTitle, String updatedBy, long version) {
    }
}
