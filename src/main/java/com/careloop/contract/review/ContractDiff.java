package com.careloop.contract.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ContractViews;
import com.careloop.platform.Text;

/**
 * The field-level difference between two revisions of a contract: the delivery date, payment terms, special
 * requirements and total, and the lines matched by their number — added, removed, or changed field by field (old →
 * new). Each entry carries a {@link Text} (code + arguments) rendered in the reader's language; nothing is stored as a
 * sentence. Also tells which change kinds the difference implies, so a change cannot alter what it does not declare.
 */
public final class ContractDiff {

    /** One difference: the field ({@code deliveryDate}, {@code lines[1].quantity} …), ADDED / REMOVED / CHANGED. */
    public record Entry(String field, String change, Integer lineNo, String before, String after, Text text) {
    }

    private ContractDiff() {
    }

    public static List<Entry> between(ContractTerms from, ContractTerms to) {
        List<Entry> out = new ArrayList<>();
        field(out, "deliveryDate", from.deliveryDate(), to.deliveryDate());
        field(out, "paymentTerms", from.paymentTerms(), to.paymentTerms());
        field(out, "specialRequirements", from.specialRequirements(), to.specialRequirements());
        int n = Math.max(from.lines().size(), to.lines().size());
        for (int i = 0; i < n; i++) {
            ContractViews.Line a = i < from.lines().size() ? from.lines().get(i) : null;
            ContractViews.Line b = i < to.lines().size() ? to.lines().get(i) : null;
            int no = i + 1;
            if (a == null) {
                out.add(new Entry("lines[" + no + "]", "ADDED", no, null, describe(b),
                        Text.of("contract.diff.line-added", no, describe(b))));
            } else if (b == null) {
                out.add(new Entry("lines[" + no + "]", "REMOVED", no, describe(a), null,
                        Text.of("contract.diff.line-removed", no, describe(a))));
            } else {
                line(out, no, "product", a.product(), b.product());
                line(out, no, "spec", a.spec(), b.spec());
                line(out, no, "quantity", a.quantity(), b.quantity());
                line(out, no, "unit", a.unit(), b.unit());
                line(out, no, "unitPrice", a.unitPrice(), b.unitPrice());
                line(out, no, "amount", a.amount(), b.amount());
                line(out, no, "remark", a.remark(), b.remark());
            }
        }
        field(out, "totalAmount", from.totalAmount(), to.totalAmount());
        return out;
    }

    /** The change kinds the difference implies (a changed quantity → QUANTITY, price → PRICE …). */
    public static Set<ChangeKind> impliedKinds(List<Entry> diff) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        for (Entry e : diff) {
            String f = e.field();
            if (f.equals("deliveryDate")) {
                kinds.add(ChangeKind.DELIVERY_DATE);
            } else if (f.equals("paymentTerms")) {
                kinds.add(ChangeKind.PRICE);
            } else if (f.equals("specialRequirements")) {
                kinds.add(ChangeKind.PACKAGING_REQUIREMENTS);
            } else if (e.lineNo() != null && !"CHANGED".equals(e.change())) {
                kinds.add(ChangeKind.QUANTITY);
            } else if (f.endsWith(".quantity") || f.endsWith(".unit")) {
                kinds.add(ChangeKind.QUANTITY);
            } else if (f.endsWith(".unitPrice")) {
                kinds.add(ChangeKind.PRICE);
            } else if (f.endsWith(".product") || f.endsWith(".spec")) {
                kinds.add(ChangeKind.STRUCTURE_SPEC);
            }
        }
        return kinds;
    }

    private static void field(List<Entry> out, String field, Object a, Object b) {
        if (!same(a, b)) {
            Object x = money(field, a);
            Object y = money(field, b);
            out.add(new Entry(field, "CHANGED", null, show(x), show(y), Text.of("contract.diff.changed",
                    Text.label("contract.diff.field", field), arg(x), arg(y))));
        }
    }

    private static void line(List<Entry> out, int no, String field, Object a, Object b) {
        if (!same(a, b)) {
            Object x = money(field, a);
            Object y = money(field, b);
            out.add(new Entry("lines[" + no + "]." + field, "CHANGED", no, show(x), show(y), Text.of(
                    "contract.diff.line-changed", no, Text.label("contract.diff.field", field), arg(x), arg(y))));
        }
    }

    /** Amounts and prices keep their fen (4080.00), quantities lose trailing zeros (1200). */
    private static Object money(String field, Object v) {
        return v instanceof BigDecimal d && (field.equals("amount") || field.equals("unitPrice")
                || field.equals("totalAmount")) ? d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : v;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Object arg(Object v) {
        if (v == null) {
            return Text.of("contract.diff.empty");
        }
        if (v instanceof java.time.LocalDate d) {
            return Text.Arg.date(d);
        }
        return show(v);
    }

    private static String show(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().scale() < 0 ? d.setScale(0).toPlainString()
                : d.toPlainString() : v.toString();
    }

    private static String describe(ContractViews.Line l) {
        return l.product() + (l.spec() == null ? "" : " " + l.spec()) + " × " + show(l.quantity()) + " " + l.unit()
                + " @ " + money("unitPrice", l.unitPrice());
    }
}
