package com.careloop.fieldservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What a field service shows (pages, API, print). */
public final class FieldServiceViews {

    private FieldServiceViews() {
    }

    /**
     * The list's filters: {@code mine} the services I am on, {@code myDepartment} those with a member of my
     * department; {@code from}/{@code to} the travel-out date (inclusive).
     */
    public record Filter(FieldServiceStatus status, Long customerId, Boolean mine, String q, Boolean myDepartment,
                         LocalDate from, LocalDate to) {
        public Filter(FieldServiceStatus status, Long customerId, Boolean mine, String q) {
            this(status, customerId, mine, q, null, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    public record Row(long id, String code, String requestCode, String customerName, String title, String site,
                      LocalDate travelOutOn, LocalDate returnOn, String leaderName, FieldServiceStatus status,
                      String reportCode) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Member(long id, long userId, String name, Long departmentId, String department, boolean leader,
                         String task, LocalDate dueOn, String workDone, OffsetDateTime acknowledgedAt,
                         double hours) {
    }

    public record Tool(long id, String name, boolean measuring, String note) {
    }

    public record Part(long id, String name, String unit, BigDecimal issued, BigDecimal used) {
    }

    public record Check(String code, boolean checked, String checkedBy, OffsetDateTime checkedAt) {
    }

    public record Hours(long id, long memberId, String memberName, OffsetDateTime from, OffsetDateTime to,
                        double hours, String note) {
    }

    public record Measurement(long id, String name, String value, String unit, String note) {
    }

    public record OpenPoint(long id, String description, long ownerId, String ownerName, LocalDate dueOn,
                            String followUpKind, Long followUpId, String followUpCode) {
    }

    public record File(long id, String slot, String fileName, String contentType, long size, boolean image,
                       OffsetDateTime storedAt) {
    }

    public record Briefing(String briefedBy, String topics, OffsetDateTime briefedAt, boolean allAcknowledged,
                           boolean checklistDone, String exceptionReason, String exceptionBy,
                           OffsetDateTime exceptionAt, boolean readyToDepart) {
    }

    public record Report(String code, String evaluation, String comment, String signerName,
                         OffsetDateTime customerSignedAt, boolean customerSignature, OffsetDateTime leaderSignedAt,
                         boolean leaderSignature) {
    }

    public record Detail(long id, String code, long version, long requestId, String requestCode, Long customerId,
                         String customerName, String kind, String title, String site, String siteContact,
                         String sitePhone, LocalDate travelOutOn, LocalDate onSiteFrom, LocalDate onSiteTo,
                         LocalDate returnOn, String vehicles, String workPlan, long leaderId, String leaderName,
                         FieldServiceStatus status, List<Member> team, List<Tool> tools, List<Part> parts,
                         Briefing briefing, List<Check> checklist, OffsetDateTime departedAt,
                         OffsetDateTime arrivedAt, OffsetDateTime leftSiteAt, String findings,
                         List<Measurement> measurements, List<Hours> hours, double totalHours,
                         List<OpenPoint> openPoints, List<File> photos, Report report, String plannedBy,
                         OffsetDateTime plannedAt) {
    }
}
