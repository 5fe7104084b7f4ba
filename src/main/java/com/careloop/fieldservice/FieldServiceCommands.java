package com.careloop.fieldservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the steps of a field service take (pages and API). {@code version} is the one the caller saw (stale -> 409). */
public final class FieldServiceCommands {

    private FieldServiceCommands() {
    }

    /**
     * A field service planned from a FIELD_SERVICE request. {@code site}, {@code siteContact}, {@code sitePhone} null =
     * the request's location and contact; {@code parts} null = the request's materials. Dates: travel out ≤ on site
     * from ≤ on site to ≤ return.
     */
    public record Plan(Long requestId, String site, String siteContact, String sitePhone, LocalDate travelOutOn,
                       LocalDate onSiteFrom, LocalDate onSiteTo, LocalDate returnOn, Member leader,
                       List<Member> members, String vehicles, List<Tool> tools, List<Part> parts, String workPlan) {
    }

    /** A team member and their task; {@code dueOn} null = the last working day before travel out. */
    public record Member(Long userId, String task, LocalDate dueOn) {
    }

    /** A tool or a measuring instrument to take (measuring: from metrology, 003-E3). */
    public record Tool(String name, Boolean measuring, String note) {
    }

    /** A spare part issued for the trip. */
    public record Part(String name, BigDecimal quantity, String unit) {
    }

    /**
     * The safety briefing (安全培训, by the security department): who briefed, the topics, and the members who signed
     * the briefing sheet (each member may also acknowledge on their own phone).
     */
    public record Briefing(String briefedBy, String topics, List<Long> acknowledgedUserIds, Long version) {
    }

    /** The pre-departure checklist: the item codes now ticked (PPE, uniform, helmet, courtesy …). */
    public record Checklist(List<String> checked, Long version) {
    }

    /** A manager lets the team depart without a completed briefing or checklist, with the reason. */
    public record DepartureException(String reason, Long version) {
    }

    /** A recorded moment (departure, arrival, leaving the site); null = now. */
    public record Moment(OffsetDateTime at, Long version) {
    }

    /** The work done on one member's task. */
    public record WorkDone(Long memberId, String workDone) {
    }

    public record Findings(String findings, Long version) {
    }

    public record Measurement(String name, String value, String unit, String note) {
    }

    /** Hours on site of one member: {@code from} before {@code to}, not overlapping their other entries. */
    public record Hours(Long memberId, OffsetDateTime from, OffsetDateTime to, String note) {
    }

    /** The quantity of an issued part used on site (never more than issued). */
    public record PartUsed(Long partId, BigDecimal used) {
    }

    /** A problem left open with its owner (a user) and due date. */
    public record OpenPoint(String description, Long ownerId, LocalDate dueOn) {
    }

    /** An open point becomes a follow-up service request ({@code REQUEST}) or a CAPA ({@code CAPA}). */
    public record FollowUp(String as) {
    }

    /**
     * The customer's evaluation and signature (a PNG/JPEG data URL from the pad; or an uploaded scan through the
     * multipart endpoint). {@code evaluation}: the platform satisfaction scale.
     */
    public record CustomerSignature(String signerName, String evaluation, String comment, String signatureImage,
                                    Long version) {
    }

    /** Our leader's signature (data URL). */
    public record LeaderSignature(String signatureImage, Long version) {
    }

    /** An uploaded file as received (name and type as the browser declared them; the store checks the bytes). */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }
}
