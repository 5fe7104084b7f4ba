package com.careloop.complaint.handling;

import java.time.Instant;
import java.util.List;

import com.careloop.complaint.ComplaintViews.CapaLink;

import org.springframework.stereotype.Component;

/**
 * The complaint's side of the CAPA module: opens the CAPA record of a corrective action, and reads the state
 * of the linked CAPAs for the close rule and the pages. (Until the CAPA module is merged, a corrective action
 * is kept as a complaint_action row.)
 */
@Component
public class ComplaintCapas {

    /** Opens the CAPA for the planned action and links it; called inside the complaint's transaction. */
    public void open(Complaint c, Complaint.Planned planned, boolean fromVerification, String actor, Instant now) {
        c.newAction(planned, fromVerification, actor, now);
    }

    /** The state of each linked CAPA as the CAPA module reports it. */
    public List<Complaint.CapaState> states(Complaint c) {
        return List.of();
    }

    public List<CapaLink> links(Complaint c) {
        return c.getCapas().stream().map(l -> new CapaLink(l.getCapaId(), l.getCapaCode(), l.getDescription(), l.getOwner(),
                l.getDueDate(), l.isFromVerification(), l.getRecordedBy(), null, 0, 0, false, null, 0, null)).toList();
    }
}
