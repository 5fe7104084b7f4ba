package com.careloop.complaint.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.customer.CustomerDirectory;
import com.careloop.capa.CapaCommands.ActionDone;
import com.careloop.capa.CapaCommands.RootCause;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.FishboneCategory;
import com.careloop.complaint.CauseCategory;
import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintChannel;
import com.careloop.complaint.ComplaintCommands.Acknowledge;
import com.careloop.complaint.ComplaintCommands.AddAction;
import com.careloop.complaint.ComplaintCommands.Assess;
import com.careloop.complaint.ComplaintCommands.CommunicateDecision;
import com.careloop.complaint.ComplaintCommands.Investigate;
import com.careloop.complaint.ComplaintCommands.Receive;
import com.careloop.complaint.ComplaintCommands.Verify;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.Complaints;
import com.careloop.complaint.Severity;
import com.careloop.complaint.Verification;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.SignedInAs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, once (while no complaint was received other than by a desk hand-over): 20 complaints of the demo customers over the
 * last 12 months, in every state, category, severity, cause, department and product, with one repeat pair.
 * Each goes through the {@link Complaints} commands as staff would (numbered, timeline and audit trail),
 * signed in as the administrator, one transaction per complaint. The steps happen "now", so afterwards their
 * times are moved back to when they would have happened (hours and days after receipt), which gives the
 * statistics realistic on-time and late figures.
 */
