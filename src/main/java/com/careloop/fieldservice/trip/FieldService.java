package com.careloop.fieldservice.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.fieldservice.FieldServiceStatus;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A field service (现场服务) as the steps of the procedure: planned from a request with its team, briefed on safety and
 * checked before departure (departure refused until both are done, unless a manager records an exception), on the
 * road, on site (times, work per task, findings, measurements, hours, parts used, open points), and its report
 * (现场服务报告 Q/JL081304) signed by the customer — never before the team arrived — and by our leader.
 */
@Entity
@Table(name = "field_service")
public class FieldService implements Auditable {

    public static final String RECORD_TYPE = "field-service";
    public static final String REPORT_TYPE = "field-service-report";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long requestId;
    private String requestCode;
    private Long customerId;
    private String customerName;
    private String kind;
    private String title;
    private String site;
    private String siteContact;
    private String sitePhone;
    private LocalDate travelOutOn;
    private LocalDate onSiteFrom;
    private LocalDate onSiteTo;
    private LocalDate returnOn;
    private String vehicles;
    private String workPlan;
    private long leaderId;
    private String leaderName;
    private Long leaderDepartmentId;
    @Enumerated(EnumType.STRING)
    private FieldServiceStatus status;
    private String briefedBy;
    private String briefingTopics;
    private Instant briefedAt;
    private Instant checklistDoneAt;
    private String exceptionReason;
    private String exceptionBy;
    private Instant exceptionAt;
    private Instant departedAt;
    private Instant arrivedAt;
    private Instant leftSiteAt;
    private String findings;
    private String reportCode;
    private String evaluation;
    private String customerComment;
    private String customerSigner;
    private Instant customerSignedAt;
    private Long customerSignatureFile;
    private Instant leaderSignedAt;
    private Long leaderSignatureFile;
    private Long createdBy;
    private String createdByName;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<TeamMember> team = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Tool> tools = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<SparePart> parts = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CheckItem> checklist = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("startedAt")
    private List<HoursEntry> hours = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Measurement> measurements = new ArrayList<>();
    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<OpenPoint> openPoints = new ArrayList<>();

    protected FieldService() {
    }

    /** The request the service is planned from, as the service desk shows it. */
    public record Request(long id, String code, Long customerId, String customerName, String kind, String title) {
    }

    /** The plan, resolved: site, dates, vehicles, work plan. */
    public record Plan(String site, String siteContact, String sitePhone, LocalDate travelOutOn, LocalDate onSiteFrom,
                       LocalDate onSiteTo, LocalDate returnOn, String vehicles, String workPlan) {
    }

    /** A team line, resolved: the person, their task and its deadline on the business calendar. */
    public record Assignment(TeamMember.Person person, String task, LocalDate dueOn) {
    }

    public record ToolLine(String name, boolean measuring, String note) {
    }

    public record PartLine(String name, BigDecimal quantity, String unit) {
    }

