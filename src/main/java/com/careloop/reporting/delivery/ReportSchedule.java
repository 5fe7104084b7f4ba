package com.careloop.reporting.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.careloop.platform.Auditable;
import com.careloop.reporting.delivery.DeliveryTiming.Cadence;
import com.careloop.reporting.delivery.DeliveryTiming.Rule;
import com.careloop.reporting.report.ReportKind;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A report schedule: which report, when it runs (company time), in which formats and to whom. Runs before
 * {@code planFrom} are never planned, so a new or re-enabled schedule starts with its next run rather than catching
 * up on periods nobody asked for.
 */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule implements Auditable {

    /** The attached files. */
    enum Format { PDF, XLSX }

    /** What a schedule is set to (validated by the service before it reaches the record). */
    record Settings(ReportKind reportKind, Rule rule, Set<Format> formats, Set<Long> recipients, Long customerId,
                    boolean enabled) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ReportKind reportKind;
    @Enumerated(EnumType.STRING)
    private Cadence cadence;
    @Enumerated(EnumType.STRING)
    private DayOfWeek dayOfWeek;
    private Integer dayOfMonth;
    @Column(name = "month_of_year")
    private Integer month;
    private String runTime;
    private String formats;
    private Long customerId;
    private boolean enabled;
    private Instant planFrom;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "report_schedule_recipient", joinColumns = @JoinColumn(name = "schedule_id"))
    @Column(name = "user_id")
    private Set<Long> recipients = new TreeSet<>();

    protected ReportSchedule() {
    }

    static ReportSchedule create(Settings s, String actor, Instant now) {
        ReportSchedule r = new ReportSchedule();
        r.createdBy = actor;
        r.createdAt = now;
        r.planFrom = now;
        r.apply(s, now);
        return r;
    }

    /** New settings; switching it on again starts from now (no catch-up on missed runs). */
    void change(Settings s, Instant now) {
        if (s.enabled() && !enabled) {
            planFrom = now;
        }
        apply(s, now);
    }

    void disable(Instant now) {
        enabled = false;
        updatedAt = now;
    }

    private void apply(Settings s, Instant now) {
        reportKind = s.reportKind();
        cadence = s.rule().cadence();
        dayOfWeek = s.rule().dayOfWeek();
        dayOfMonth = s.rule().dayOfMonth();
        month = s.rule().month();
        runTime = s.rule().time().toString();
        formats = s.formats().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        recipients.clear();
        recipients.addAll(s.recipients());
        customerId = s.customerId();
        enabled = s.enabled();
        updatedAt = now;
    }

    Rule rule() {
        return new Rule(cadence, dayOfWeek, dayOfMonth, month, LocalTime.parse(runTime));
    }

    Set<Format> formatSet() {
        Set<Format> set = EnumSet.noneOf(Format.class);
        Arrays.stream(formats.split(",")).filter(f -> !f.isBlank()).map(Format::valueOf).forEach(set::add);
        return set;
    }

    @Override
    public String auditType() {
        return "report-schedule";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reportKind", reportKind);
        s.put("cadence", cadence);
        s.put("dayOfWeek", dayOfWeek);
        s.put("dayOfMonth", dayOfMonth);
        s.put("month", month);
        s.put("time", runTime);
        s.put("formats", formats);
        s.put("recipients", recipients.isEmpty() ? null : new TreeSet<>(recipients).toString());
        s.put("customerId", customerId);
        s.put("enabled", enabled);
        return s;
    }

    Long getId() { return id; }
    ReportKind getReportKind() { return reportKind; }
    Cadence getCadence() { return cadence; }
    DayOfWeek getDayOfWeek() { return dayOfWeek; }
    Integer getDayOfMonth() { return dayOfMonth; }
    Integer getMonth() { return month; }
    String getRunTime() { return runTime; }
    Long getCustomerId() { return customerId; }
    boolean isEnabled() { return enabled; }
    Instant getPlanFrom() { return planFrom; }
    String getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    long getVersion() { return version; }
    Set<Long> getRecipients() { return Set.copyOf(recipients); }
}
