package com.careloop.complaint.handling;

import com.careloop.capa.CapaReopened;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaVerified;
import com.careloop.capa.SourceRef;
import com.careloop.complaint.Complaints;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the CAPA module tells the complaints it came from, after the fact: each effectiveness check on the
 * timeline, and a failed one (the CAPA re-opened) also as the banner "CAPA re-opened after close" on a closed
 * complaint. Idempotent: each event has a key (CAPA, check round, complaint) received once (complaint_inbox).
 */
@Component
class CapaFeedback {

    private final Complaints complaints;

    CapaFeedback(Complaints complaints) {
        this.complaints = complaints;
    }

    @ApplicationModuleListener
    void on(CapaVerified event) {
        for (SourceRef s : event.sources()) {
            if (CapaSources.COMPLAINT.equals(s.sourceType())) {
                complaints.capaVerified(s.sourceId(), "CAPA_VERIFIED:" + event.capaId() + ":" + event.reopenCount() + ":"
                        + event.effective() + ":" + s.sourceId(), event.code(), event.effective());
            }
        }
    }

    @ApplicationModuleListener
    void on(CapaReopened event) {
        for (SourceRef s : event.sources()) {
            if (CapaSources.COMPLAINT.equals(s.sourceType())) {
                complaints.capaReopened(s.sourceId(), "CAPA_REOPENED:" + event.capaId() + ":" + event.reopenCount() + ":"
                        + s.sourceId(), event.code(), event.reason());
            }
        }
    }
}
