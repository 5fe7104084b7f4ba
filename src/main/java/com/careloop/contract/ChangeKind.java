package com.careloop.contract;

/**
 * What a contract change (合同变更) changes, as the seeds name it (001-B12, 002-A15): quantity, delivery date, price,
 * structure/spec, process, packaging and other requirements, material, or the termination (解除/终止) of the contract.
 * Each kind touches review aspects (table {@code contract_change_aspect}); only their departments re-review.
 */
public enum ChangeKind {
    QUANTITY, DELIVERY_DATE, PRICE, STRUCTURE_SPEC, PROCESS, PACKAGING_REQUIREMENTS, MATERIAL, TERMINATION
}
