package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.contract.ContractStatus;
import com.careloop.platform.Auditable;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A communication with the customer about one contract (seeds 001-A15, 001-B14): the channel, the day (not in the
 * future), with whom, what was said; its phase (before / during / after the contract) is the contract's state when it
 * was recorded.
 */
@Entity
@Table(name = "contract_communication")
public class ContractCommunication implements Auditable {

    public static final String RECORD_TYPE = "contract-communication";

    /** How the customer was reached. */
    public enum Channel { PHONE, FAX, MAIL, VISIT, EXHIBITION }

    /** Before the contract is accepted (review), during it (accepted, in production), after it (delivered, closed …). */
    public enum Phase { BEFORE, DURING, AFTER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private LocalDate occurredOn;
    private String withWhom;
    private String summary;
    private long recordedBy;
    private String recordedByName;
    private Instant recordedAt;
    @Version
    private long version;

    protected ContractCommunication() {
    }

    /** 422 naming the field: channel, day (not in the future), with whom and what are required. */
    static ContractCommunication record(Contract c, Channel channel, LocalDate occurredOn, String withWhom,
                                        String summary, Contract.Actor by, Instant now, LocalDate today) {
        if (channel == null) {
            throw Contract.required("channel");
        }
        if (occurredOn == null) {
            throw Contract.required("occurredOn");
        }
        if (occurredOn.isAfter(today)) {
            throw new InvalidInputException("occurredOn", "not-future", Text.of("error.contract.communication-in-future",
                    Text.Arg.date(occurredOn)));
        }
        ContractCommunication m = new ContractCommunication();
        m.withWhom = Contract.clip("withWhom", withWhom, 200);
        if (m.withWhom == null) {
            throw Contract.required("withWhom");
        }
        m.summary = Contract.clip("summary", summary, 4000);
        if (m.summary == null) {
            throw Contract.required("summary");
        }
        m.contractId = c.getId();
        m.phase = phaseOf(c.getStatus());
        m.channel = channel;
        m.occurredOn = occurredOn;
        m.recordedBy = by.id();
        m.recordedByName = by.name();
        m.recordedAt = now;
        return m;
    }

    static Phase phaseOf(ContractStatus status) {
        return switch (status) {
            case UNDER_REVIEW -> Phase.BEFORE;
            case ACCEPTED, IN_PRODUCTION -> Phase.DURING;
            default -> Phase.AFTER;
        };
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
        s.put("phase", phase);
        s.put("channel", channel);
        s.put("occurredOn", occurredOn);
        s.put("withWhom", withWhom);
        s.put("summary", summary);
        return s;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public Phase getPhase() { return phase; }
    public Channel getChannel() { return channel; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public String getWithWhom() { return withWhom; }
    public String getSummary() { return summary; }
    public long getRecordedBy() { return recordedBy; }
    public String getRecordedByName() { return recordedByName; }
    public Instant getRecordedAt() { return recordedAt; }
}