    /** Plans a field service: travel out ≤ on site from ≤ on site to ≤ return; a leader; each person once. */
    public static FieldService plan(String code, Request request, Plan plan, Assignment leader,
                                    List<Assignment> members, List<ToolLine> tools, List<PartLine> parts,
                                    List<String> checklistCodes, Long byId, String byName, Instant now) {
        FieldService f = new FieldService();
        f.code = code;
        f.requestId = request.id();
        f.requestCode = request.code();
        f.customerId = request.customerId();
        f.customerName = request.customerName();
        f.kind = request.kind();
        f.title = text("title", request.title(), 200);
        f.site = text("site", plan.site(), 300);
        f.siteContact = optional("siteContact", plan.siteContact(), 100);
        f.sitePhone = optional("sitePhone", plan.sitePhone(), 40);
        required("travelOutOn", plan.travelOutOn());
        required("onSiteFrom", plan.onSiteFrom());
        required("onSiteTo", plan.onSiteTo());
        required("returnOn", plan.returnOn());
        order("onSiteFrom", plan.travelOutOn(), plan.onSiteFrom());
        order("onSiteTo", plan.onSiteFrom(), plan.onSiteTo());
        order("returnOn", plan.onSiteTo(), plan.returnOn());
        f.travelOutOn = plan.travelOutOn();
        f.onSiteFrom = plan.onSiteFrom();
        f.onSiteTo = plan.onSiteTo();
        f.returnOn = plan.returnOn();
        f.vehicles = optional("vehicles", plan.vehicles(), 500);
        f.workPlan = optional("workPlan", plan.workPlan(), 4000);
        required("leader", leader);
        f.leaderId = leader.person().userId();
        f.leaderName = leader.person().name();
        f.leaderDepartmentId = leader.person().departmentId();
        f.team.add(new TeamMember(f, leader.person(), true, text("leader.task", leader.task(), 1000), leader.dueOn()));
        for (int i = 0; i < members.size(); i++) {
            Assignment a = members.get(i);
            if (f.team.stream().anyMatch(m -> m.getUserId() == a.person().userId())) {
                throw new InvalidInputException("members[" + i + "].userId", "unique",
                        Text.of("error.fieldservice.member-twice", a.person().name()));
            }
            f.team.add(new TeamMember(f, a.person(), false, text("members[" + i + "].task", a.task(), 1000),
                    a.dueOn()));
        }
        for (int i = 0; i < tools.size(); i++) {
            ToolLine t = tools.get(i);
            f.tools.add(new Tool(f, text("tools[" + i + "].name", t.name(), 200), t.measuring(),
                    optional("tools[" + i + "].note", t.note(), 300)));
        }
        for (int i = 0; i < parts.size(); i++) {
            PartLine p = parts.get(i);
            if (p.quantity() == null || p.quantity().signum() <= 0) {
                throw new InvalidInputException("parts[" + i + "].quantity", "positive",
                        Text.of("error.fieldservice.positive", "parts[" + i + "].quantity"));
            }
            f.parts.add(new SparePart(f, text("parts[" + i + "].name", p.name(), 200),
                    text("parts[" + i + "].unit", p.unit(), 20), p.quantity()));
        }
        checklistCodes.forEach(c -> f.checklist.add(new CheckItem(f, c)));
        f.status = FieldServiceStatus.PLANNED;
        f.createdBy = byId;
        f.createdByName = byName;
        f.createdAt = now;
        f.updatedAt = now;
        return f;
    }

    // ---- before departure --------------------------------------------------------------------

    /** The safety briefing: who briefed, the topics; the named members signed the sheet. Before departure only. */
    public void brief(String by, String topics, Collection<Long> acknowledgedUserIds, Instant now) {
        requireState(FieldServiceStatus.PLANNED, "brief");
        this.briefedBy = text("briefedBy", by, 100);
        this.briefingTopics = text("topics", topics, 2000);
        this.briefedAt = now;
        if (acknowledgedUserIds != null) {
            for (Long u : acknowledgedUserIds) {
                member(u).orElseThrow(() -> new InvalidInputException("acknowledgedUserIds", "member",
                        Text.of("error.fieldservice.not-a-member", u))).acknowledge(now);
            }
        }
        touch(now);
    }

    /** A member acknowledges the briefing themselves (signature on the phone). */
    public void acknowledge(long userId, Instant now) {
        requireState(FieldServiceStatus.PLANNED, "acknowledge");
        if (briefedAt == null) {
            throw DomainException.of("fieldservice.not-briefed-yet");
        }
        member(userId).orElseThrow(() -> DomainException.of("fieldservice.not-on-team")).acknowledge(now);
        touch(now);
    }

    /** Ticks the checklist: exactly the given item codes are ticked now (an unknown code is 422). */
    public void checklist(Collection<String> checked, String by, Instant now) {
        requireState(FieldServiceStatus.PLANNED, "checklist");
        Set<String> on = checked == null ? Set.of() : Set.copyOf(checked);
        for (String c : on) {
            if (checklist.stream().noneMatch(i -> i.getItemCode().equals(c))) {
                throw new InvalidInputException("checked", "one-of", Text.of("error.fieldservice.unknown-check", c));
            }
        }
        checklist.forEach(i -> i.set(on.contains(i.getItemCode()), by, now));
        checklistDoneAt = checklist.stream().allMatch(CheckItem::isChecked) ? now : null;
        touch(now);
    }

    /** A manager lets the team go without a completed briefing or checklist; the reason is mandatory. */
    public void departureException(String reason, String by, Instant now) {
        requireState(FieldServiceStatus.PLANNED, "exception");
        this.exceptionReason = text("reason", reason, 1000);
        this.exceptionBy = by;
        this.exceptionAt = now;
        touch(now);
    }

