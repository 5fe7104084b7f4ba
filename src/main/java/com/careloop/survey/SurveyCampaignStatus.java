package com.careloop.survey;

/** DRAFT -> SAMPLED (preview; redraw allowed) -> SENT -> SUPPLEMENTARY (追加调查 out) -> CLOSED. */
public enum SurveyCampaignStatus {
    DRAFT, SAMPLED, SENT, SUPPLEMENTARY, CLOSED
}
