package com.careloop.inspection;

/** The five kinds of audit the engine serves; a template is made for one kind. */
public enum AuditKind {
    /** A customer's CSR audit of us (客户CSR稽查). */
    CSR,
    /** A factory audit (验厂), with the HR items. */
    FACTORY,
    /** Our inspection of a supplier (供应商考察): 6S, 五清六分批. */
    SUPPLIER,
    /** A mystery-shopper visit of a property site (神秘顾客). */
    MYSTERY_SHOPPER,
    /** A visit to a customer before the contract (签约前考察): photos per certification scheme, risk, decision. */
    PRE_CONTRACT;

    /** The CAPA source a finding of this kind opens: audits by or for customers are AUDIT, our own checks INSPECTION. */
    public String capaSource() {
        return this == CSR || this == FACTORY ? "AUDIT" : "INSPECTION";
    }
}
