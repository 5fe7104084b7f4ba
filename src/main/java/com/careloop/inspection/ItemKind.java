package com.careloop.inspection;

/** How a checklist item is answered. */
public enum ItemKind {
    /** YES passes, NO fails. */
    YES_NO,
    /** 0..maxScore; below half the maximum is a failed item. */
    SCORE,
    /** Free text; not scored. */
    TEXT,
    /** A measured number within the item's limits; not scored. */
    NUMBER,
    /** Photos: at least minPhotos (JPEG/PNG) must be uploaded before the item counts as done. */
    PHOTO
}
