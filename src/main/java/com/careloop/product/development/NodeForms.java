package com.careloop.product.development;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.product.ProductCommands;
import com.careloop.product.ProductCommands.BomLine;
import com.careloop.product.ProductCommands.Tier;
import com.careloop.product.ProductViews.AnswerForm;
import com.careloop.product.ProductViews.CostLine;
import com.careloop.product.ProductViews.CostSheet;
import com.careloop.product.ProductViews.PilotForm;
import com.careloop.product.ProductViews.ProcessSheetForm;
import com.careloop.product.ProductViews.QuotationForm;
import com.careloop.product.ProductViews.RndReportForm;

/**
 * The input rules of the node forms (422 naming the field, e.g. {@code bom[2].quantity}, nothing saved) and the
 * arithmetic they carry: the pilot's yield, finance's cost calculation (BigDecimal, exact until the stated rounding)
 * and the quotation tier an ordered quantity reaches.
 */
public final class NodeForms {

    static final int TEXT = 2000;
    static final int NAME = 200;

    private NodeForms() {
    }

    public static ProductCommands.Demand demand(ProductCommands.Demand d, LocalDate today) {
        required("demand", d);
        BigDecimal first = optionalPositive("demand.firstOrderQuantity", d.firstOrderQuantity());
        BigDecimal annual = optionalPositive("demand.annualQuantity", d.annualQuantity());
        BigDecimal target = d.targetPrice();
        if (target != null && target.signum() < 0) {
            throw new InvalidInputException("demand.targetPrice", "not-negative",
                    Text.of("error.product.not-negative", "demand.targetPrice", target.toPlainString()));
        }
        LocalDate required = d.requiredOn();
        if (required != null && required.isBefore(today)) {
            throw new InvalidInputException("demand.requiredOn", "not-in-past", Text.of("error.product.date-in-past",
                    "demand.requiredOn", required.toString(), today.toString()));
        }
        return new ProductCommands.Demand(text("demand.productName", d.productName(), NAME),
                optional("demand.application", d.application(), TEXT), first, annual,
                text("demand.unit", d.unit(), 20), target, required, optional("demand.requirements", d.requirements(),
                TEXT));
    }

    public static RndReportForm rndReport(ProductCommands.RndReport r) {
        required("body", r);
        required("feasible", r.feasible());
        return new RndReportForm(text("summary", r.summary(), TEXT), optional("testResults", r.testResults(), TEXT),
                r.feasible(), optional("conclusion", r.conclusion(), TEXT));
    }

    /** The process sheet and its BOM: at least one line, each with a component, a quantity > 0 and a unit. */
    public static ProcessSheetForm processSheet(ProductCommands.ProcessSheet p) {
        required("body", p);
        String process = text("process", p.process(), TEXT);
        if (p.bom() == null || p.bom().isEmpty()) {
            throw new InvalidInputException("bom", "required", Text.of("error.product.bom-empty"));
        }
        List<BomLine> lines = new ArrayList<>();
        for (int i = 0; i < p.bom().size(); i++) {
            BomLine l = p.bom().get(i);
            String at = "bom[" + i + "]";
            required(at, l);
            String component = text(at + ".component", l.component(), NAME);
            BigDecimal quantity = positive(at + ".quantity", l.quantity());
            lines.add(new BomLine(component, optional(at + ".spec", l.spec(), NAME), quantity,
                    text(at + ".unit", l.unit(), 20)));
        }
        return new ProcessSheetForm(process, optional("spec", p.spec(), NAME), List.copyOf(lines));
    }

    /** The pilot run: a day not in the future, quantity run > 0, good quantity > 0 and ≤ run; yield computed. */
    public static PilotForm pilot(ProductCommands.Pilot p, LocalDate today) {
        required("body", p);
        LocalDate runOn = notFuture("runOn", p.runOn(), today);
        BigDecimal run = positive("quantityRun", p.quantityRun());
        BigDecimal good = positive("quantityGood", p.quantityGood());
        if (good.compareTo(run) > 0) {
            throw new InvalidInputException("quantityGood", "at-most-run", Text.of("error.product.good-above-run",
                    good.toPlainString(), run.toPlainString()));
        }
        return new PilotForm(runOn, run, good, yieldPercent(run, good), optional("defects", p.defects(), TEXT),
                optional("conclusion", p.conclusion(), TEXT));
    }

    public static BigDecimal yieldPercent(BigDecimal run, BigDecimal good) {
        return good.multiply(BigDecimal.valueOf(100)).divide(run, 2, RoundingMode.HALF_UP);
    }

