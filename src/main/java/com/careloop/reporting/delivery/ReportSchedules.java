package com.careloop.reporting.delivery;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.Versions;
import com.careloop.reporting.delivery.DeliveryTiming.Cadence;
import com.careloop.reporting.delivery.DeliveryTiming.Rule;
import com.careloop.reporting.delivery.DeliveryViews.Person;
import com.careloop.reporting.delivery.DeliveryViews.SaveSchedule;
import com.careloop.reporting.delivery.DeliveryViews.ScheduleView;
import com.careloop.reporting.delivery.ReportSchedule.Format;
import com.careloop.reporting.delivery.ReportSchedule.Settings;
import com.careloop.reporting.report.ReportKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Report schedules: validated create and change (audited), delete when never delivered, views with the next run. */
@Service
class ReportSchedules {

    static final String RECORD_TYPE = "report-schedule";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("\\d{1,2}:\\d{2}");

    private final ReportScheduleRepository schedules;
    private final DeliveryStore deliveries;
    private final Recipients recipients;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Texts texts;
    private final DeliveryTiming timing;
    private final Clock clock;

    ReportSchedules(ReportScheduleRepository schedules, DeliveryStore deliveries, Recipients recipients,
                    CustomerDirectory customers, AuditTrail audit, CurrentUsers users, Texts texts,
                    CareLoopProperties properties, Clock clock) {
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.customers = customers;
        this.audit = audit;
        this.users = users;
        this.texts = texts;
        this.timing = new DeliveryTiming(properties.zone());
        this.clock = clock;
    }

    DeliveryTiming timing() {
        return timing;
    }

    @Transactional
    public ScheduleView create(SaveSchedule cmd) {
        ReportSchedule s = ReportSchedule.create(settings(cmd), users.actorName(), clock.instant());
        schedules.saveAndFlush(s);
        audit.created(s);
        return view(s);
    }

    @Transactional
    public ScheduleView change(long id, SaveSchedule cmd) {
        ReportSchedule s = find(id);
        Versions.requireCurrent(cmd.version(), s.getVersion(), RECORD_TYPE, id);
        Settings settings = settings(cmd);
        var before = s.auditState();
        s.change(settings, clock.instant());
        schedules.saveAndFlush(s);
        audit.changed(s, "UPDATE", before);
        return view(s);
    }

    /** Switches a schedule off (kept with its log). */
    @Transactional
    public ScheduleView disable(long id, Long version) {
        ReportSchedule s = find(id);
        Versions.requireCurrentIfGiven(version, s.getVersion(), RECORD_TYPE, id);
        var before = s.auditState();
        s.disable(clock.instant());
        schedules.saveAndFlush(s);
        audit.changed(s, "DISABLE", before);
        return view(s);
    }

    /** Deletes a schedule that has never delivered; one with a delivery log is disabled instead (409 here). */
    @Transactional
    public void delete(long id, Long version) {
        ReportSchedule s = find(id);
        Versions.requireCurrentIfGiven(version, s.getVersion(), RECORD_TYPE, id);
        if (deliveries.hasDeliveries(id)) {
            throw new DomainException("report-schedule-has-deliveries", Text.of("error.report-schedule-has-deliveries", id));
        }
        var before = s.auditState();
        schedules.delete(s);
        schedules.flush();
        audit.record(RECORD_TYPE, String.valueOf(id), "DELETE", AuditTrail.diff(before, Map.of()));
    }

