package com.careloop.platform.org;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in: belongs to a department, holds a position and one or more roles. */
@Entity
@Table(name = "app_user")
public class AppUser implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String displayName;
    private String passwordHash;
    private String email;
    private String phone;
    private Long departmentId;
    private String position;
    private boolean senior;
    private boolean active = true;
    private int failedLogins;
    private Instant lockedUntil;
    private String locale;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new java.util.HashSet<>();

    protected AppUser() {
    }

    static AppUser create(String username, String displayName, String passwordHash, Long departmentId,
                          String position, Instant now) {
        AppUser u = new AppUser();
        u.username = username;
        u.displayName = displayName;
        u.passwordHash = passwordHash;
        u.departmentId = departmentId;
        u.position = position;
        u.createdAt = now;
        u.updatedAt = now;
        return u;
    }

    void update(String displayName, String email, String phone, Long departmentId, String position,
                boolean senior, Set<Role> roles, Instant now) {
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.departmentId = departmentId;
        this.position = position;
        this.senior = senior;
        this.roles.clear();
        this.roles.addAll(roles);
        this.updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    void chooseLocale(String locale) {
        this.locale = locale;
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void unlock(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void deactivate(Instant now) {
        if (!active) {
            throw new DomainException("user.inactive", Text.of("error.platform.user-already-inactive"));
        }
        active = false;
        updatedAt = now;
    }

    void activate(Instant now) {
        active = true;
        updatedAt = now;
    }

    @Override
    public String auditType() {
        return "user";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("displayName", displayName);
        state.put("email", email);
        state.put("phone", phone);
        state.put("departmentId", departmentId);
        state.put("position", position);
        state.put("senior", senior);
        state.put("active", active);
        state.put("roles", roleCodes().stream().collect(Collectors.joining(",")));
        state.put("lockedUntil", lockedUntil);
        return state;
    }

    Set<String> roleCodes() {
        return roles.stream().map(Role::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    String getPasswordHash() { return passwordHash; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public Long getDepartmentId() { return departmentId; }
    public String getPosition() { return position; }
    public boolean isSenior() { return senior; }
    public boolean isActive() { return active; }
    public Instant getLockedUntil() { return lockedUntil; }
    public String getLocale() { return locale; }
    public long getVersion() { return version; }
    Set<Role> getRoles() { return roles; }
}