    /**
     * Finance's cost calculation from the BOM and the pilot: line amount = quantity × unit cost (exact); material =
     * Σ amounts; unit cost = material + labour + overhead; cost per good unit = unit cost × run ÷ good, four decimals
     * half up (the pilot's scrap is carried by the good units).
     */
    public static CostSheet cost(ProductCommands.Cost c, ProcessSheetForm sheet, PilotForm pilot) {
        required("body", c);
        List<BomLine> bom = sheet.bom();
        if (c.unitCosts() == null || c.unitCosts().size() != bom.size()) {
            throw new InvalidInputException("unitCosts", "one-per-bom-line", Text.of("error.product.unit-costs",
                    bom.size(), c.unitCosts() == null ? 0 : c.unitCosts().size()));
        }
        List<CostLine> lines = new ArrayList<>();
        BigDecimal material = BigDecimal.ZERO;
        for (int i = 0; i < bom.size(); i++) {
            BigDecimal unitCost = notNegative("unitCosts[" + i + "]", c.unitCosts().get(i));
            BomLine l = bom.get(i);
            BigDecimal amount = l.quantity().multiply(unitCost);
            material = material.add(amount);
            lines.add(new CostLine(l.component(), l.spec(), l.quantity(), l.unit(), unitCost, amount));
        }
        BigDecimal labour = notNegative("labourCost", c.labourCost());
        BigDecimal overhead = notNegative("overheadCost", c.overheadCost());
        BigDecimal unitCost = material.add(labour).add(overhead);
        BigDecimal perGood = unitCost.multiply(pilot.quantityRun()).divide(pilot.quantityGood(), 4,
                RoundingMode.HALF_UP);
        return new CostSheet(List.copyOf(lines), material, labour, overhead, unitCost, pilot.yieldPercent(), perGood,
                optional("note", c.note(), TEXT));
    }

    /** The quotation: tiers by rising minimum quantity (> 0) with unit prices > 0, valid until today or later. */
    public static QuotationForm quotation(ProductCommands.Quotation q, String unit, CostSheet cost, LocalDate today) {
        required("body", q);
        if (q.tiers() == null || q.tiers().isEmpty()) {
            throw new InvalidInputException("tiers", "required", Text.of("error.product.tiers-empty"));
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal last = null;
        for (int i = 0; i < q.tiers().size(); i++) {
            Tier t = q.tiers().get(i);
            required("tiers[" + i + "]", t);
            BigDecimal min = positive("tiers[" + i + "].minQuantity", t.minQuantity());
            if (last != null && min.compareTo(last) <= 0) {
                throw new InvalidInputException("tiers[" + i + "].minQuantity", "rising",
                        Text.of("error.product.tier-order", min.toPlainString(), last.toPlainString()));
            }
            last = min;
            tiers.add(new Tier(min, positive("tiers[" + i + "].unitPrice", t.unitPrice())));
        }
        required("validUntil", q.validUntil());
        if (q.validUntil().isBefore(today)) {
            throw new InvalidInputException("validUntil", "not-in-past", Text.of("error.product.date-in-past",
                    "validUntil", q.validUntil().toString(), today.toString()));
        }
        return new QuotationForm(List.copyOf(tiers), q.validUntil(), optional("terms", q.terms(), TEXT), unit,
                cost.costPerGoodUnit(), null, null);
    }

    public static QuotationForm sent(QuotationForm q, ProductCommands.Send s, LocalDate today) {
        required("body", s);
        return new QuotationForm(q.tiers(), q.validUntil(), q.terms(), q.unit(), q.costPerGoodUnit(),
                notFuture("sentOn", s.sentOn(), today), optional("sentTo", s.sentTo(), NAME));
    }

    /**
     * The customer's answer: accepted needs the ordered quantity (at least the lowest tier; its price is the highest
     * tier it reaches) and a delivery date not before the answer.
     */
    public static AnswerForm answer(ProductCommands.Answer a, QuotationForm q, LocalDate today) {
        required("body", a);
        required("accepted", a.accepted());
        LocalDate on = notFuture("answeredOn", a.answeredOn(), today);
        String note = optional("note", a.note(), TEXT);
        if (!a.accepted()) {
            return new AnswerForm(false, on, null, null, null, note);
        }
        BigDecimal quantity = positive("quantity", a.quantity());
        BigDecimal price = tierPrice(q.tiers(), quantity);
        required("deliveryDate", a.deliveryDate());
        if (a.deliveryDate().isBefore(on)) {
            throw new InvalidInputException("deliveryDate", "not-before-answer", Text.of(
                    "error.product.delivery-before-answer", a.deliveryDate().toString(), on.toString()));
        }
        return new AnswerForm(true, on, quantity, price, a.deliveryDate(), note);
    }

    /** The unit price of the highest tier the quantity reaches; below the lowest tier → 422 on {@code quantity}. */
    public static BigDecimal tierPrice(List<Tier> tiers, BigDecimal quantity) {
        BigDecimal price = null;
        for (Tier t : tiers) {
            if (quantity.compareTo(t.minQuantity()) >= 0) {
                price = t.unitPrice();
            }
        }
        if (price == null) {
            throw new InvalidInputException("quantity", "below-lowest-tier", Text.of("error.product.below-tier",
                    quantity.toPlainString(), tiers.get(0).minQuantity().toPlainString()));
        }
        return price;
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    public static void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "required", Text.of("error.product.required", field));
        }
    }

    static String text(String field, String value, int max) {
        required(field, value);
        return optional(field, value, max);
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "max-length", Text.of("error.product.too-long", field, max));
        }
        return v;
    }

    static BigDecimal positive(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() <= 0) {
            throw new InvalidInputException(field, "positive", Text.of("error.product.positive", field,
                    value.toPlainString()));
        }
        return value;
    }

    static BigDecimal optionalPositive(String field, BigDecimal value) {
        return value == null ? null : positive(field, value);
    }

    static BigDecimal notNegative(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "not-negative", Text.of("error.product.not-negative", field,
                    value.toPlainString()));
        }
        return value;
    }

    static LocalDate notFuture(String field, LocalDate value, LocalDate today) {
        required(field, value);
        if (value.isAfter(today)) {
            throw new InvalidInputException(field, "not-in-future", Text.of("error.product.date-in-future", field,
                    value.toString(), today.toString()));
        }
        return value;
    }
}
