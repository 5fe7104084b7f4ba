package com.careloop.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What callers send to {@link ChecklistTemplates} and {@link Audits}. */
public final class InspectionCommands {

    private InspectionCommands() {
    }

    /** A new template (revision 1, DRAFT) or the content of a draft; thresholds in percent (default 85 / 70). */
    public record NewTemplate(String code, AuditKind kind, String title, Integer passScore, Integer conditionalScore,
                              List<NewSection> sections) {
    }

    public record NewSection(String titleZhCn, String titleZhTw, String titleEn, List<NewItem> items) {
    }

    /**
     * A checklist item: text in three languages, kind, {@code maxScore} for SCORE, limits for NUMBER, {@code minPhotos}
     * for PHOTO, weight (default 1), red line, evidence documents (one per line), the responsible department's code and
     * the certification schemes it applies to (comma separated; empty = always).
     */
    public record NewItem(String textZhCn, String textZhTw, String textEn, ItemKind kind, Integer maxScore,
                          BigDecimal minValue, BigDecimal maxValue, Integer minPhotos, Integer weight, Boolean redLine,
                          String evidence, String departmentCode, String schemes) {
    }

    /**
     * Plans an audit on a published template: the date, the counterpart (a customer by id, or a supplier or site by
     * name), the lead, the team members (users; their departments are taken), the customer's auditors (text) and, for
     * a pre-contract visit, the certification schemes (QMS, FSMS, HACCP, OHSMS, EMS) that decide the photo list.
     */
    public record PlanAudit(Long templateId, LocalDate auditDate, Long customerId, String counterpart, Long leadUserId,
                            List<Long> memberIds, String customerAuditors, List<String> schemes) {
    }

    /** The answer to one item: the value (YES/NO, a score, a text, a number), or not applicable, with a note. */
    public record Answer(String answer, Boolean notApplicable, String note) {
    }

    /** A finding entered by hand (the customer's auditors' finding): text, severity, owner department, deadline. */
    public record AddFinding(String description, Severity severity, Long departmentId, LocalDate dueOn,
                             LocalDate replyDueOn) {
        public AddFinding(String description, Severity severity, Long departmentId, LocalDate dueOn) {
            this(description, severity, departmentId, dueOn, null);
        }
    }

    /** Closes a finding by a simple correction. */
    public record Correct(String correction, Long version) {
    }

    /** Opens a CAPA for a finding (8D layout if asked). */
    public record OpenCapaFor(Boolean eightD, Long version) {
    }

    /** The project manager's risk assessment and recommendation of a pre-contract visit (LOW/MEDIUM/HIGH, ACCEPT/DECLINE). */
    public record AssessRisk(String riskLevel, String riskNote, String recommendation, Long version) {
    }

    /** The department manager's decision on a pre-contract visit: ACCEPT or DECLINE. */
    public record Decide(String decision, String note, Long version) {
    }

    /** A state step with the version the user saw. */
    public record Step(Long version) {
    }

    /** A file sent to a folder or photo item. */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }

    /** A department member's mark of one readiness item: READY or GAP (a gap needs a note). */
    public record MarkReadiness(String state, String note) {
    }

    /** The internal auditor's check of a readiness task; gap findings are due on {@code dueOn} (default: the last working day before the audit). */
    public record CheckReadiness(LocalDate dueOn, Long version) {
    }

    /** A manager's recorded override of the readiness gate. */
    public record OverrideReadiness(String note) {
    }

    /** The customer's reply to a customer finding was sent on {@code repliedOn} (default today). */
    public record Reply(LocalDate repliedOn) {
    }

    /**
     * A recurring schedule: the template (its code: the published revision at generation), the counterpart (a
     * customer by id or a name), the lead and members, every N MONTHS or WEEKS from {@code nextDate}, audits
     * generated {@code aheadDays} ahead (default 30).
     */
    public record NewSchedule(String templateCode, Long customerId, String counterpart, Long leadUserId,
                              List<Long> memberIds, Integer everyN, String unit, LocalDate nextDate, Integer aheadDays) {
    }

    /** A deliverable of an audit: its name (unique on the audit), required (default yes), owner and due date. */
    public record NewDeliverable(String name, Boolean required, Long ownerUserId, LocalDate dueOn) {
    }

    /** The deliverable was uploaded to the customer's portal on {@code uploadedOn} (default today). */
    public record MarkPortal(LocalDate uploadedOn, Long version) {
    }

    /**
     * The person responsible for one item ({@code itemId}) or every item of a section ({@code sectionNo}) of an audit;
     * a null {@code userId} clears it.
     */
    public record AssignOwner(Long itemId, Integer sectionNo, Long userId) {
    }

    /**
     * A customer-specific requirement (客户特殊要求事项, 003-I1): the customer, the requirement, the document it comes
     * from, the department responsible, how we meet it, its status (default IDENTIFIED) and the next review date; the
     * version read when editing.
     */
    public record NewRequirement(Long customerId, String requirement, String sourceDocument, Long departmentId,
                                 String fulfilment, RequirementStatus status, LocalDate reviewOn, Long version) {
    }

    /** A yearly internal audit programme (内部审核方案, 003-I2): the year (one programme each) and its title. */
    public record NewProgramme(Integer year, String title) {
    }

    /**
     * A planned internal audit of the programme: the department or the key process audited (at least one), the
     * planned month 1..12, the auditor (not of the audited department) and a note; the version read when editing.
     */
    public record ProgrammeLine(Long departmentId, String process, Integer plannedMonth, Long auditorUserId,
                                String note, Long version) {
    }

    /** The audit that held a programme line (an audit of the programme's year), with the line's version read. */
    public record HeldBy(Long auditId, Long version) {
    }

    /**
     * The factory basic-information profile of an audit (验厂基本信息表, 000-A6): company, address, legal representative,
     * employees (total, male, female, minors under 18), production area in m², products, certifications, working hours
     * and shifts, dormitory and canteen, and the CSR threshold the customer requires.
     */
    public record FactoryProfileFields(String companyName, String address, String legalRepresentative,
                                       Integer employeesTotal, Integer employeesMale, Integer employeesFemale,
                                       Integer employeesMinor, java.math.BigDecimal productionArea, String products,
                                       String certifications, String workingHours, Integer shifts, Boolean dormitory,
                                       Boolean canteen, String csrThreshold) {
    }

    /** Saves an audit's factory profile with the version read (null: the first save). */
    public record SaveFactoryProfile(FactoryProfileFields profile, Long version) {
    }
}
