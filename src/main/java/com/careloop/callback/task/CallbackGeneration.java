package com.careloop.callback.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.careloop.callback.PlanKind;
import com.careloop.callback.task.CallbackService.Generate;
import com.careloop.complaint.ComplaintClosed;
import com.careloop.customer.KeyCustomers;
import com.careloop.customer.Purchases;
import com.careloop.platform.CareLoopProperties;
import com.careloop.servicedesk.ServiceRequestClosed;
import com.careloop.servicedesk.ServiceRequestCounts;
import com.careloop.platform.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where callback tasks come from. Closed service requests and closed complaints (events, listened to once
 * per delivery), and a daily job once per cluster (ShedLock) for sales, warranties about to end and the
 * half-yearly key-customer sample. Every task has a unique source key, so a redelivered event, a second
 * node or a re-run after a restart creates nothing twice.
 */
@Component
public class CallbackGeneration {

    /** What one run of the daily job created. */
    public record Run(int sales, int warranties, int sample) {
    }

    private static final Logger log = LoggerFactory.getLogger(CallbackGeneration.class);

    private final CallbackService service;
    private final CallbackPlanRepository plans;
    private final Purchases purchases;
    private final KeyCustomers keyCustomers;
    private final ServiceRequestCounts requests;
    private final CallbackProperties properties;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CallbackGeneration(CallbackService service, CallbackPlanRepository plans, Purchases purchases,
                       KeyCustomers keyCustomers, ServiceRequestCounts requests, CallbackProperties properties,
                       TransactionTemplate tx, JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.service = service;
        this.plans = plans;
        this.purchases = purchases;
        this.keyCustomers = keyCustomers;
        this.requests = requests;
        this.properties = properties;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- events ------------------------------------------------------------------------------

    /**
     * N days (default 7) after the close of a request of the plan's type/category. A request re-opened and
     * closed again is a new round (source id with the round), so it is called back again after each close.
     */
    @ApplicationModuleListener
    void on(ServiceRequestClosed event) {
        if (event.customerId() == null) {
            return;
        }
        CallbackPlan plan = service.plan(PlanKind.SERVICE_COMPLETED);
        var closed = requests.closed(event.requestId());
        Long category = closed.map(ServiceRequestCounts.Closed::categoryId).orElse(null);
        if (!plan.isEnabled() || !plan.matches(event.type() == null ? null : event.type().name(), category)) {
            return;
        }
        if (service.requestCallbackDone(event.requestId(), event.reopenCount() + 1)) {
            return; // called back on the request page before this close (or a later one): one callback per round
        }
        Instant closedAt = closed.map(ServiceRequestCounts.Closed::closedAt).orElse(null);
        LocalDate base = LocalDate.ofInstant(closedAt == null ? Instant.now(clock) : closedAt, zone);
        generate(new Generate(PlanKind.SERVICE_COMPLETED, "SERVICE_REQUEST", event.requestId(), event.code(),
                event.customerId(), CallbackRules.dueAfter(base, plan.getDays(), service.calendar()),
                Text.of("texts.callback.reason.request", event.code()).toJson(), CallbackRules.round(event.reopenCount() + 1), true));
    }

    /** N days (default 3) after a complaint is closed. */
    @ApplicationModuleListener
    void on(ComplaintClosed event) {
        CallbackPlan plan = service.plan(PlanKind.COMPLAINT_CLOSED);
        if (!plan.isEnabled()) {
            return;
        }
        generate(new Generate(PlanKind.COMPLAINT_CLOSED, "COMPLAINT", event.complaintId(), event.code(),
                event.customerId(), CallbackRules.dueAfter(service.today(), plan.getDays(), service.calendar()),
                Text.of("texts.callback.reason.complaint", event.code()).toJson(), null, true));
    }

    // ---- the daily job -----------------------------------------------------------------------

    @Scheduled(cron = "${careloop.callback.generation-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "callback-generation", lockAtMostFor = "PT30M")
    public void scheduled() {
        Run run = run(LocalDate.now(clock.withZone(zone)));
        log.info("Callback generation: {} sale, {} warranty, {} key-customer sample task(s)", run.sales(),
                run.warranties(), run.sample());
    }

    /** One run for {@code today}; running it again the same day (or on another node) creates nothing new. */
    public Run run(LocalDate today) {
        return new Run(sales(today), warranties(today), sample(today));
    }

    /** Sales of the last days (late-recorded ones too), each due its sale date + N days (default 7). */
    int sales(LocalDate today) {
        CallbackPlan plan = service.plan(PlanKind.SALE);
        if (!plan.isEnabled()) {
            return 0;
        }
        int created = 0;
        for (int back = properties.saleLookbackDays(); back >= 0; back--) {
            for (Purchases.PurchaseRef p : purchases.soldOn(today.minusDays(back))) {
                LocalDate due = CallbackRules.dueAfter(p.saleDate(), plan.getDays(), service.calendar());
                created += generate(new Generate(PlanKind.SALE, "PURCHASE", p.purchaseId(), label(p), p.customerId(),
                        due.isBefore(today) ? CallbackRules.onOrAfterWorkingDay(today, service.calendar()) : due,
                        Text.of("texts.callback.reason.sale", label(p)).toJson(), null, true)) ? 1 : 0;
            }
        }
        return created;
    }

    /** Warranties ending within N days (default 30): due N days before the end (never before today). */
    int warranties(LocalDate today) {
        CallbackPlan plan = service.plan(PlanKind.WARRANTY_EXPIRY);
        if (!plan.isEnabled()) {
            return 0;
        }
        int created = 0;
        for (Purchases.PurchaseRef p : purchases.warrantiesEndingBetween(today, today.plusDays(plan.getDays()))) {
            created += generate(new Generate(PlanKind.WARRANTY_EXPIRY, "PURCHASE", p.purchaseId(), label(p),
                    p.customerId(), CallbackRules.dueBeforeWarrantyEnd(p.warrantyEnd(), plan.getDays(), today,
                    service.calendar()), Text.of("texts.callback.reason.warranty", p.warrantyEnd()).toJson(), null,
                    true)) ? 1 : 0;
        }
        return created;
    }

    /**
     * The half-year's sample: ceil(10%) of the key customers, drawn with the half-year's stored seed, never a
     * customer twice in one half-year; key customers added later top the sample up to the new size.
     */
    int sample(LocalDate today) {
        CallbackPlan plan = service.plan(PlanKind.KEY_CUSTOMER_SAMPLE);
        if (!plan.isEnabled()) {
            return 0;
        }
        String half = CallbackRules.halfYear(today);
        List<Long> keys = keyCustomers.keyCustomerIds();
        tx.executeWithoutResult(s -> jdbc.sql("""
                insert into callback_sample_seed (half_year, seed, created_at) values (:h, :seed, :at)
                on conflict do nothing""").param("h", half).param("seed", new java.security.SecureRandom().nextLong())
                .param("at", java.sql.Timestamp.from(Instant.now(clock))).update());
        long seed = jdbc.sql("select seed from callback_sample_seed where half_year = :h").param("h", half)
                .query(Long.class).single();
        Set<Long> drawn = new HashSet<>(jdbc.sql("select customer_id from callback_sample_draw where half_year = :h")
                .param("h", half).query(Long.class).list());
        int toDraw = CallbackRules.stillToDraw(keys.size(), (int) keys.stream().filter(drawn::contains).count());
        LocalDate due = CallbackRules.dueAfter(today, plan.getDays(), service.calendar());
        int created = 0;
        for (long customer : CallbackRules.draw(keys, drawn, toDraw, seed)) {
            Boolean made = attempt(() -> tx.execute(s -> {
                int rows = jdbc.sql("""
                        insert into callback_sample_draw (half_year, customer_id, drawn_at) values (:h, :c, :at)
                        on conflict do nothing""").param("h", half).param("c", customer)
                        .param("at", java.sql.Timestamp.from(Instant.now(clock))).update();
                return rows > 0 && service.generate(new Generate(PlanKind.KEY_CUSTOMER_SAMPLE, "CUSTOMER", customer,
                        null, customer, due, Text.of("texts.callback.reason.key-sample", half).toJson(), half, true))
                        .isPresent();
            }));
            created += Boolean.TRUE.equals(made) ? 1 : 0;
        }
        return created;
    }

    /** One task in its own transaction; true if it was created now (false: it existed, or another node won). */
    private boolean generate(Generate g) {
        String key = CallbackRules.sourceKey(g.kind().name(), g.sourceType(), g.sourceId(), g.halfYear());
        Boolean created = attempt(() -> tx.execute(s -> {
            if (jdbc.sql("select count(*) from callback_task where source_key = :k").param("k", key)
                    .query(Long.class).single() > 0) {
                return false;
            }
            return service.generate(g).isPresent();
        }));
        return Boolean.TRUE.equals(created);
    }

    private static Boolean attempt(java.util.function.Supplier<Boolean> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException raced) {
            return false; // the unique source key: another node or delivery created it first
        }
    }

    private static String label(Purchases.PurchaseRef p) {
        String label = p.product() + (p.model() == null ? "" : " " + p.model())
                + (p.serialNo() == null ? "" : " #" + p.serialNo());
        return label.length() > 60 ? label.substring(0, 60) : label;
    }
}
