package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A review meeting of a contract or of a tender (评审会议, seed 001-A5): held on a day (not in the future), at a place, with its
 * attendees by name and its written minutes (书面评审纪要); recorded once, by whom and when.
 */
@Entity
@Table(name = "contract_review_meeting")
public class ContractReviewMeeting implements Auditable {

    public static final String RECORD_TYPE = "contract-review-meeting";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long contractId;
    private Long tenderId;
    private LocalDate heldOn;
    private String place;
    private String attendees;
    private String minutes;
    private long recordedBy;
    private String recordedByName;
    private Instant recordedAt;
    @Version
    private long version;

    protected ContractReviewMeeting() {
    }

    /**
     * The meeting of a contract's or (contractId null) a tender's review as recorded: 422 naming the field when the
     * day is missing or future, attendees or minutes empty.
     */
    static ContractReviewMeeting record(Long contractId, Long tenderId, LocalDate heldOn, String place,
                                        String attendees, String minutes, Contract.Actor by, Instant now,
                                        LocalDate today) {
        if (heldOn == null) {
            throw Contract.required("heldOn");
        }
        if (heldOn.isAfter(today)) {
            throw new InvalidInputException("heldOn", "not-future", Text.of("error.contract.meeting-in-future",
                    Text.Arg.date(heldOn)));
        }
        ContractReviewMeeting m = new ContractReviewMeeting();
        m.contractId = contractId;
        m.tenderId = tenderId;
        m.heldOn = heldOn;
        m.place = Contract.clip("place", place, 200);
        m.attendees = Contract.clip("attendees", attendees, 1000);
        if (m.attendees == null) {
            throw Contract.required("attendees");
        }
        m.minutes = Contract.clip("minutes", minutes, 8000);
        if (m.minutes == null) {
            throw Contract.required("minutes");
        }
        m.recordedBy = by.id();
        m.recordedByName = by.name();
        m.recordedAt = now;
        return m;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("contractId", contractId);
        s.put("tenderId", tenderId);
        s.put("heldOn", heldOn);
        s.put("place", place);
        s.put("attendees", attendees);
        s.put("minutes", minutes);
        return s;
    }

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public Long getTenderId() { return tenderId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getPlace() { return place; }
    public String getAttendees() { return attendees; }
    public String getMinutes() { return minutes; }
    public String getRecordedByName() { return recordedByName; }
    public Instant getRecordedAt() { return recordedAt; }
}
