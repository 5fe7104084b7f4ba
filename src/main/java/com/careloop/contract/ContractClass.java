package com.careloop.contract;

/**
 * How a contract is reviewed: regular (一般合同, an unchanged product already made and delivered: sales + production),
 * special (特殊合同, new or changed product or requirements: every department of the matrix), or a repeat order of an
 * unchanged product (confirmation by the sales manager only, no countersign).
 */
public enum ContractClass {
    REGULAR, SPECIAL, REPEAT_UNCHANGED;

    /** The approval chain holding this class's review matrix; none for a repeat order (confirmation only). */
    public String chainCode() {
        return this == REPEAT_UNCHANGED ? null : "contract." + name();
    }
}