    public boolean briefingDone() {
        return briefedAt != null && team.stream().allMatch(m -> m.getAcknowledgedAt() != null);
    }

    public boolean checklistDone() {
        return checklist.stream().allMatch(CheckItem::isChecked);
    }

    public boolean readyToDepart() {
        return briefingDone() && checklistDone();
    }

    /** Departure: refused (409 {@code fieldservice.briefing-missing}) until briefing and checklist are done. */
    public void depart(Instant at, Instant now) {
        requireState(FieldServiceStatus.PLANNED, "depart");
        if (!readyToDepart() && exceptionReason == null) {
            throw DomainException.of("fieldservice.briefing-missing", code);
        }
        this.departedAt = notFuture("at", at, now);
        this.status = FieldServiceStatus.DEPARTED;
        touch(now);
    }

    // ---- on site -----------------------------------------------------------------------------

    public void arrive(Instant at, Instant now) {
        requireState(FieldServiceStatus.DEPARTED, "arrive");
        Instant a = notFuture("at", at, now);
        if (a.isBefore(departedAt)) {
            throw new InvalidInputException("at", "after-departure", Text.of("error.fieldservice.before", "at",
                    "departedAt"));
        }
        this.arrivedAt = a;
        this.status = FieldServiceStatus.ON_SITE;
        touch(now);
    }

    public void leaveSite(Instant at, Instant now) {
        requireState(FieldServiceStatus.ON_SITE, "leave");
        Instant a = notFuture("at", at, now);
        if (a.isBefore(arrivedAt)) {
            throw new InvalidInputException("at", "after-arrival", Text.of("error.fieldservice.before", "at",
                    "arrivedAt"));
        }
        this.leftSiteAt = a;
        this.status = FieldServiceStatus.SITE_LEFT;
        touch(now);
    }

    public void workDone(long memberId, String text, Instant now) {
        requireOnSiteRecord("work");
        teamMember(memberId).workDone(text("workDone", text, 2000));
        touch(now);
    }

    public void findings(String text, Instant now) {
        requireOnSiteRecord("findings");
        this.findings = optional("findings", text, 4000);
        touch(now);
    }

    public void measure(String name, String value, String unit, String note, Instant now) {
        requireOnSiteRecord("measurement");
        measurements.add(new Measurement(this, text("name", name, 200), text("value", value, 100),
                optional("unit", unit, 20), optional("note", note, 300)));
        touch(now);
    }

