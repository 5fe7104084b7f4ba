package com.careloop.fieldservice.failure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recurring failures (重复失败): the same product with the same failure mode at least {@code threshold} times in the
 * last {@code months} months (today included; a failure exactly {@code months} months ago still counts).
 */
public record RecurrenceRule(int threshold, int months) {

    public RecurrenceRule {
        if (threshold < 2 || months < 1) {
            throw new IllegalArgumentException("threshold >= 2 and months >= 1");
        }
    }

    /** A product and a failure mode. */
    public record Key(String product, String mode) {
    }

    /** One failure as the rule sees it. */
    public record Occurrence(String product, String mode, LocalDate failedOn) {
    }

    /** The first day that counts. */
    public LocalDate since(LocalDate today) {
        return today.minusMonths(months);
    }

    public boolean recurring(long countInWindow) {
        return countInWindow >= threshold;
    }

    /** The product+mode pairs that are recurring today (failures after today are ignored). */
    public Set<Key> flag(Collection<Occurrence> failures, LocalDate today) {
        LocalDate from = since(today);
        Map<Key, Long> counts = new LinkedHashMap<>();
        for (Occurrence o : failures) {
            if (!o.failedOn().isBefore(from) && !o.failedOn().isAfter(today)) {
                counts.merge(new Key(o.product(), o.mode()), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> recurring(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