    @Transactional(readOnly = true)
    public List<ScheduleView> list() {
        return schedules.findAll().stream().sorted(Comparator.comparing(ReportSchedule::getId)).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ScheduleView get(long id) {
        return view(find(id));
    }

    ReportSchedule find(long id) {
        return schedules.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    /** The command checked field by field (422 naming the field and the rule). */
    Settings settings(SaveSchedule cmd) {
        ReportKind kind = cmd.reportKind();
        if (kind == null) {
            throw invalid("reportKind", "required", "delivery.invalid.reportKind");
        }
        Cadence expected = DeliveryTiming.cadenceFor(kind.periodKind());
        Cadence cadence = cmd.cadence() == null ? expected : cmd.cadence();
        if (cadence != expected) {
            throw new InvalidInputException("cadence", "matches-report-kind", Text.of("delivery.invalid.cadence",
                    Text.label("delivery.kind", kind), Text.label("delivery.cadence", expected)));
        }
        LocalTime time = time(cmd.time());
        Rule rule = switch (cadence) {
            case WEEKLY -> {
                if (cmd.dayOfWeek() == null) {
                    throw invalid("dayOfWeek", "required", "delivery.invalid.dayOfWeek");
                }
                yield Rule.weekly(cmd.dayOfWeek(), time);
            }
            case MONTHLY -> Rule.monthly(dayOfMonth(cmd.dayOfMonth(), 31), time);
            case YEARLY -> {
                if (cmd.month() == null || cmd.month() < 1 || cmd.month() > 12) {
                    throw invalid("month", "range", "delivery.invalid.month");
                }
                yield Rule.yearly(cmd.month(), dayOfMonth(cmd.dayOfMonth(), YearMonth.of(2024, cmd.month()).lengthOfMonth()), time);
            }
        };
        if (cmd.formats() == null || cmd.formats().stream().noneMatch(java.util.Objects::nonNull)) {
            throw invalid("formats", "required", "delivery.invalid.formats");
        }
        Set<Format> formats = EnumSet.noneOf(Format.class);
        cmd.formats().stream().filter(java.util.Objects::nonNull).forEach(formats::add);
        Set<Long> people = cmd.recipientIds() == null ? Set.of() : cmd.recipientIds().stream()
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        if (people.isEmpty()) {
            throw invalid("recipientIds", "required", "delivery.invalid.recipients");
        }
        Map<Long, Recipients.Person> known = recipients.people(people).stream()
                .collect(Collectors.toMap(Recipients.Person::id, Function.identity()));
        for (Long id : people) {
            if (!known.containsKey(id) || !known.get(id).active()) {
                throw new InvalidInputException("recipientIds", "exists", Text.of("delivery.invalid.recipient", id));
            }
        }
        Long customerId = null;
        if (kind == ReportKind.CUSTOMER_MONTHLY) {
            if (cmd.customerId() == null) {
                throw invalid("customerId", "required", "delivery.invalid.customer");
            }
            if (customers.card(cmd.customerId()).isEmpty()) {
                throw new InvalidInputException("customerId", "exists", Text.of("delivery.invalid.customerUnknown",
                        cmd.customerId()));
            }
            customerId = cmd.customerId();
        }
        return new Settings(kind, rule, formats, people, customerId, cmd.enabled() == null || cmd.enabled());
    }

    private static LocalTime time(String value) {
        if (value == null || !TIME.matcher(value.trim()).matches()) {
            throw invalid("time", "format", "delivery.invalid.time");
        }
        String[] hm = value.trim().split(":");
        try {
            return LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
        } catch (DateTimeException e) {
            throw invalid("time", "format", "delivery.invalid.time");
        }
    }

    private static int dayOfMonth(Integer day, int max) {
        if (day == null || day < 1 || day > max) {
            throw new InvalidInputException("dayOfMonth", "range", Text.of("delivery.invalid.dayOfMonth", max));
        }
        return day;
    }

    private static InvalidInputException invalid(String field, String rule, String key) {
        return new InvalidInputException(field, rule, Text.of(key));
    }

    /** The rule in the reader's language: "每周一 08:00", "每月 1 日 08:00", "每年 1 月 5 日 09:00". */
    Text when(ReportSchedule s) {
        return switch (s.getCadence()) {
            case WEEKLY -> Text.of("delivery.when.WEEKLY", Text.label("delivery.dow", s.getDayOfWeek()), s.getRunTime());
            case MONTHLY -> Text.of("delivery.when.MONTHLY", String.valueOf(s.getDayOfMonth()), s.getRunTime());
            case YEARLY -> Text.of("delivery.when.YEARLY", String.valueOf(s.getMonth()), String.valueOf(s.getDayOfMonth()),
                    s.getRunTime());
        };
    }

    /** The next run after now, or null when the schedule is off. */
    Instant nextRun(ReportSchedule s) {
        return s.isEnabled() ? timing.nextRun(s.rule(), clock.instant()) : null;
    }

    ScheduleView view(ReportSchedule s) {
        Instant next = nextRun(s);
        List<Person> people = recipients.people(s.getRecipients()).stream()
                .map(p -> new Person(p.id(), p.name())).sorted(Comparator.comparing(Person::name)).toList();
        String customerName = s.getCustomerId() == null ? null
                : customers.card(s.getCustomerId()).map(c -> c.name()).orElse(null);
        return new ScheduleView(s.getId(), s.getReportKind(), texts.render(Text.label("delivery.kind", s.getReportKind())),
                s.getCadence(), s.getDayOfWeek(), s.getDayOfMonth(), s.getMonth(), s.getRunTime(), texts.render(when(s)),
                List.copyOf(s.formatSet()), people, s.getCustomerId(), customerName, s.isEnabled(), next,
                next == null ? null : MINUTE.format(next.atZone(timing.zone())), s.getCreatedBy(), s.getCreatedAt(),
                s.getVersion());
    }
}
