package com.careloop.platform.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department (部门) in the company's tree, e.g. 客户服务部 under 总经办. Never deleted, only deactivated. */
@Entity
@Table(name = "department")
class Department implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Column(name = "parent_id")
    private Long parentId;
    private int sortOrder;
    private boolean active = true;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Department() {
    }

    static Department create(String code, String name, Long parentId, int sortOrder, Instant now) {
        Department d = new Department();
        d.code = code;
        d.name = name;
        d.parentId = parentId;
        d.sortOrder = sortOrder;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    void update(String name, Long parentId, int sortOrder, Instant now) {
        this.name = name;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    /** Soft delete: the caller has checked that no active user or sub-department remains. */
    void deactivate(Instant now) {
        if (!active) {
            throw new DomainException("department.inactive", Text.of("error.platform.department-already-inactive"));
        }
        this.active = false;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    @Override
    public String auditType() {
        return "department";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", code);
        state.put("name", name);
        state.put("parentId", parentId);
        state.put("sortOrder", sortOrder);
        state.put("active", active);
        return state;
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    Long getParentId() { return parentId; }
    int getSortOrder() { return sortOrder; }
    boolean isActive() { return active; }
    long getVersion() { return version; }
}
