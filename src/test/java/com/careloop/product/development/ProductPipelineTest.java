package com.careloop.product.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.product.DevelopmentStatus;
import com.careloop.product.NodeStatus;
import com.careloop.product.ProductCommands;
import com.careloop.product.ProductCommands.BomLine;
import com.careloop.product.ProductCommands.Tier;
import com.careloop.product.ProductNode;
import com.careloop.product.ProductViews.CostSheet;
import com.careloop.product.ProductViews.PilotForm;
import com.careloop.product.ProductViews.ProcessSheetForm;

import org.junit.jupiter.api.Test;

/** The pipeline's rules without Spring: node order, due days on the business calendar, the cost arithmetic. */
class ProductPipelineTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Friday 2 October 2026 falls in the National Day holiday; Saturday 10 October is a make-up working day. */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    static final WorkingDays DAYS = new WorkingDays(d -> d.equals(LocalDate.of(2026, 10, 10))
            || !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);

    final Clock clock = Clock.fixed(Instant.parse("2026-09-28T02:00:00Z"), ZONE);
    final LocalDate monday = LocalDate.now(clock);
    final ProductDevelopment.Actor sales = new ProductDevelopment.Actor(1L, "钱晓东");

    static ProductDevelopment.Plan plan() {
        Map<ProductNode, Long> departments = new EnumMap<>(ProductNode.class);
        Map<ProductNode, Integer> lead = new EnumMap<>(ProductNode.class);
        for (ProductNode n : ProductNode.values()) {
            departments.put(n, (long) n.ordinal() + 10);
            lead.put(n, n.defaultLeadDays());
        }
        return new ProductDevelopment.Plan(departments, lead);
    }

    ProductDevelopment started() {
        return ProductDevelopment.start("XP2026-00001", 7L, "江苏恒顺食品有限公司", "耐酸瓶盖内垫", sales, 3L, null,
                "{}", plan(), sales, monday, Instant.now(clock), DAYS);
    }

    @Test
    void theDemandFormIsTheFirstNodeDoneAndOpensRndWithItsDueDayOnTheBusinessCalendar() {
        ProductDevelopment d = started();
        assertThat(d.node(ProductNode.DEMAND).getStatus()).isEqualTo(NodeStatus.DONE);
        assertThat(d.getCurrentNode()).isEqualTo(ProductNode.RND_REPORT);
        // 10 working days from Monday 28 Sep: 29, 30 Sep, 8, 9, 10 (make-up Saturday), 12..16 Oct → Friday 16 Oct
        assertThat(d.node(ProductNode.RND_REPORT).getDueOn()).isEqualTo(LocalDate.of(2026, 10, 16));
        assertThat(d.node(ProductNode.PILOT).getStatus()).isEqualTo(NodeStatus.WAITING);
        assertThat(d.node(ProductNode.PILOT).getDueOn()).isNull();
    }

    @Test
    void aNodeCompletedOutOfOrderIsRefusedAndNothingChanges() {
        ProductDevelopment d = started();
        assertThatThrownBy(() -> d.complete(ProductNode.PILOT, "{}", plan(), sales, monday, Instant.now(clock), DAYS))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("product.node-out-of-order");
        assertThat(d.node(ProductNode.PILOT).getStatus()).isEqualTo(NodeStatus.WAITING);
        assertThat(d.getCurrentNode()).isEqualTo(ProductNode.RND_REPORT);
        d.complete(ProductNode.RND_REPORT, "{}", plan(), sales, monday.plusDays(3), Instant.now(clock), DAYS);
        assertThatThrownBy(() -> d.complete(ProductNode.RND_REPORT, "{}", plan(), sales, monday, Instant.now(clock),
                DAYS)).isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("product.node-done");
    }

    @Test
    void theLeadTimeOfANodeCountsWorkingDaysAfterItOpenedSkippingTheHoliday() {
        ProductDevelopment d = started();
        // opened Monday 28 Sep, completed Thursday 8 Oct: 29, 30 Sep and 8 Oct are working days
        d.complete(ProductNode.RND_REPORT, "{}", plan(), sales, LocalDate.of(2026, 10, 8), Instant.now(clock), DAYS);
        assertThat(d.node(ProductNode.RND_REPORT).getWorkingDays()).isEqualTo(3);
        assertThat(d.node(ProductNode.PROCESS_BOM).getOpenedOn()).isEqualTo(LocalDate.of(2026, 10, 8));
        // 5 working days from Thursday 8 Oct: 9, 10 (make-up), 12, 13, 14
        assertThat(d.node(ProductNode.PROCESS_BOM).getDueOn()).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void anOpenNodePastItsDueDayIsOverdueAndADoneOneNever() {
        ProductDevelopment d = started();
        DevelopmentNode rnd = d.node(ProductNode.RND_REPORT);
        assertThat(rnd.overdue(LocalDate.of(2026, 10, 16))).isFalse();
        assertThat(rnd.overdue(LocalDate.of(2026, 10, 17))).isTrue();
        d.complete(ProductNode.RND_REPORT, "{}", plan(), sales, LocalDate.of(2026, 10, 19), Instant.now(clock), DAYS);
        assertThat(rnd.overdue(LocalDate.of(2026, 10, 30))).isFalse();
    }

    @Test
    void theAnswerEndsTheDevelopmentAndNoNodeMovesAfterwards() {
        ProductDevelopment d = started();
        for (ProductNode n : List.of(ProductNode.RND_REPORT, ProductNode.PROCESS_BOM, ProductNode.PILOT,
                ProductNode.COST, ProductNode.QUOTATION)) {
            d.complete(n, "{}", plan(), sales, monday, Instant.now(clock), DAYS);
        }
        d.answer(true, "{}", plan(), sales, monday, Instant.now(clock), DAYS);
        assertThat(d.getStatus()).isEqualTo(DevelopmentStatus.ACCEPTED);
        assertThat(d.getCurrentNode()).isNull();
        assertThatThrownBy(() -> d.quotationSent("{}")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("product.ended");
    }

    @Test
    void aBomLineWithoutQuantityIsRefusedNamingTheLine() {
        var sheet = new ProductCommands.ProcessSheet("注塑 → 冲切 → 检验", null, List.of(
                new BomLine("PP 粒料", null, new BigDecimal("0.012"), "kg"),
                new BomLine("色母", null, new BigDecimal("0.0004"), "kg"),
                new BomLine("EPE 垫片", null, null, "片")), null);
        assertThatThrownBy(() -> NodeForms.processSheet(sheet)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("bom[2].quantity");
    }

    @Test
    void theCostIsTheBomTimesUnitCostsPlusLabourAndOverheadCarriedByTheGoodUnitsExactly() {
        ProcessSheetForm sheet = NodeForms.processSheet(new ProductCommands.ProcessSheet("注塑", null, List.of(
                new BomLine("PP 粒料", null, new BigDecimal("0.012"), "kg"),
                new BomLine("EPE 垫片", null, new BigDecimal("1"), "片")), null));
        PilotForm pilot = NodeForms.pilot(new ProductCommands.Pilot(monday, new BigDecimal("2000"),
                new BigDecimal("1900"), "缩痕 60，飞边 40", "可量产", null), monday);
        assertThat(pilot.yieldPercent()).isEqualByComparingTo("95.00");
        CostSheet cost = NodeForms.cost(new ProductCommands.Cost(List.of(new BigDecimal("11.50"),
                new BigDecimal("0.035")), new BigDecimal("0.02"), new BigDecimal("0.015"), null, null), sheet, pilot);
        // 0.012 × 11.50 = 0.138; 1 × 0.035 = 0.035; material 0.173; + 0.02 + 0.015 = 0.208
        assertThat(cost.lines().get(0).amount()).isEqualByComparingTo("0.138");
        assertThat(cost.materialCost()).isEqualByComparingTo("0.173");
        assertThat(cost.unitCost()).isEqualByComparingTo("0.208");
        // 0.208 × 2000 / 1900 = 0.218947… → 0.2189
        assertThat(cost.costPerGoodUnit()).isEqualTo(new BigDecimal("0.2189"));
    }

    @Test
    void aUnitCostIsNeededForEveryBomLine() {
        ProcessSheetForm sheet = new ProcessSheetForm("注塑", null, List.of(
                new BomLine("PP", null, BigDecimal.ONE, "kg"), new BomLine("EPE", null, BigDecimal.ONE, "片")));
        PilotForm pilot = new PilotForm(monday, BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("100.00"), null, null);
        assertThatThrownBy(() -> NodeForms.cost(new ProductCommands.Cost(List.of(BigDecimal.ONE), BigDecimal.ZERO,
                BigDecimal.ZERO, null, null), sheet, pilot)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("unitCosts");
    }

    @Test
    void theOrderedQuantityTakesThePriceOfTheHighestTierItReaches() {
        List<Tier> tiers = List.of(new Tier(new BigDecimal("10000"), new BigDecimal("0.32")),
                new Tier(new BigDecimal("50000"), new BigDecimal("0.29")),
                new Tier(new BigDecimal("100000"), new BigDecimal("0.27")));
        assertThat(NodeForms.tierPrice(tiers, new BigDecimal("10000"))).isEqualByComparingTo("0.32");
        assertThat(NodeForms.tierPrice(tiers, new BigDecimal("60000"))).isEqualByComparingTo("0.29");
        assertThat(NodeForms.tierPrice(tiers, new BigDecimal("100000"))).isEqualByComparingTo("0.27");
        assertThatThrownBy(() -> NodeForms.tierPrice(tiers, new BigDecimal("9999")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("quantity");
    }

    @Test
    void tiersMustRiseAndTheQuotationMustNotBeValidOnlyInThePast() {
        CostSheet cost = new CostSheet(List.of(), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                null, BigDecimal.ONE, null);
        assertThatThrownBy(() -> NodeForms.quotation(new ProductCommands.Quotation(List.of(
                new Tier(new BigDecimal("100"), BigDecimal.ONE), new Tier(new BigDecimal("100"), BigDecimal.ONE)),
                monday.plusDays(30), null, null), "个", cost, monday)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("tiers[1].minQuantity");
        assertThatThrownBy(() -> NodeForms.quotation(new ProductCommands.Quotation(List.of(
                new Tier(new BigDecimal("100"), BigDecimal.ONE)), monday.minusDays(1), null, null), "个", cost,
                monday)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("validUntil");
    }

    @Test
    void theReminderShowsOnceEightyPercentOfTheLeadTimeHasPassedAndNotWhenOverdue() {
        ProductDevelopment d = started();
        DevelopmentNode rnd = d.node(ProductNode.RND_REPORT);
        // 10 working days from Monday 28 Sep → the 8th working day: 29, 30 Sep, 8, 9, 10 (make-up), 12, 13, 14 Oct
        assertThat(rnd.getRemindOn()).isEqualTo(LocalDate.of(2026, 10, 14));
        Clock before = Clock.fixed(Instant.parse("2026-10-13T02:00:00Z"), ZONE);
        Clock at = Clock.fixed(Instant.parse("2026-10-14T02:00:00Z"), ZONE);
        Clock after = Clock.fixed(Instant.parse("2026-10-17T02:00:00Z"), ZONE);
        assertThat(rnd.dueSoon(LocalDate.now(before))).isFalse();
        assertThat(rnd.dueSoon(LocalDate.now(at))).isTrue();
        assertThat(rnd.dueSoon(LocalDate.of(2026, 10, 16))).as("still on the due day").isTrue();
        assertThat(rnd.dueSoon(LocalDate.now(after))).as("overdue is not 'due soon'").isFalse();
        assertThat(rnd.overdue(LocalDate.now(after))).isTrue();
        // the reminder day of the short nodes: 5 → 4th, 2 → 2nd working day; a configured 50 % → 5th of 10
        assertThat(plan().reminderDays(ProductNode.PROCESS_BOM)).isEqualTo(4);
        assertThat(plan().reminderDays(ProductNode.QUOTATION)).isEqualTo(2);
        assertThat(plan().reminderDays(ProductNode.DEMAND)).isNull();
        assertThat(new ProductDevelopment.Plan(plan().departments(), plan().leadDays(), 50)
                .reminderDays(ProductNode.RND_REPORT)).isEqualTo(5);
        d.complete(ProductNode.RND_REPORT, "{}", plan(), sales, LocalDate.of(2026, 10, 14), Instant.now(at), DAYS);
        assertThat(rnd.dueSoon(LocalDate.of(2026, 10, 15))).as("a done node is never reminded").isFalse();
    }

    ProductDevelopment quoted() {
        ProductDevelopment d = started();
        for (ProductNode n : List.of(ProductNode.RND_REPORT, ProductNode.PROCESS_BOM, ProductNode.PILOT,
                ProductNode.COST, ProductNode.QUOTATION)) {
            d.complete(n, "{\"n\":\"" + n + "\"}", plan(), sales, monday, Instant.now(clock), DAYS);
        }
        return d;
    }

    @Test
    void aRejectedQuotationIsQuotedAgainAsANewRevisionKeepingTheOldOne() {
        ProductDevelopment d = quoted();
        d.answer(false, "{\"accepted\":false}", plan(), sales, monday, Instant.now(clock), DAYS);
        assertThat(d.getStatus()).isEqualTo(DevelopmentStatus.REJECTED);
        LocalDate later = LocalDate.of(2026, 10, 12);
        QuotationRevision old = d.requote("{\"rev\":2}", false, plan(), sales, later, Instant.now(clock), DAYS);
        assertThat(old.getRevision()).isEqualTo(1);
        assertThat(old.getOutcome()).isEqualTo(QuotationRevision.REJECTED);
        assertThat(old.getQuotation()).contains("QUOTATION");
        assertThat(old.getAnswer()).contains("false");
        assertThat(d.getQuotationRevision()).isEqualTo(2);
        assertThat(d.form(ProductNode.QUOTATION)).isEqualTo("{\"rev\":2}");
        assertThat(d.getStatus()).isEqualTo(DevelopmentStatus.IN_PROGRESS);
        assertThat(d.getCurrentNode()).isEqualTo(ProductNode.CUSTOMER_ANSWER);
        DevelopmentNode answer = d.node(ProductNode.CUSTOMER_ANSWER);
        assertThat(answer.getStatus()).isEqualTo(NodeStatus.OPEN);
        assertThat(answer.getForm()).isNull();
        assertThat(answer.getOpenedOn()).isEqualTo(later);
        assertThat(d.getFinishedAt()).isNull();
    }

    @Test
    void aQuotationAwaitingTheAnswerIsQuotedAgainOnlyOnceExpiredAndAnAcceptedOneNever() {
        ProductDevelopment d = quoted();
        d.quotationLinked(41L);
        assertThat(d.answersCurrentQuotation(41L)).isTrue();
        assertThatThrownBy(() -> d.requote("{}", false, plan(), sales, monday, Instant.now(clock), DAYS))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("product.requote-not-allowed");
        QuotationRevision old = d.requote("{}", true, plan(), sales, monday, Instant.now(clock), DAYS);
        assertThat(old.getOutcome()).isEqualTo(QuotationRevision.EXPIRED);
        assertThat(d.answersCurrentQuotation(41L)).as("the earlier link no longer answers").isFalse();
        d.answer(true, "{}", plan(), sales, monday, Instant.now(clock), DAYS);
        assertThatThrownBy(() -> d.requote("{}", true, plan(), sales, monday, Instant.now(clock), DAYS))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("product.requote-not-allowed");
    }
}
