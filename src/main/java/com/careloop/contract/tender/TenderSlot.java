package com.careloop.contract.tender;

/** The kinds of files kept with a tender (platform file store, owner type {@code contract-tender}, slot = the kind). */
public enum TenderSlot { TENDER_DOCUMENT, DRAWING, OTHER }
