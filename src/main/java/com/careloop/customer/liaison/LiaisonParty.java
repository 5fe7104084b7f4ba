package com.careloop.customer.liaison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
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

/** An external liaison party (外联客户) with its contacts. Never deleted: deactivated. */
@Entity
@Table(name = "liaison_party")
class LiaisonParty implements Auditable {

    record Profile(String name, LiaisonKind kind, String phone, String address, String remarks) {
    }

    record Contact(String name, String title, String phone, String email) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private LiaisonKind kind;
    private String phone;
    private String address;
    private String remarks;
    private boolean active = true;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "party", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<LiaisonContact> contacts = new ArrayList<>();

    protected LiaisonParty() {
    }

    static LiaisonParty register(Profile profile, List<Contact> contacts, Instant now) {
        LiaisonParty p = new LiaisonParty();
        p.createdAt = now;
        p.revise(profile, contacts, now);
        return p;
    }

    void revise(Profile p, List<Contact> contacts, Instant now) {
        requireActive();
        this.name = p.name();
        this.kind = p.kind();
        this.phone = p.phone();
        this.address = p.address();
        this.remarks = p.remarks();
        this.contacts.clear();
        contacts.forEach(k -> this.contacts.add(new LiaisonContact(this, k.name(), k.title(), k.phone(), k.email())));
        this.updatedAt = now;
    }

    /** A visit or call is logged only with an active party. */
    void requireActive() {
        if (!active) {
            throw new DomainException("liaison.inactive", Text.of("error.customer.liaison-party-deactivated-activate"));
        }
    }

    void deactivate(Instant now) {
        requireActive();
        active = false;
        updatedAt = now;
    }

    void activate(Instant now) {
        if (active) {
            throw new DomainException("liaison.active", Text.of("error.customer.liaison-party-already-active"));
        }
        active = true;
        updatedAt = now;
    }

    @Override
    public String auditType() {
        return "liaison-party";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("kind", kind);
        s.put("phone", phone);
        s.put("address", address);
        s.put("remarks", remarks);
        s.put("active", active);
        s.put("contacts", contacts.stream().map(LiaisonContact::toString).collect(Collectors.joining("; ")));
        return s;
    }

    Long getId() { return id; }
    String getName() { return name; }
    LiaisonKind getKind() { return kind; }
    String getPhone() { return phone; }
    String getAddress() { return address; }
    String getRemarks() { return remarks; }
    boolean isActive() { return active; }
    long getVersion() { return version; }
    List<LiaisonContact> getContacts() { return contacts; }
}
