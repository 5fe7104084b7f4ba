package com.careloop.contract;

/**
 * What a reviewer signs (the seeds' matrix): quantity/price/payment; standards and parameters; process capability;
 * inspection and acceptance criteria; material availability incl. purchase cycle; capacity and delivery date;
 * payment and customer credit (finance). The general manager's approval of a major contract is {@link #MAJOR};
 * the sales manager's agreement to terminate a contract (a change) is {@link #TERMINATION}.
 */
public enum ReviewAspect {
    QUANTITY_PRICE_PAYMENT, STANDARDS_PARAMETERS, PROCESS_CAPABILITY, INSPECTION_ACCEPTANCE, MATERIALS,
    CAPACITY_DELIVERY, PAYMENT_CREDIT, MAJOR, TERMINATION;

    static final String PREFIX = "contract.aspect.";

    /** The message code the approval chain stores as the step's aspect. */
    public String code() {
        return PREFIX + name();
    }

    /** The aspect of a chain step's aspect code; null when it is not one of ours. */
    public static ReviewAspect ofCode(String code) {
        if (code == null || !code.startsWith(PREFIX)) {
            return null;
        }
        try {
            return valueOf(code.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