@Component
@Order(60)
class ComplaintDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDemoData.class);

    /**
     * One demo complaint: customer (index into the demo customers), days ago, product, the state it reaches,
     * category, severity, cause, department (index), hours to acknowledge, hours to the first action, days to close.
     */
    record Plan(int customer, int daysAgo, String product, ComplaintChannel channel, String content,
                ComplaintStatus reach, ComplaintCategory category, Severity severity, CauseCategory cause,
                int department, int ackHours, int replyHours, double closeDays) {
    }

    static final List<Plan> PLANS = List.of(
            plan(0, 340, "瓦楞纸箱（五层）", ComplaintChannel.PHONE, "纸箱抗压强度不足，堆码后塌箱", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, CauseCategory.RAW_MATERIAL, 0, 4, 30, 3),
            plan(1, 330, "彩印礼盒", ComplaintChannel.EMAIL, "礼盒印刷色差明显，与样稿不符", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.PROCESS, 1, 10, 50, 4),
            plan(2, 320, "纸护角", ComplaintChannel.SALES_REP, "护角尺寸偏小，装不进托盘", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.INSPECTION_MEASUREMENT, 0, 30, 80, 6),
            plan(3, 300, "瓦楞纸箱（三层）", ComplaintChannel.PHONE, "到货比约定晚了三天，影响出货", ComplaintStatus.CLOSED,
                    ComplaintCategory.DELIVERY_LOGISTICS, Severity.GENERAL, CauseCategory.TRANSPORT_DAMAGE, 2, 2, 20, 2),
            plan(4, 280, "蜂窝纸板", ComplaintChannel.VISIT, "纸板受潮发软", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.STORAGE, 2, 6, 40, 3.5),
            plan(5, 260, "食品包装袋", ComplaintChannel.ONLINE, "包装袋封口不严，漏气", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, CauseCategory.EQUIPMENT, 1, 3, 24, 5),
            plan(6, 240, "彩印礼盒", ComplaintChannel.PHONE, "送货司机态度差，卸货不配合", ComplaintStatus.CLOSED,
                    ComplaintCategory.STAFF_ATTITUDE, Severity.GENERAL, CauseCategory.PEOPLE, 2, 12, 60, 2),
            plan(0, 200, "彩印礼盒", ComplaintChannel.EMAIL, "对账单金额与合同单价不一致", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRICE_FEES, Severity.GENERAL, CauseCategory.OTHER, 3, 8, 48, 2.5),
            plan(1, 190, "瓦楞纸箱（五层）", ComplaintChannel.PHONE, "纸箱边缘开胶", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.PROCESS, 1, 5, 70, 4),
            plan(2, 180, "纸护角", ComplaintChannel.LETTER, "售后维修上门不及时", ComplaintStatus.CLOSED,
                    ComplaintCategory.AFTER_SALES_SERVICE, Severity.GENERAL, CauseCategory.SERVICE, 3, 26, 90, 8),
            plan(3, 160, "瓦楞纸箱（三层）", ComplaintChannel.PHONE, "纸箱印刷条码无法扫描", ComplaintStatus.CLOSED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, CauseCategory.PROCESS, 1, 2, 18, 3),
            plan(4, 140, "蜂窝纸板", ComplaintChannel.SALES_REP, "运输途中纸板压损", ComplaintStatus.CLOSED,
                    ComplaintCategory.DELIVERY_LOGISTICS, Severity.GENERAL, CauseCategory.TRANSPORT_DAMAGE, 2, 9, 30, 2),
            plan(5, 120, "食品包装袋", ComplaintChannel.EMAIL, "袋子有异味", ComplaintStatus.QUALITY_CONFIRMED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.RAW_MATERIAL, 0, 7, 40, 0),
            plan(6, 100, "彩印礼盒", ComplaintChannel.PHONE, "礼盒磁吸扣脱落", ComplaintStatus.VERIFIED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, CauseCategory.PROCESS, 1, 4, 30, 0),
            plan(1, 60, "瓦楞纸箱（三层）", ComplaintChannel.ONLINE, "发票开具错误，重复收费", ComplaintStatus.DECISION_COMMUNICATED,
                    ComplaintCategory.PRICE_FEES, Severity.GENERAL, CauseCategory.OTHER, 3, 20, 60, 0),
            plan(2, 50, "纸护角", ComplaintChannel.PHONE, "护角毛刺划伤货物", ComplaintStatus.ACTION_TAKEN,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, CauseCategory.EQUIPMENT, 0, 3, 30, 0),
            plan(0, 40, "瓦楞纸箱（五层）", ComplaintChannel.PHONE, "新批次纸箱仍然塌箱", ComplaintStatus.INVESTIGATED,
                    ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, CauseCategory.RAW_MATERIAL, 0, 2, 0, 0),
            plan(3, 30, "瓦楞纸箱（三层）", ComplaintChannel.VISIT, "业务员承诺的交期未兑现", ComplaintStatus.ASSESSED,
                    ComplaintCategory.DELIVERY_LOGISTICS, Severity.GENERAL, null, 2, 30, 0, 0),
            plan(4, 10, "蜂窝纸板", ComplaintChannel.EMAIL, "客服电话长时间无人接听", ComplaintStatus.ACKNOWLEDGED,
                    null, null, null, 0, 5, 0, 0),
            // the repeat of the 40-days-ago complaint: same customer, same product, within the 90-day window
            plan(0, 20, "瓦楞纸箱（五层）", ComplaintChannel.PHONE, "第三次反映纸箱塌箱问题，要求退货", ComplaintStatus.RECEIVED,
                    null, null, null, 0, 0, 0, 0));

    private final Complaints complaints;
    private final CareLoopProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CorrectiveActions corrective;
    private final SignedInAs signedIn;
    private final CustomerDirectory customerDirectory;

    ComplaintDemoData(Complaints complaints, CareLoopProperties properties, JdbcClient jdbc, TransactionTemplate tx,
                      Clock clock, CorrectiveActions corrective, SignedInAs signedIn,
                      CustomerDirectory customerDirectory) {
        this.complaints = complaints;
        this.corrective = corrective;
        this.signedIn = signedIn;
        this.customerDirectory = customerDirectory;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    private static Plan plan(int customer, int daysAgo, String product, ComplaintChannel channel, String content,
                             ComplaintStatus reach, ComplaintCategory category, Severity severity, CauseCategory cause,
                             int department, int ackHours, int replyHours, double closeDays) {
        return new Plan(customer, daysAgo, product, channel, content, reach, category, severity, cause, department,
                ackHours, replyHours, closeDays);
    }

    @Override
    public void run(ApplicationArguments args) {
        // complaints handed over by the service desk's own demo requests do not count: the table is "empty" of
        // complaints received directly
        if (!properties.demoData() || jdbc.sql("select count(*) from complaint where source_request_id is null")
                .query(Long.class).single() > 0) {
            return;
        }
        List<Long> customers = customerDirectory.firstActiveCustomerIds(8);
        List<Long> departments = jdbc.sql("select id from org_department where active = true and parent_id is not null"
                + " order by sort_order, id").query(Long.class).list();
        if (customers.size() < 7 || departments.isEmpty()) {
            return;
        }
        int[] loaded = {0};
        signedIn.run("admin", () -> {
            for (Plan p : PLANS) {
                try {
                    tx.executeWithoutResult(s -> load(p, customers.get(p.customer()),
                            departments.get(p.department() % departments.size())));
                    loaded[0]++;
                } catch (RuntimeException e) {
                    // a rule of a later version may refuse a step; the demo keeps what it could load
                    log.warn("Demo complaint ({} days ago) not loaded: {}", p.daysAgo(), e.getMessage());
                }
            }
        });
        log.info("Demo complaints loaded: {}", loaded[0]);
    }

    private void load(Plan p, long customer, long department) {
        ZoneId zone = properties.zone();
        Instant now = Instant.now(clock);
        Instant received = LocalDate.now(clock.withZone(zone)).minusDays(p.daysAgo()).atTime(9 + p.daysAgo() % 8, 15)
                .atZone(zone).toInstant();
        long id = complaints.receive(new Receive(customer, received.atZone(zone).toOffsetDateTime(), p.channel(),
                "HT-" + (2025_0000 + p.daysAgo()), p.product(), p.content(), "请尽快处理并给出书面答复",
                "PH" + (2025_0000 + p.daysAgo() / 7))).id();
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("RECEIVED", received);
        ComplaintStatus reach = p.reach();
        if (reach == ComplaintStatus.RECEIVED) {
            return;
        }
        complaints.acknowledge(id, new Acknowledge(OffsetDateTime.ofInstant(now.plus(Duration.ofDays(3)), zone), null));
        Instant ack = received.plus(Duration.ofHours(p.ackHours()));
        times.put("ACKNOWLEDGED", ack);
        if (reach.compareTo(ComplaintStatus.ASSESSED) >= 0) {
            complaints.assess(id, new Assess(p.category(), p.severity(), department, null, null,
                    p.category() == ComplaintCategory.STAFF_ATTITUDE ? "送货司机" : null, null));
            times.put("ASSESSED", ack.plus(Duration.ofHours(1)));
        }
        Instant firstAction = received.plus(Duration.ofHours(p.replyHours()));
        if (reach.compareTo(ComplaintStatus.INVESTIGATED) >= 0) {
            complaints.investigate(id, new Investigate(department, p.cause(), "调查结论：" + p.content() + "，原因已确认", null));
            times.put("INVESTIGATED", reach == ComplaintStatus.INVESTIGATED ? ack.plus(Duration.ofHours(20))
                    : firstAction.minus(Duration.ofHours(2)));
        }
        Instant closed = received.plus(Duration.ofMinutes(Math.round(p.closeDays() * 24 * 60)));
        if (reach.compareTo(ComplaintStatus.ACTION_TAKEN) >= 0) {
            var d = complaints.addCorrectiveAction(id, new AddAction("针对原因制定纠正措施并落实", "depthead", null,
                    LocalDate.now(clock.withZone(zone)).plusDays(10), null)); // a CAPA action's due date is never in the past
            times.put("ACTION_ADDED", firstAction);
            if (reach.compareTo(ComplaintStatus.DECISION_COMMUNICATED) >= 0) {
                d.capas().forEach(link -> completeCapa(link.capaId(), p));
                complaints.communicateDecision(id, new CommunicateDecision("电话", null, "已落实纠正措施，补发合格品", null));
                Instant end = p.closeDays() > 0 ? closed : firstAction.plus(Duration.ofDays(2));
                times.put("ACTION_DONE", between(firstAction, end, 0.4));
                times.put("DECISION_COMMUNICATED", between(firstAction, end, 0.6));
            }
            if (reach.compareTo(ComplaintStatus.VERIFIED) >= 0) {
                // the handler may not verify his own work (careloop.complaint.forbid-self-verification): the supervisor does
                signedIn.run("supervisor", () -> complaints.verify(id, new Verify(Verification.EFFECTIVE, null, null, null, null, null)));
                times.put("VERIFIED", between(firstAction, p.closeDays() > 0 ? closed : firstAction.plus(Duration.ofDays(2)), 0.8));
            }
            if (reach.compareTo(ComplaintStatus.QUALITY_CONFIRMED) >= 0) {
                complaints.confirmQuality(id, null);
                times.put("QUALITY_CONFIRMED", p.closeDays() > 0 ? between(firstAction, closed, 0.9)
                        : firstAction.plus(Duration.ofDays(2)));
            }
            if (reach == ComplaintStatus.CLOSED) {
                complaints.close(id, null);
                times.put("CLOSED", closed);
            }
        }
        backDate(id, times);
    }

    /** The CAPA a corrective action opened: root cause recorded, its actions done — so the complaint may close. */
    private void completeCapa(long capaId, Plan p) {
        corrective.rootCause(capaId, new RootCause(List.of("为什么出现问题：" + p.content(), "为什么未被发现：过程检验漏检"),
                FishboneCategory.METHOD, "作业方法与检验标准不完善", null));
        corrective.detail(capaId).actions().stream().filter(a -> !a.done()).forEach(a ->
                corrective.markActionDone(capaId, a.id(), new ActionDone("措施已落实，附整改记录", null)));
    }

    private static Instant between(Instant a, Instant b, double share) {
        return a.plusMillis(Math.round((b.toEpochMilli() - a.toEpochMilli()) * share));
    }

    /** Moves the step times back to when they would have happened (timeline, complaint and action columns). */
    private void backDate(long id, Map<String, Instant> times) {
        times.forEach((kind, at) -> jdbc.sql("update complaint_event set occurred_at = :at where complaint_id = :id and kind = :k")
                .param("at", Timestamp.from(at)).param("id", id).param("k", kind).update());
        Map<String, String> columns = Map.of("ACKNOWLEDGED", "acknowledged_at", "INVESTIGATED", "investigated_at",
                "ACTION_ADDED", "first_action_at", "DECISION_COMMUNICATED", "decision_at", "VERIFIED", "verified_at",
                "QUALITY_CONFIRMED", "quality_confirmed_at", "CLOSED", "closed_at");
        columns.forEach((kind, column) -> {
            if (times.containsKey(kind)) {
                jdbc.sql("update complaint set " + column + " = :at where id = :id")
                        .param("at", Timestamp.from(times.get(kind))).param("id", id).update();
            }
        });
        if (times.containsKey("ACKNOWLEDGED")) {
            jdbc.sql("update complaint set promised_reply_by = :at where id = :id")
                    .param("at", Timestamp.from(times.get("ACKNOWLEDGED").plus(Duration.ofDays(3)))).param("id", id).update();
        }
        if (times.containsKey("ACTION_ADDED")) {
            jdbc.sql("update complaint_action set created_at = :at where complaint_id = :id")
                    .param("at", Timestamp.from(times.get("ACTION_ADDED"))).param("id", id).update();
        }
        if (times.containsKey("ACTION_DONE")) {
            jdbc.sql("update complaint_action set done_at = :at where complaint_id = :id and done = true")
                    .param("at", Timestamp.from(times.get("ACTION_DONE"))).param("id", id).update();
        }
    }
}
