package com.careloop.fieldservice.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A visit to a customer (走访服务报告 Q/JL081306): planned with its purpose, date, place and our participants; visited
 * (contacts met, findings, the customer's opinion) with the actions agreed, each with an owner and a due date; closed
 * by itself when it has been visited and every action is done.
 */
@Entity
@Table(name = "visit_report")
public class VisitReport implements Auditable {

    public static final String RECORD_TYPE = "visit-report";

    public enum Status { PLANNED, VISITED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private long customerId;
    private String customerName;
    private String purpose;
    private LocalDate visitOn;
    private String place;
    private String participants;
    private String contactsMet;
    private String findings;
    private String customerOpinion;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant visitedAt;
    private Instant closedAt;
    private Long createdBy;
    private String createdByName;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<VisitAction> actions = new ArrayList<>();

    protected VisitReport() {
    }

    static VisitReport plan(String code, long customerId, String customerName, String purpose, LocalDate visitOn,
                            String place, String participants, String contactsMet, Long by, String byName, Instant at) {
        VisitReport v = new VisitReport();
        v.code = code;
        v.customerId = customerId;
        v.customerName = customerName;
        v.purpose = purpose.trim();
        v.visitOn = visitOn;
        v.place = blankToNull(place);
        v.participants = blankToNull(participants);
        v.contactsMet = blankToNull(contactsMet);
        v.status = Status.PLANNED;
        v.createdBy = by;
        v.createdByName = byName;
        v.createdAt = at;
        v.updatedAt = at;
        return v;
    }

    /** The visit took place: who we met, what we found, what the customer said. Only once (409 otherwise). */
    void visited(String contactsMet, String findings, String opinion, Instant at) {
        require(Status.PLANNED, "visited");
        if (contactsMet != null && !contactsMet.isBlank()) {
            this.contactsMet = contactsMet.trim();
        }
        this.findings = findings.trim();
        this.customerOpinion = blankToNull(opinion);
        this.status = Status.VISITED;
        this.visitedAt = at;
        closeIfDone(at);
        this.updatedAt = at;
    }

    /** An action agreed with the customer; not on a closed report (409). */
    VisitAction agree(String description, long ownerId, String ownerName, LocalDate dueOn, Instant at) {
        if (status == Status.CLOSED) {
            throw state("action");
        }
        VisitAction a = new VisitAction(this, description.trim(), ownerId, ownerName, dueOn);
        actions.add(a);
        this.updatedAt = at;
        return a;
    }

    /** Marks an action done (409 when it already is); the report closes when visited and nothing is left. */
    VisitAction actionDone(long actionId, String note, String by, Instant at) {
        VisitAction a = action(actionId);
        a.done(note, by, at);
        closeIfDone(at);
        this.updatedAt = at;
        return a;
    }

    VisitAction action(long actionId) {
        return actions.stream().filter(a -> a.getId() != null && a.getId() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("visit-report-action", actionId));
    }

    private void closeIfDone(Instant at) {
        if (status == Status.VISITED && actions.stream().allMatch(VisitAction::isDone)) {
            status = Status.CLOSED;
            closedAt = at;
        }
    }

    void requirePlanned() {
        require(Status.PLANNED, "visited");
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw state(step);
        }
    }

    private DomainException state(String step) {
        return new DomainException("fieldhistory.visit-state", Text.of("error.fieldhistory.visit-state",
                Text.label("fieldhistory.visit.status", status), Text.of("fieldhistory.visit.step." + step)));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return code;
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customer", customerName);
        m.put("purpose", purpose);
        m.put("visitOn", visitOn);
        m.put("place", place);
        m.put("participants", participants);
        m.put("contactsMet", contactsMet);
        m.put("findings", findings);
        m.put("customerOpinion", customerOpinion);
        m.put("status", status);
        for (VisitAction a : actions) {
            m.put("action[" + a.getId() + "]", a.getDescription() + " / " + a.getOwnerName() + " / " + a.getDueOn()
                    + (a.isDone() ? " / done" : ""));
        }
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getPurpose() { return purpose; }
    public LocalDate getVisitOn() { return visitOn; }
    public String getPlace() { return place; }
    public String getParticipants() { return participants; }
    public String getContactsMet() { return contactsMet; }
    public String getFindings() { return findings; }
    public String getCustomerOpinion() { return customerOpinion; }
    public Status getStatus() { return status; }
    public Instant getVisitedAt() { return visitedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Long getCreatedBy() { return createdBy; }
    public String getCreatedByName() { return createdByName; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public List<VisitAction> getActions() { return actions; }
}
