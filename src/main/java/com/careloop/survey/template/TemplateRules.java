package com.careloop.survey.template;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * The rules a template revision must keep before it is saved: dimensions with weights summing to 100 % (within
 * 0.001), at least one item per dimension, unique item codes, thresholds 0 <= B < A <= 100.
 */
final class TemplateRules {

    static final BigDecimal DEFAULT_A = new BigDecimal("90");
    static final BigDecimal DEFAULT_B = new BigDecimal("70");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.001");

    private TemplateRules() {
    }

    static void check(TemplateDraft d) {
        BigDecimal a = thresholdA(d);
        BigDecimal b = thresholdB(d);
        if (a.compareTo(HUNDRED) > 0 || b.signum() < 0) {
            throw new InvalidInputException("thresholdA", "range", Text.of("error.survey.thresholds-within-0-100"));
        }
        if (a.compareTo(b) <= 0) {
            throw new InvalidInputException("thresholdA", "a-greater-than-b",
                    Text.of("error.survey.a-greater-than-b", String.valueOf(a), String.valueOf(b)));
        }
        List<TemplateDraft.Dimension> dims = d.dimensions() == null ? List.of() : d.dimensions();
        if (dims.isEmpty()) {
            throw new InvalidInputException("dimensions", "not-empty", Text.of("error.survey.least-one-dimension-required"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < dims.size(); i++) {
            TemplateDraft.Dimension dim = dims.get(i);
            if (dim.weight() == null || dim.weight().signum() < 0) {
                throw new InvalidInputException("dimensions[" + i + "].weight", "non-negative",
                        Text.of("error.survey.weight-non-negative", String.valueOf(i + 1)));
            }
            sum = sum.add(dim.weight());
            if (dim.items() == null || dim.items().isEmpty()) {
                throw new InvalidInputException("dimensions[" + i + "].items", "not-empty",
                        Text.of("error.survey.dimension-needs-item", dim.name()));

            }
            for (int j = 0; j < dim.items().size(); j++) {
                String code = dim.items().get(j).code().trim();
                if (!codes.add(code.toUpperCase())) {
                    throw new InvalidInputException("dimensions[" + i + "].items[" + j + "].code", "unique",
                            "项目代码重复：" + code + " / item code " + code + " is used twice");
                }
            }
        }
        if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
            throw new InvalidInputException("dimensions", "weights-sum-100",
                    "维度权重合计须为 100%，现为 " + sum.stripTrailingZeros().toPlainString()
                            + "% / the dimension weights must sum to 100% (they sum to " + sum.stripTrailingZeros().toPlainString() + "%)");
        }
    }

    static BigDecimal thresholdA(TemplateDraft d) {
        return d.thresholdA() == null ? DEFAULT_A : d.thresholdA();
    }

    static BigDecimal thresholdB(TemplateDraft d) {
        return d.thresholdB() == null ? DEFAULT_B : d.thresholdB();
    }
}