    /** Hours of one member: {@code to} after {@code from} (else 422), not overlapping their other entries (422). */
    public void hours(long memberId, Instant from, Instant to, String note, Instant now) {
        requireOnSiteRecord("hours");
        TeamMember m = teamMember(memberId);
        required("from", from);
        required("to", to);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "after-from", Text.of("error.fieldservice.hours-negative"));
        }
        if (to.isAfter(now)) {
            throw new InvalidInputException("to", "not-in-future", Text.of("error.fieldservice.in-future", "to"));
        }
        for (HoursEntry h : hours) {
            if (h.getMemberId() == memberId && h.overlaps(from, to)) {
                throw new InvalidInputException("from", "overlap", Text.of("error.fieldservice.hours-overlap",
                        m.getUserName()));
            }
        }
        hours.add(new HoursEntry(this, memberId, from, to, optional("note", note, 300)));
        touch(now);
    }

    /** The quantity of an issued part used on site: 0 ≤ used ≤ issued (else 422). */
    public void partUsed(long partId, BigDecimal used, Instant now) {
        requireOnSiteRecord("parts");
        SparePart p = parts.stream().filter(x -> x.getId() != null && x.getId() == partId).findFirst()
                .orElseThrow(() -> new NotFoundException("field-service-part", partId));
        required("used", used);
        if (used.signum() < 0) {
            throw new InvalidInputException("used", "not-negative", Text.of("error.fieldservice.positive", "used"));
        }
        if (used.compareTo(p.getIssued()) > 0) {
            throw new InvalidInputException("used", "max-issued", Text.of("error.fieldservice.part-above-issued",
                    p.getName(), p.getIssued().stripTrailingZeros().toPlainString(), p.getUnit()));
        }
        p.use(used);
        touch(now);
    }

    public OpenPoint openPoint(String description, long ownerId, String ownerName, LocalDate dueOn, Instant now) {
        requireOnSiteRecord("open-point");
        OpenPoint p = new OpenPoint(this, text("description", description, 2000), ownerId, ownerName, dueOn);
        openPoints.add(p);
        touch(now);
        return p;
    }

    public OpenPoint openPointOf(long pointId) {
        return openPoints.stream().filter(p -> p.getId() != null && p.getId() == pointId).findFirst()
                .orElseThrow(() -> new NotFoundException("field-service-open-point", pointId));
    }

    public void followedUp(long pointId, String kind, long recordId, String recordCode, Instant now) {
        openPointOf(pointId).followedUp(kind, recordId, recordCode);
        touch(now);
    }

    // ---- the report --------------------------------------------------------------------------

    /** The customer may sign only after the team arrived (409 {@code fieldservice.signed-before-arrival}), once. */
    public void requireSignable() {
        if (arrivedAt == null) {
            throw DomainException.of("fieldservice.signed-before-arrival", code);
        }
        if (customerSignedAt != null) {
            throw DomainException.of("fieldservice.already-signed", reportCode);
        }
    }

    /** The customer's evaluation and signature: the report gets its number and the service is REPORTED. */
    public void customerSigned(String reportCode, String signer, String evaluation, String comment, long signatureFile,
                               Instant now) {
        requireSignable();
        this.reportCode = reportCode;
        this.customerSigner = text("signerName", signer, 100);
        this.evaluation = evaluation;
        this.customerComment = optional("comment", comment, 2000);
        this.customerSignatureFile = signatureFile;
        this.customerSignedAt = now;
        if (status == FieldServiceStatus.ON_SITE) {
            this.leftSiteAt = now;
        }
        this.status = FieldServiceStatus.REPORTED;
        touch(now);
    }

    /** Our leader's signature on the report, after arrival. */
    public void leaderSigned(long signatureFile, Instant now) {
        if (arrivedAt == null) {
            throw DomainException.of("fieldservice.signed-before-arrival", code);
        }
        this.leaderSignatureFile = signatureFile;
        this.leaderSignedAt = now;
        touch(now);
    }

    // ---- rules -------------------------------------------------------------------------------

    /** {@code step}: the key of the refused step's name (message {@code fieldservice.step.<step>}). */
    private void requireState(FieldServiceStatus expected, String step) {
        if (status != expected) {
            throw new DomainException("fieldservice.state", Text.of("error.fieldservice.state",
                    Text.label("fieldservice.status", status), Text.of("fieldservice.step." + step)));
        }
    }

    /** On-site records are made on site or after leaving, until the customer signed. */
    private void requireOnSiteRecord(String step) {
        if (status != FieldServiceStatus.ON_SITE && status != FieldServiceStatus.SITE_LEFT) {
            throw new DomainException("fieldservice.state", Text.of("error.fieldservice.state",
                    Text.label("fieldservice.status", status), Text.of("fieldservice.step." + step)));
        }
    }

    public Optional<TeamMember> member(Long userId) {
        return userId == null ? Optional.empty() : team.stream().filter(m -> m.getUserId() == userId).findFirst();
    }

    private TeamMember teamMember(long memberId) {
        return team.stream().filter(m -> m.getId() != null && m.getId() == memberId).findFirst()
                .orElseThrow(() -> new InvalidInputException("memberId", "member",
                        Text.of("error.fieldservice.not-a-member", memberId)));
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    private static void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "required", Text.of("error.fieldservice.required", field));
        }
    }

    private static String text(String field, String value, int max) {
        required(field, value);
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException(field, "max-length", Text.of("error.fieldservice.too-long", field, max));
        }
        return v;
    }

    private static void order(String field, LocalDate before, LocalDate after) {
        if (after.isBefore(before)) {
            throw new InvalidInputException(field, "order", Text.of("error.fieldservice.dates-order", field));
        }
    }

    private static Instant notFuture(String field, Instant at, Instant now) {
        Instant a = at == null ? now : at;
        if (a.isAfter(now)) {
            throw new InvalidInputException(field, "not-in-future", Text.of("error.fieldservice.in-future", field));
        }
        return a;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("requestCode", requestCode);
        m.put("status", status);
        m.put("site", site);
        m.put("travelOutOn", travelOutOn);
        m.put("onSiteFrom", onSiteFrom);
        m.put("onSiteTo", onSiteTo);
        m.put("returnOn", returnOn);
        m.put("leader", leaderName);
        m.put("team", team.stream().map(t -> t.getUserName() + ": " + t.getTask()
                + (t.getWorkDone() == null ? "" : " → " + t.getWorkDone())).toList());
        m.put("acknowledged", team.stream().filter(t -> t.getAcknowledgedAt() != null).map(TeamMember::getUserName)
                .toList());
        m.put("briefedBy", briefedBy);
        m.put("briefingTopics", briefingTopics);
        m.put("checked", checklist.stream().filter(CheckItem::isChecked).map(CheckItem::getItemCode).toList());
        m.put("exceptionReason", exceptionReason);
        m.put("departedAt", departedAt);
        m.put("arrivedAt", arrivedAt);
        m.put("leftSiteAt", leftSiteAt);
        m.put("findings", findings);
        m.put("measurements", measurements.size());
        m.put("hours", hours.stream().map(h -> h.getMemberId() + ":" + h.getStartedAt() + "/" + h.getEndedAt())
                .toList());
        m.put("partsUsed", parts.stream().map(p -> p.getName() + "=" + p.getUsed().stripTrailingZeros()
                .toPlainString()).toList());
        m.put("openPoints", openPoints.stream().map(p -> p.getDescription() + (p.getFollowUpCode() == null ? ""
                : " → " + p.getFollowUpCode())).toList());
        m.put("reportCode", reportCode);
        m.put("evaluation", evaluation);
        m.put("customerSigner", customerSigner);
        m.put("customerSignedAt", customerSignedAt);
        m.put("leaderSignedAt", leaderSignedAt);
        return m;
    }

    // ---- getters -----------------------------------------------------------------------------

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getRequestId() { return requestId; }
    public String getRequestCode() { return requestCode; }
    public Long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getKind() { return kind; }
    public String getTitle() { return title; }
    public String getSite() { return site; }
    public String getSiteContact() { return siteContact; }
    public String getSitePhone() { return sitePhone; }
    public LocalDate getTravelOutOn() { return travelOutOn; }
    public LocalDate getOnSiteFrom() { return onSiteFrom; }
    public LocalDate getOnSiteTo() { return onSiteTo; }
    public LocalDate getReturnOn() { return returnOn; }
    public String getVehicles() { return vehicles; }
    public String getWorkPlan() { return workPlan; }
    public long getLeaderId() { return leaderId; }
    public String getLeaderName() { return leaderName; }
    public Long getLeaderDepartmentId() { return leaderDepartmentId; }
    public FieldServiceStatus getStatus() { return status; }
    public String getBriefedBy() { return briefedBy; }
    public String getBriefingTopics() { return briefingTopics; }
    public Instant getBriefedAt() { return briefedAt; }
    public String getExceptionReason() { return exceptionReason; }
    public String getExceptionBy() { return exceptionBy; }
    public Instant getExceptionAt() { return exceptionAt; }
    public Instant getDepartedAt() { return departedAt; }
    public Instant getArrivedAt() { return arrivedAt; }
    public Instant getLeftSiteAt() { return leftSiteAt; }
    public String getFindings() { return findings; }
    public String getReportCode() { return reportCode; }
    public String getEvaluation() { return evaluation; }
    public String getCustomerComment() { return customerComment; }
    public String getCustomerSigner() { return customerSigner; }
    public Instant getCustomerSignedAt() { return customerSignedAt; }
    public Long getCustomerSignatureFile() { return customerSignatureFile; }
    public Instant getLeaderSignedAt() { return leaderSignedAt; }
    public Long getLeaderSignatureFile() { return leaderSignatureFile; }
    public Long getCreatedBy() { return createdBy; }
    public String getCreatedByName() { return createdByName; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public List<TeamMember> getTeam() { return team; }
    public List<Tool> getTools() { return tools; }
    public List<SparePart> getParts() { return parts; }
    public List<CheckItem> getChecklist() { return checklist; }
    public List<HoursEntry> getHours() { return hours; }
    public List<Measurement> getMeasurements() { return measurements; }
    public List<OpenPoint> getOpenPoints() { return openPoints; }
}
