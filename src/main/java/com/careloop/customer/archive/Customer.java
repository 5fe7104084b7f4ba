package com.careloop.customer.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.Segment;
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

/** A customer in the archive (客户档案). Never deleted: deactivated, and the trail keeps every change. */
@Entity
@Table(name = "customer")
public class Customer implements Auditable {

    /** The editable profile, as one value, so create and update apply the same rules. */
    public record Profile(String name, CustomerKind kind, String phone, String email, String idNumber, LocalDate birthday,
                          String occupation, String address, String project, String room, String industry,
                          String region, String source, String tags, String remarks, Long representativeId,
                          Long deputyId) {
    }

    public record Contact(String name, String title, String phone, String email, boolean primary, String remarks) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private CustomerKind kind;
    private String phone;
    private String email;
    private String idNumber;
    private LocalDate birthday;
    private String occupation;
    private String address;
    private String project;
    private String room;
    private String industry;
    private String region;
    private String source;
    private String tags;
    private String remarks;
    private Long representativeId;
    private Long deputyId;
    private Long departmentId;
    private boolean keyCustomer;
    private String keyCriterion;
    private LocalDate keySince;
    @Enumerated(EnumType.STRING)
    private Segment segment;
    private boolean active = true;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CustomerContact> contacts = new ArrayList<>();

    protected Customer() {
    }

    static Customer register(String code, Profile profile, Long departmentId, List<Contact> contacts, Instant now) {
        Customer c = new Customer();
        c.code = code;
        c.createdAt = now;
        c.apply(profile, departmentId, contacts, now);
        return c;
    }

    /** The id the database gave a customer written outside JPA ({@link CustomerBatchInsert}); never for a managed one. */
    void inserted(long id) {
        if (this.id != null) {
            throw new IllegalStateException("customer " + this.id + " already has an id");
        }
        this.id = id;
    }

    void apply(Profile p, Long departmentId, List<Contact> contacts, Instant now) {
        if (!active) {
            throw new DomainException("customer.inactive", Text.of("error.customer.customer-deactivated-activate-first"));
        }
        this.name = p.name();
        this.kind = p.kind();
        this.phone = p.phone();
        this.email = p.email();
        this.idNumber = p.idNumber();
        this.birthday = p.birthday();
        this.occupation = p.occupation();
        this.address = p.address();
        this.project = p.project();
        this.room = p.room();
        this.industry = p.industry();
        this.region = p.region();
        this.source = p.source();
        this.tags = p.tags();
        this.remarks = p.remarks();
        this.representativeId = p.representativeId();
        this.deputyId = p.deputyId();
        this.departmentId = departmentId;
        this.contacts.clear();
        boolean primarySeen = false;
        for (Contact k : contacts) {
            // exactly one primary contact: the first one marked, or else the first one
            boolean primary = k.primary() && !primarySeen;
            primarySeen |= primary;
            this.contacts.add(new CustomerContact(this, k.name(), k.title(), k.phone(), k.email(), primary, k.remarks()));
        }
        if (!primarySeen && !this.contacts.isEmpty()) {
            CustomerContact first = this.contacts.get(0);
            this.contacts.set(0, new CustomerContact(this, first.getName(), first.getTitle(), first.getPhone(),
                    first.getEmail(), true, first.getRemarks()));
        }
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        if (!active) {
            throw new DomainException("customer.inactive", Text.of("error.customer.customer-already-deactivated"));
        }
        active = false;
        updatedAt = now;
    }

    void activate(Instant now) {
        if (active) {
            throw new DomainException("customer.active", Text.of("error.customer.customer-already-active"));
        }
        active = true;
        updatedAt = now;
    }

    /** The CS center approved a flag proposal (or confirmed it in a quarterly review). */
    public void flagAsKey(String criterion, LocalDate since, Instant now) {
        this.keyCustomer = true;
        this.keyCriterion = criterion;
        this.keySince = since;
        this.updatedAt = now;
    }

    public void unflagAsKey(Instant now) {
        this.keyCustomer = false;
        this.keyCriterion = null;
        this.keySince = null;
        this.updatedAt = now;
    }

    public void assignSegment(Segment segment, Instant now) {
        this.segment = segment;
        this.updatedAt = now;
    }

    @Override
    public String auditType() {
        return "customer";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("name", name);
        s.put("kind", kind);
        s.put("phone", phone);
        s.put("email", email);
        s.put("idNumber", idNumber);
        s.put("birthday", birthday);
        s.put("occupation", occupation);
        s.put("address", address);
        s.put("project", project);
        s.put("room", room);
        s.put("industry", industry);
        s.put("region", region);
        s.put("source", source);
        s.put("tags", tags);
        s.put("remarks", remarks);
        s.put("representativeId", representativeId);
        s.put("deputyId", deputyId);
        s.put("keyCustomer", keyCustomer);
        s.put("keyCriterion", keyCriterion);
        s.put("segment", segment);
        s.put("active", active);
        s.put("contacts", contacts.stream().map(CustomerContact::toString).collect(Collectors.joining("; ")));
        return s;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public CustomerKind getKind() { return kind; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getIdNumber() { return idNumber; }
    public LocalDate getBirthday() { return birthday; }
    public String getOccupation() { return occupation; }
    public String getAddress() { return address; }
    public String getProject() { return project; }
    public String getRoom() { return room; }
    public String getIndustry() { return industry; }
    public String getRegion() { return region; }
    public String getSource() { return source; }
    public String getTags() { return tags; }
    public String getRemarks() { return remarks; }
    public Long getRepresentativeId() { return representativeId; }
    public Long getDeputyId() { return deputyId; }
    public Long getDepartmentId() { return departmentId; }
    public boolean isKeyCustomer() { return keyCustomer; }
    public String getKeyCriterion() { return keyCriterion; }
    public LocalDate getKeySince() { return keySince; }
    public Segment getSegment() { return segment; }
    public boolean isActive() { return active; }
    public long getVersion() { return version; }
    public List<CustomerContact> getContacts() { return contacts; }
}
