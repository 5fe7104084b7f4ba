package com.careloop.platform.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.careloop.platform.Auditable;
import com.careloop.platform.DataScope;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A role grants permissions ({@code module:action}) and limits what its holders see (data scope). */
@Entity
@Table(name = "app_role")
class Role implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private DataScope.Kind dataScope;
    private boolean builtIn;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission")
    private Set<String> permissions = new TreeSet<>();

    protected Role() {
    }

    static Role create(String code, String name, DataScope.Kind scope, Set<String> permissions, boolean builtIn) {
        Role r = new Role();
        r.code = code;
        r.name = name;
        r.dataScope = scope;
        r.builtIn = builtIn;
        r.permissions.addAll(permissions);
        return r;
    }

    void redefine(String name, DataScope.Kind scope, Set<String> permissions) {
        this.name = name;
        this.dataScope = scope;
        this.permissions.clear();
        this.permissions.addAll(permissions);
    }

    @Override
    public String auditType() {
        return "role";
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
        state.put("dataScope", dataScope);
        state.put("permissions", String.join(",", new TreeSet<>(permissions)));
        return state;
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    DataScope.Kind getDataScope() { return dataScope; }
    boolean isBuiltIn() { return builtIn; }
    long getVersion() { return version; }
    Set<String> getPermissions() { return permissions; }
}
