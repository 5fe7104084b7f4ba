package com.careloop.reporting.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.reporting.delivery.DeliveryStore.Filter;
import com.careloop.reporting.delivery.DeliveryStore.Row;
import com.careloop.reporting.delivery.DeliveryViews.DeliveryView;
import com.careloop.reporting.delivery.DeliveryViews.Period;
import com.careloop.reporting.report.ReportKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans and sends the deliveries. {@link #runDue} is what the minute job does on the node that holds the ShedLock:
 * plan each enabled schedule's latest run (one row per period, whoever plans first), then claim and send what is
 * due. Claims are leases on the rows, so the result is right even when the lock is lost or two runs overlap: a row
 * is sent by the one node whose conditional update took it, and a node that died while sending leaves a lease that
 * runs out and is claimed again (at-least-once).
 */
@Service
class ReportDeliveries {

    static final String RECORD_TYPE = "report-delivery";
    /** How long a node may send one delivery before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int BATCH = 50;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Logger log = LoggerFactory.getLogger(ReportDeliveries.class);

    private final ReportScheduleRepository scheduleRepository;
    private final ReportSchedules schedules;
    private final DeliveryStore store;
    private final Deliverer deliverer;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Texts texts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String node = node();

    ReportDeliveries(ReportScheduleRepository scheduleRepository, ReportSchedules schedules, DeliveryStore store,
                     Deliverer deliverer, AuditTrail audit, CurrentUsers users, Texts texts, TransactionTemplate tx,
                     Clock clock) {
        this.scheduleRepository = scheduleRepository;
        this.schedules = schedules;
        this.store = store;
        this.deliverer = deliverer;
        this.audit = audit;
        this.users = users;
        this.texts = texts;
        this.tx = tx;
        this.clock = clock;
    }

    private static String node() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    /** One run of the job at {@code now}: plan, then send what is due; the number of deliveries this node sent. */
    int runDue(Instant now) {
        Instant at = exact(now);
        plan(at);
        return deliverDue(at);
    }

    /** Instants to the millisecond: what every database stores exactly, so a row due "now" is due at that now. */
    private static Instant exact(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Plans each enabled schedule's latest run at or before {@code now} (never one before the schedule's start). */
    int plan(Instant at) {
        Instant now = exact(at);
        int planned = 0;
        DeliveryTiming timing = schedules.timing();
        for (ReportSchedule s : scheduleRepository.findByEnabledTrue()) {
            Instant run = timing.lastRun(s.rule(), now);
            if (run.isBefore(s.getPlanFrom())) {
                continue;
            }
            ReportPeriod period = timing.coveredPeriod(s.getReportKind().periodKind(), run);
            if (store.plan(s.getId(), period, run, null, now)) {
                planned++;
                log.info("Report delivery planned: schedule {} {} {}", s.getId(), s.getReportKind(), period);
            }
        }
        return planned;
    }

    /** Claims and sends the due deliveries; the number sent by this node. */
    int deliverDue(Instant at) {
        Instant now = exact(at);
        int sent = 0;
        for (long id : store.due(now, BATCH)) {
            if (store.claim(id, node, now, now.plus(LEASE)) && deliverer.deliver(id, node, now) == DeliveryStatus.SENT) {
                sent++;
            }
        }
        return sent;
    }

    /** Delivers the latest complete period of a schedule now (again, if it was sent before). */
    DeliveryView runNow(long scheduleId) {
        ReportSchedule s = schedules.find(scheduleId);
        Instant now = exact(clock.instant());
        ReportPeriod period = schedules.timing().coveredPeriod(s.getReportKind().periodKind(), now);
        String actor = users.actorName();
        long id = tx.execute(status -> {
            long deliveryId;
            if (store.plan(scheduleId, period, now, actor, now)) {
                deliveryId = store.find(scheduleId, period.first()).orElseThrow().id();
            } else {
                Row existing = store.find(scheduleId, period.first()).orElseThrow();
                if (!store.again(existing.id(), actor, now, true)) {
                    throw DomainException.of("report-delivery-in-progress", existing.id());
                }
                deliveryId = existing.id();
            }
            audit.record(RECORD_TYPE, String.valueOf(deliveryId), "RUN_NOW",
                    List.of(new FieldChange("period", null, period.first() + ".." + period.last()),
                            new FieldChange("scheduleId", null, String.valueOf(scheduleId))));
            return deliveryId;
        });
        return sendNow(id, now);
    }

    /** A person's retry of a FAILED or DEAD delivery: due now with fresh attempts, recipients already mailed skipped. */
    DeliveryView retry(long id) {
        Instant now = exact(clock.instant());
        String actor = users.actorName();
        tx.executeWithoutResult(status -> {
            Row row = store.find(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
            if (row.status() != DeliveryStatus.FAILED && row.status() != DeliveryStatus.DEAD) {
                throw DomainException.of("report-delivery-not-retryable", id,
                        Text.label("delivery.status", row.status()));
            }
            if (!store.again(id, actor, now, false)) {
                throw DomainException.of("report-delivery-in-progress", id);
            }
            audit.record(RECORD_TYPE, String.valueOf(id), "RETRY",
                    List.of(new FieldChange("status", row.status().name(), DeliveryStatus.PENDING.name())));
        });
        return sendNow(id, now);
    }

    private DeliveryView sendNow(long id, Instant now) {
        if (store.claim(id, node, now, now.plus(LEASE))) {
            deliverer.deliver(id, node, now);
        }
        return view(store.find(id).orElseThrow());
    }

    List<DeliveryView> log(Filter filter, int limit) {
        List<Row> rows = store.search(filter, limit);
        Map<Long, ReportKind> kinds = new java.util.HashMap<>();
        scheduleRepository.findAllById(rows.stream().map(Row::scheduleId).distinct().toList())
                .forEach(s -> kinds.put(s.getId(), s.getReportKind()));
        return rows.stream().map(r -> view(r, kinds.get(r.scheduleId()))).toList();
    }

    DeliveryView get(long id) {
        return view(store.find(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id)));
    }

    DeliveryView view(Row r) {
        return view(r, scheduleRepository.findById(r.scheduleId()).map(ReportSchedule::getReportKind).orElse(null));
    }

    private DeliveryView view(Row r, ReportKind kind) {
        var zone = schedules.timing().zone();
        return new DeliveryView(r.id(), r.scheduleId(), kind,
                kind == null ? null : texts.render(Text.label("delivery.kind", kind)),
                new Period(r.period().kind().name(), r.period().first(), r.period().last(), texts.render(r.period().label())),
                r.status(), texts.render(Text.label("delivery.status", r.status())), r.attempts(), r.nextAttemptAt(),
                r.nextAttemptAt() == null || (r.status() != DeliveryStatus.FAILED && r.status() != DeliveryStatus.PENDING)
                        ? null : MINUTE.format(r.nextAttemptAt().atZone(zone)),
                r.sentAt(), r.lastErrorCode(),
                r.lastErrorCode() == null ? null : texts.render(Text.label("delivery.error", r.lastErrorCode()))
                        + (r.lastError() == null ? "" : " (" + r.lastError() + ")"),
                r.reportId(), r.requestedBy(), r.createdAt(),
                r.status() == DeliveryStatus.FAILED || r.status() == DeliveryStatus.DEAD);
    }
}
