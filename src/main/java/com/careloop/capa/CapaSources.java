package com.careloop.capa;

import java.util.List;

/** Where a CAPA comes from: the {@code sourceType} of {@link OpenCapa} and {@link SourceRef}. */
public final class CapaSources {

    public static final String COMPLAINT = "COMPLAINT";
    public static final String CALLBACK = "CALLBACK";
    public static final String SURVEY_ITEM = "SURVEY_ITEM";
    public static final String AUDIT = "AUDIT";
    public static final String INSPECTION = "INSPECTION";
    public static final String MANUAL = "MANUAL";
    /** A customer property problem report (顾客财产问题报告单). */
    public static final String CUSTOMER_PROPERTY = "CUSTOMER_PROPERTY";
    /** An open point of a field-service report (现场服务报告 Q/JL081304). */
    public static final String FIELD_SERVICE = "FIELD_SERVICE";

    public static final List<String> ALL = List.of(COMPLAINT, CALLBACK, SURVEY_ITEM, AUDIT, INSPECTION, MANUAL,
            CUSTOMER_PROPERTY, FIELD_SERVICE);

    /** The sources a person may open a CAPA for on the "new CAPA" form (the others come from their modules). */
    public static final List<String> MANUAL_ENTRY = List.of(MANUAL, AUDIT, INSPECTION);

    private CapaSources() {
    }

    public static boolean known(String sourceType) {
        return sourceType != null && ALL.contains(sourceType);
    }
}
