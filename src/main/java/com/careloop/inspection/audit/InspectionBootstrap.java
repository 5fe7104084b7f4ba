package com.careloop.inspection.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.inspection.Audits;
import com.careloop.inspection.ChecklistTemplates;
import com.careloop.inspection.InspectionCommands.AddFinding;
import com.careloop.inspection.InspectionCommands.Answer;
import com.careloop.inspection.InspectionCommands.PlanAudit;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.InspectionViews;
import com.careloop.inspection.Severity;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record numbers of audits (SC) and findings (SF); the ready templates of the seeds, published, when there are none;
 * in demo mode one audit of each kind in different states (no CAPA, nothing overdue).
 */
@Component
@Order(66)
class InspectionBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final ChecklistTemplates templates;
    private final Audits audits;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail auditTrail;

    InspectionBootstrap(RecordNumbers numbers, ChecklistTemplates templates, Audits audits, CustomerDirectory customers,
                        JdbcClient jdbc, CareLoopProperties platform, SignedInAs signedIn, TransactionTemplate tx,
                        Clock clock, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.numbers = numbers;
        this.templates = templates;
        this.audits = audits;
        this.customers = customers;
        this.jdbc = jdbc;
        this.platform = platform;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(Audits.RECORD_TYPE, "SC", 5, "稽查/验厂/考察记录");
        numbers.define(Audits.FINDING_TYPE, "SF", 5, "稽查问题点");
        if (jdbc.sql("select count(*) from checklist_template").query(Long.class).single() == 0) {
            tx.executeWithoutResult(s -> ReadyTemplates.all().forEach(t ->
                    templates.publish(templates.create(t).id(), null)));
        }
        tx.executeWithoutResult(s -> traditionalTexts());
        tx.executeWithoutResult(s -> readyRevisions());
        boolean demoCompany = jdbc.sql("select count(*) from org_user where username = 'quality'").query(Long.class)
                .single() > 0;
        boolean empty = jdbc.sql("select count(*) from audit").query(Long.class).single() == 0;
        if (platform.demoData() && demoCompany && empty) {
            signedIn.run("quality", () -> tx.executeWithoutResult(s -> demo()));
        }
    }

    /**
     * The ready templates' items loaded before they had zh-TW texts get them (a translation only: the checklist, its
     * scoring and the audits on it do not change), once, with an audit entry.
     */
    private void traditionalTexts() {
        List<String> codes = ReadyTemplates.all().stream().map(t -> t.code()).toList();
        int filled = 0;
        for (var e : ReadyTemplates.ZH_TW.entrySet()) {
            filled += jdbc.sql("""
                    update checklist_item set text_zh_tw = :tw where text_zh_tw is null and text_zh_cn = :cn
                      and template_id in (select id from checklist_template where code in (:codes))""")
                    .param("tw", e.getValue()).param("cn", e.getKey()).param("codes", codes).update();
        }
        if (filled > 0) {
            auditTrail.record(ChecklistTemplates.RECORD_TYPE, "ready-templates", "ZH_TW_TEXTS",
                    AuditTrail.diff(Map.of(), Map.of("items", filled)));
        }
    }

    /**
     * A ready template that gained items (MYSTERY-GATE: the guard profile of 000-O3) gets a new published revision
     * with them, once: only while its published revision still holds exactly the items it was loaded with (the ready
     * items less the new ones) and the code has no draft, so a company's own revision is never overwritten. Audits
     * already planned keep their revision.
     */
    private void readyRevisions() {
        for (NewTemplate ready : ReadyTemplates.all()) {
            var published = templates.published(ready.code()).orElse(null);
            if (published == null) {
                continue;
            }
            List<String> have = published.sections().stream().flatMap(sec -> sec.items().stream())
                    .map(i -> i.textZhCn()).toList();
            List<String> want = ready.sections().stream().flatMap(sec -> sec.items().stream())
                    .map(i -> i.textZhCn()).toList();
            boolean drafts = jdbc.sql("select count(*) from checklist_template where code = :c and status = 'DRAFT'")
                    .param("c", ready.code()).query(Long.class).single() > 0;
            // the published revision must be the ready items less the new ones, in their order
            if (drafts || have.equals(want) || !want.stream().filter(have::contains).toList().equals(have)) {
                continue;
            }
            templates.publish(templates.importDraft(ready).id(), null);
        }
    }

    private void demo() {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        long quality = jdbc.sql("select id from org_user where username = 'quality'").query(Long.class).single();
        List<Long> team = jdbc.sql("select id from org_user where username in ('depthead', 'sales')").query(Long.class).list();
        Long hengshun = customers.lookUp("江苏恒顺食品有限公司", 1).stream().findFirst().map(CustomerCard::id).orElse(null);
        // CSR audit of a customer: conducted, a red line failed -> FAIL, findings open (due in ten working days)
        var csr = audits.plan(new PlanAudit(id("CSR-AUDIT"), today.minusDays(3), hengshun,
                hengshun == null ? "江苏恒顺食品有限公司" : null, quality, team, "恒顺审核员 李工、王工", List.of()));
        answerAll(csr, "YES");
        var fire = csr.sections().get(1).questions().get(3).item().id();
        audits.answer(csr.id(), fire, new Answer("NO", false, "二楼安全出口堆放纸箱"));
        audits.finish(csr.id(), null);
        audits.addFinding(csr.id(), new AddFinding("客户审核员：化学品仓未张贴MSDS", Severity.MINOR, null, null));
        // factory audit next week: planned
        audits.plan(new PlanAudit(id("FACTORY-HR"), today.plusDays(7), null, "某国际品牌商验厂", quality, team,
                null, List.of()));
        // supplier inspection: passed and closed
        var supplier = audits.plan(new PlanAudit(id("SUPPLIER-6S"), today.minusDays(20), null, "常州宏达包装材料有限公司",
                quality, List.of(), null, List.of()));
        for (var s : supplier.sections()) {
            for (var q : s.questions()) {
                audits.answer(supplier.id(), q.item().id(), new Answer(q.item().kind().name().equals("SCORE") ? "5" : "YES", false, null));
            }
        }
        audits.finish(supplier.id(), null);
        audits.close(supplier.id(), null);
        // mystery shopper: in progress, the gate section answered
        var mystery = audits.plan(new PlanAudit(id("MYSTERY-GATE"), today, null, "阳光花园小区 东门岗", quality,
                List.of(), null, List.of()));
        for (var q : mystery.sections().get(0).questions()) {
            audits.answer(mystery.id(), q.item().id(), new Answer("YES", false, null));
        }
        // pre-contract visit with EMS: planned (13 photos)
        audits.plan(new PlanAudit(id("PRE-CONTRACT-VISIT"), today.plusDays(3), null, "南通绿源食品有限公司", quality,
                List.of(), null, List.of("FSMS", "EMS")));
    }

    private void answerAll(InspectionViews.Audit a, String yes) {
        for (var s : a.sections()) {
            for (var q : s.questions()) {
                String answer = switch (q.item().kind()) {
                    case NUMBER -> "320";
                    case SCORE -> "5";
                    case TEXT -> "—";
                    default -> yes;
                };
                audits.answer(a.id(), q.item().id(), new Answer(answer, false, null));
            }
        }
    }

    private long id(String code) {
        return templates.published(code).orElseThrow().id();
    }
}
