package com.careloop.customer.contactlog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the contact log, with a customer or with a liaison party (exactly one of them).
 * Entries are facts about the past: written once, never edited.
 */
@Entity
@Table(name = "contact_log")
class ContactLogEntry implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long customerId;
    private Long liaisonPartyId;
    @Enumerated(EnumType.STRING)
    private ContactKind kind;
    @Enumerated(EnumType.STRING)
    private ContactChannel channel;
    private Instant occurredAt;
    private Long staffId;
    private String summary;
    private Instant createdAt;

    protected ContactLogEntry() {
    }

    static ContactLogEntry with(Long customerId, Long liaisonPartyId, ContactKind kind, ContactChannel channel,
                                Instant occurredAt, long staffId, String summary, Instant now) {
        if ((customerId == null) == (liaisonPartyId == null)) {
            throw new IllegalArgumentException("an entry belongs to a customer or to a liaison party");
        }
        ContactLogEntry e = new ContactLogEntry();
        e.customerId = customerId;
        e.liaisonPartyId = liaisonPartyId;
        e.kind = kind;
        e.channel = channel;
        e.occurredAt = occurredAt;
        e.staffId = staffId;
        e.summary = summary;
        e.createdAt = now;
        return e;
    }

    @Override
    public String auditType() {
        return "contact-log";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("customerId", customerId);
        s.put("liaisonPartyId", liaisonPartyId);
        s.put("kind", kind);
        s.put("channel", channel);
        s.put("occurredAt", occurredAt);
        s.put("staffId", staffId);
        s.put("summary", summary);
        return s;
    }

    Long getId() { return id; }
}
