package com.careloop.complaint.handling;

import java.time.Instant;
import java.util.List;

import com.careloop.capa.CapaRef;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaSummary;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.OpenCapa;
import com.careloop.capa.PlannedAction;
import com.careloop.complaint.ComplaintViews.CapaLink;
import com.careloop.platform.Text;

import org.springframework.stereotype.Component;

/**
 * The complaint's side of the CAPA module (纠正和预防措施): a corrective action of the complaint opens a CAPA
 * record (source COMPLAINT, the complaint's number, problem = content + cause analysis, the responsible
 * department, the action as its first planned action) and links it; the close rule and the pages read the
 * linked CAPAs' summaries. Everything runs in the complaint's transaction, so a refused step opens nothing.
 */
@Component
public class ComplaintCapas {

    private static final int PROBLEM_MAX = 4000;

    private final CorrectiveActions capas;

    ComplaintCapas(CorrectiveActions capas) {
        this.capas = capas;
    }

    /** Opens the CAPA for the planned action and links it to the complaint. */
    public void open(Complaint c, Complaint.Planned planned, boolean fromVerification, String actor, Instant now) {
        c.requireCorrectiveActionStep();
        if (planned.ownerUserId() == null) {
            throw new com.careloop.platform.InvalidInputException("ownerUserId", "required",
                    Text.of("error.complaint.action-owner-user"));
        }
        // No source key: each corrective action is its own CAPA (open CAPAs are unique per key on PostgreSQL).
        CapaRef ref = capas.open(new OpenCapa(CapaSources.COMPLAINT, c.getId(), null, c.getCode(),
                problem(c, planned, fromVerification), c.getCustomerId(), c.getDepartmentId(), false),
                new PlannedAction(planned.description(), planned.ownerUserId(), planned.dueDate()));
        c.linkCapa(ref.id(), ref.code(), planned, fromVerification, actor, now);
    }

    /** The state of each linked CAPA as the CAPA module reports it (for the close rule). */
    public List<Complaint.CapaState> states(Complaint c) {
        return c.getCapas().stream().map(l -> {
            CapaSummary s = capas.summary(l.getCapaId());
            return new Complaint.CapaState(s.id(), s.code(), s.allActionsDone());
        }).toList();
    }

    /** The linked CAPAs with their status, for the complaint page, the printable form and the API. */
    public List<CapaLink> links(Complaint c) {
        return c.getCapas().stream().map(l -> {
            CapaSummary s = capas.summary(l.getCapaId());
            return new CapaLink(l.getCapaId(), l.getCapaCode(), l.getDescription(), l.getOwner(), l.getDueDate(),
                    l.isFromVerification(), l.getRecordedBy(), s.status().name(), s.actionsTotal(), s.actionsDone(),
                    s.allActionsDone(), s.effective(), s.reopenCount(), s.effectivenessCheckDue());
        }).toList();
    }

    static String problem(Complaint c, Complaint.Planned planned, boolean fromVerification) {
        // the problem statement is the record's own data, written without a language: number, content, cause
        StringBuilder p = new StringBuilder(c.getCode()).append(": ").append(c.getContent());
        if (c.getCauseAnalysis() != null) {
            p.append("\n").append(c.getCauseAnalysis());
        }
        if (fromVerification) {
            p.append("\n→ ").append(planned.description());
        }
        return p.length() > PROBLEM_MAX ? p.substring(0, PROBLEM_MAX) : p.toString();
    }
}
