package com.careloop.property;

/** What a customer entrusted to the company (ISO 9001 8.5.3). */
public enum PropertyKind {
    MATERIAL, PART, TOOLING, MEASURING_EQUIPMENT, DRAWING_SPEC, SAMPLE, INTELLECTUAL_PROPERTY, PERSONAL_DATA;

    /** Intellectual property and personal data are confidential by nature: only named departments see them. */
    public boolean confidentialByNature() {
        return this == INTELLECTUAL_PROPERTY || this == PERSONAL_DATA;
    }

    /**
     * The department that owns (归口管理) this kind by default (001-E1): production for tooling, moulds, fixtures and
     * measuring equipment, materials and parts; technical development for drawings, specifications, samples and
     * intellectual property; sales for customers' personal data.
     */
    public String defaultOwnerCode() {
        return switch (this) {
            case MATERIAL, PART, TOOLING, MEASURING_EQUIPMENT -> "PROD";
            case DRAWING_SPEC, SAMPLE, INTELLECTUAL_PROPERTY -> "TECH";
            case PERSONAL_DATA -> "SALES";
        };
    }

    /**
     * Physical property must carry a permanent mark of its ownership (001-E3 "其标识必须是永久性的": a steel stamp, a
     * riveted plate, a laser engraving): materials, parts, tooling/moulds/fixtures, measuring equipment and samples.
     * Drawings, intellectual property and personal data are marked by their documents' control (optional here).
     */
    public boolean needsPermanentMarking() {
        return switch (this) {
            case MATERIAL, PART, TOOLING, MEASURING_EQUIPMENT, SAMPLE -> true;
            case DRAWING_SPEC, INTELLECTUAL_PROPERTY, PERSONAL_DATA -> false;
        };
    }

    /** Intellectual property and personal data record the use agreed with the customer (004-C3 用途) on register. */
    public boolean needsDesignatedUse() {
        return this == INTELLECTUAL_PROPERTY || this == PERSONAL_DATA;
    }

    /** Drawings and specifications are controlled documents: revisions, superseded ones kept (004-C4). */
    public boolean controlledDocument() {
        return this == DRAWING_SPEC;
    }
}
