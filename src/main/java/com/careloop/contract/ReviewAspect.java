package com.careloop.contract;

/**
 * What a reviewer signs (the seeds' matrix): quantity/price/payment; standards and parameters; process capability;
 * inspection and acceptance criteria; material availability incl. purchase cycle; capacity and delivery date;
 * payment and customer credit (finance). The general manager's approval of a major contract is {@link #MAJOR};
 * the sales manager's agreement to terminate a contract (a change) is {@link #TERMINATION}; the warehouse keeper's
 * signature on the issue slip of a regular contract in stock (seed 001-C4) is {@link #STOCK_ISSUE}. Seeds 001-C5/C6/C9:
 * the chief engineer (总工程师) reviews a special contract's design capability and statutory requirements
 * ({@link #DESIGN_STATUTORY}); the sales vice general manager (销售副总经理) signs a regular or special contract after the
 * departments ({@link #VICE_GM_SIGNOFF}).
 */
public enum ReviewAspect {
    QUANTITY_PRICE_PAYMENT, STANDARDS_PARAMETERS, PROCESS_CAPABILITY, INSPECTION_ACCEPTANCE, MATERIALS,
    CAPACITY_DELIVERY, PAYMENT_CREDIT, MAJOR, TERMINATION, STOCK_ISSUE,
    DESIGN_STATUTORY, VICE_GM_SIGNOFF;

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
