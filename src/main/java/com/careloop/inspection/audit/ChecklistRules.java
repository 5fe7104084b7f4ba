package com.careloop.inspection.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import com.careloop.inspection.AuditResult;
import com.careloop.inspection.ItemKind;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * The rules of the checklist engine, without a database: how an answer to an item is checked and marked (validated
 * by kind: yes/no, a score within 0..N, a number within the item's limits, the minimum photos), and how the marked
 * answers make the score (by weights), the red-line verdict and the result.
 */
public final class ChecklistRules {

    /** What the rules need of an item. */
    public record ItemSpec(long id, ItemKind kind, Integer maxScore, BigDecimal minValue, BigDecimal maxValue,
                           int minPhotos, int weight, boolean redLine) {
    }

    /** An answer as stored: {@code fraction} of the item's weight earned (null: not scored), {@code failed}. */
    public record Marked(String answer, boolean notApplicable, BigDecimal fraction, boolean failed) {
    }

    /** One marked answer with its item's weight and red-line flag, for the score. */
    public record Scored(int weight, BigDecimal fraction, boolean failed, boolean redLine) {
    }

    public record Outcome(BigDecimal score, AuditResult result, boolean redLineFailed) {
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ChecklistRules() {
    }

    /**
     * Checks an answer against its item and marks it; a broken rule is a 422 naming the field ({@code answer} or
     * {@code photos}). {@code photos} is the number of photos already uploaded for the item.
     */
    public static Marked mark(ItemSpec item, String answer, boolean notApplicable, int photos) {
        String a = answer == null ? null : answer.trim();
        if (notApplicable) {
            if (item.redLine()) {
                throw new InvalidInputException("notApplicable", "red-line", Text.of("error.inspection.red-line-na"));
            }
            return new Marked(null, true, null, false);
        }
        return switch (item.kind()) {
            case YES_NO -> {
                String v = a == null ? "" : a.toUpperCase(Locale.ROOT);
                if (!v.equals("YES") && !v.equals("NO")) {
                    throw new InvalidInputException("answer", "yes-no", Text.of("error.inspection.yes-no"));
                }
                boolean yes = v.equals("YES");
                yield new Marked(v, false, yes ? BigDecimal.ONE : BigDecimal.ZERO, !yes);
            }
            case SCORE -> {
                int max = item.maxScore() == null ? 5 : item.maxScore();
                int v;
                try {
                    v = Integer.parseInt(a == null ? "" : a);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("answer", "range", Text.of("error.inspection.score-range", max));
                }
                if (v < 0 || v > max) {
                    throw new InvalidInputException("answer", "range", Text.of("error.inspection.score-range", max));
                }
                BigDecimal f = BigDecimal.valueOf(v).divide(BigDecimal.valueOf(max), 4, RoundingMode.HALF_UP);
                yield new Marked(String.valueOf(v), false, f, f.compareTo(HALF) < 0);
            }
            case TEXT -> {
                if (a == null || a.isEmpty()) {
                    throw new InvalidInputException("answer", "required", Text.of("error.inspection.answer-required"));
                }
                yield new Marked(a.length() > 2000 ? a.substring(0, 2000) : a, false, null, false);
            }
            case NUMBER -> {
                BigDecimal v;
                try {
                    v = new BigDecimal(a == null ? "" : a);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("answer", "number", Text.of("error.inspection.number"));
                }
                if ((item.minValue() != null && v.compareTo(item.minValue()) < 0)
                        || (item.maxValue() != null && v.compareTo(item.maxValue()) > 0)) {
                    throw new InvalidInputException("answer", "range", Text.of("error.inspection.number-range",
                            plain(item.minValue()), plain(item.maxValue())));
                }
                yield new Marked(v.toPlainString(), false, null, false);
            }
            case PHOTO -> {
                if (photos < Math.max(1, item.minPhotos())) {
                    throw new InvalidInputException("photos", "minimum", Text.of("error.inspection.photos-minimum",
                            Math.max(1, item.minPhotos()), photos));
                }
                yield new Marked(String.valueOf(photos), false, BigDecimal.ONE, false);
            }
        };
    }

    /**
     * The score in percent of the weights of the scored answers (not-applicable and unscored answers left out; 100
     * when nothing is scored), and the result: a failed red-line item fails the audit whatever the score.
     */
    public static Outcome score(List<Scored> answers, int passScore, int conditionalScore) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        boolean redLineFailed = false;
        for (Scored s : answers) {
            if (s.redLine() && s.failed()) {
                redLineFailed = true;
            }
            if (s.fraction() == null || s.weight() <= 0) {
                continue;
            }
            earned = earned.add(s.fraction().multiply(BigDecimal.valueOf(s.weight())));
            possible = possible.add(BigDecimal.valueOf(s.weight()));
        }
        BigDecimal score = possible.signum() == 0 ? new BigDecimal("100.00")
                : earned.multiply(BigDecimal.valueOf(100)).divide(possible, 2, RoundingMode.HALF_UP);
        AuditResult result;
        if (redLineFailed || score.compareTo(BigDecimal.valueOf(conditionalScore)) < 0) {
            result = AuditResult.FAIL;
        } else if (score.compareTo(BigDecimal.valueOf(passScore)) < 0) {
            result = AuditResult.CONDITIONAL;
        } else {
            result = AuditResult.PASS;
        }
        return new Outcome(score, result, redLineFailed);
    }

    /** Whether an item applies to an audit with these schemes: items without schemes always, else on any match. */
    public static boolean applies(String itemSchemes, java.util.Collection<String> auditSchemes) {
        if (itemSchemes == null || itemSchemes.isBlank()) {
            return true;
        }
        for (String s : itemSchemes.split(",")) {
            if (auditSchemes.contains(s.trim())) {
                return true;
            }
        }
        return false;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
