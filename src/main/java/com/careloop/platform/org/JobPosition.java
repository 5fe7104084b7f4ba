package com.careloop.platform.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A position (岗位) users hold, e.g. 总工程师 CHIEF_ENGINEER; never deleted, only retired. */
@Entity
@Table(name = "job_position")
class JobPosition implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String nameZhCn;
    private String nameZhTw;
    private String nameEn;
    private int sortOrder;
    private boolean active = true;
    private boolean builtIn;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected JobPosition() {
    }

    static JobPosition create(String code, String nameZhCn, String nameZhTw, String nameEn, int sortOrder, Instant now) {
        JobPosition p = new JobPosition();
        p.code = code;
        p.rename(nameZhCn, nameZhTw, nameEn, sortOrder, now);
        p.createdAt = now;
        return p;
    }

    /** New names (and place in the lists); the names of a built-in position are its translations. */
    void rename(String nameZhCn, String nameZhTw, String nameEn, int sortOrder, Instant now) {
        if (builtIn && !(nameZhCn.equals(this.nameZhCn) && java.util.Objects.equals(nameZhTw, this.nameZhTw)
                && java.util.Objects.equals(nameEn, this.nameEn))) {
            throw new DomainException("position.built-in", Text.of("error.platform.position-built-in"));
        }
        this.nameZhCn = nameZhCn;
        this.nameZhTw = nameZhTw;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    /** Retire: the caller has checked that no active user and no approval chain holds it. */
    void retire(Instant now) {
        if (builtIn) {
            throw new DomainException("position.built-in", Text.of("error.platform.position-built-in"));
        }
        if (!active) {
            throw new DomainException("position.inactive", Text.of("error.platform.position-already-retired"));
        }
        this.active = false;
        this.updatedAt = now;
    }

    void reactivate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    @Override
    public String auditType() {
        return "position";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", code);
        state.put("nameZhCn", nameZhCn);
        state.put("nameZhTw", nameZhTw);
        state.put("nameEn", nameEn);
        state.put("sortOrder", sortOrder);
        state.put("active", active);
        return state;
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getNameZhCn() { return nameZhCn; }
    String getNameZhTw() { return nameZhTw; }
    String getNameEn() { return nameEn; }
    int getSortOrder() { return sortOrder; }
    boolean isActive() { return active; }
    boolean isBuiltIn() { return builtIn; }
    long getVersion() { return version; }
}
