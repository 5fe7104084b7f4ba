package com.careloop.contract.review;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ReviewAspect;

/**
 * Which review aspects a change touches: the union over its kinds of the configured mapping (table
 * {@code contract_change_aspect}, next to the review matrix in the approval chain {@code contract.CHANGE}). Only the
 * departments signing those aspects re-review the change.
 */
final class ChangeAspects {

    /** The seeds' default (V98): quantity/price → sales + finance; date → production capacity; structure, spec and
     * process → technical + production + quality; requirements → technical + quality; material → purchasing;
     * termination → sales manager + production + finance. */
    static final Map<ChangeKind, Set<ReviewAspect>> SEEDS_DEFAULT = seedsDefault();

    private ChangeAspects() {
    }

    static Set<ReviewAspect> touched(Collection<ChangeKind> kinds, Map<ChangeKind, Set<ReviewAspect>> matrix) {
        Set<ReviewAspect> aspects = EnumSet.noneOf(ReviewAspect.class);
        for (ChangeKind k : kinds) {
            aspects.addAll(matrix.getOrDefault(k, Set.of()));
        }
        return aspects;
    }

    private static Map<ChangeKind, Set<ReviewAspect>> seedsDefault() {
        Map<ChangeKind, Set<ReviewAspect>> m = new EnumMap<>(ChangeKind.class);
        m.put(ChangeKind.QUANTITY, EnumSet.of(ReviewAspect.QUANTITY_PRICE_PAYMENT, ReviewAspect.PAYMENT_CREDIT));
        m.put(ChangeKind.PRICE, EnumSet.of(ReviewAspect.QUANTITY_PRICE_PAYMENT, ReviewAspect.PAYMENT_CREDIT));
        m.put(ChangeKind.DELIVERY_DATE, EnumSet.of(ReviewAspect.CAPACITY_DELIVERY));
        Set<ReviewAspect> technical = EnumSet.of(ReviewAspect.STANDARDS_PARAMETERS, ReviewAspect.PROCESS_CAPABILITY,
                ReviewAspect.INSPECTION_ACCEPTANCE);
        m.put(ChangeKind.STRUCTURE_SPEC, technical);
        m.put(ChangeKind.PROCESS, technical);
        m.put(ChangeKind.PACKAGING_REQUIREMENTS, EnumSet.of(ReviewAspect.STANDARDS_PARAMETERS,
                ReviewAspect.INSPECTION_ACCEPTANCE));
        m.put(ChangeKind.MATERIAL, EnumSet.of(ReviewAspect.MATERIALS));
        m.put(ChangeKind.TERMINATION, EnumSet.of(ReviewAspect.TERMINATION, ReviewAspect.CAPACITY_DELIVERY,
                ReviewAspect.PAYMENT_CREDIT));
        return Map.copyOf(m);
    }
}
