package com.careloop.platform.org;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people who sign in through a directory (LDAP/Active Directory bind or OIDC): the first sign-in maps
 * the directory identity to an existing account by username or e-mail, or creates one with the configured default
 * role, department and position; the link is stored so later sign-ins need no matching. Never an administrator:
 * an account holding {@link BuiltInRoles#ADMIN} is never mapped (the administrator keeps the local password) and
 * the default role may not be ADMIN. Every refusal is checked before the first write, so nothing is half-saved.
 */
@Service
@Transactional
public class DirectoryAccounts {

    /** How a first sign-in finds an existing account. */
    public enum MatchBy { USERNAME, EMAIL }

    /** Who the directory says signed in. {@code subject} is stable per protocol (entry DN, issuer + sub). */
    public record Identity(String protocol, String subject, String username, String email, String displayName) {
    }

    /** What a first sign-in without an existing account gets (codes of role, department and position). */
    public record Provisioning(boolean createAccounts, String defaultRole, String defaultDepartment,
                               String defaultPosition) {

        public Provisioning {
            if (BuiltInRoles.ADMIN.equalsIgnoreCase(defaultRole == null ? "" : defaultRole.trim())) {
                throw new IllegalArgumentException("careloop.sso.default-role must not be " + BuiltInRoles.ADMIN
                        + ": accounts created by single sign-on are never administrators (choose e.g. STAFF)");
            }
        }
    }

    /** Why a directory sign-in is refused; {@code reason} names the login page's message (login.error.*). */
    public static final class Refused extends RuntimeException {

        private final String reason;

        Refused(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final Positions positions;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryAccounts(UserRepository users, RoleRepository roles, DepartmentRepository departments, Positions positions,
                      Accounts accounts, AuditTrail audit, PasswordEncoder passwords, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.departments = departments;
        this.positions = positions;
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account the identity signs in as: linked before, matched now, or created now. */
    public Accounts.LoginAccount signIn(Identity identity, MatchBy matchBy, Provisioning provisioning) {
        AppUser user = linked(identity).orElseGet(() -> firstSignIn(identity, matchBy, provisioning));
        if (!user.isActive()) {
            throw new Refused("sso-inactive", "account " + user.getUsername() + " is deactivated");
        }
        return accounts.forLogin(user.getUsername()).orElseThrow();
    }

    private Optional<AppUser> linked(Identity identity) {
        return jdbc.sql("select user_id from sso_identity where protocol = :p and subject = :s")
                .param("p", identity.protocol()).param("s", identity.subject())
                .query(Long.class).optional().flatMap(users::findById);
    }

    private AppUser firstSignIn(Identity identity, MatchBy matchBy, Provisioning provisioning) {
        String email = blankToNull(identity.email());
        if (matchBy == MatchBy.EMAIL && email == null) {
            throw new Refused("sso-no-email", identity.protocol() + " identity " + identity.subject() + " has no e-mail");
        }
        Optional<AppUser> match = matchBy == MatchBy.EMAIL ? byEmail(email) : users.findByUsername(identity.username());
        if (match.isPresent()) {
            AppUser user = match.get();
            if (user.roleCodes().contains(BuiltInRoles.ADMIN)) {
                throw new Refused("sso-admin", "account " + user.getUsername() + " is an administrator");
            }
            link(identity, user, "SSO_LINKED");
            return user;
        }
        return create(identity, email, provisioning);
    }

    private Optional<AppUser> byEmail(String email) {
        List<AppUser> found = users.findByEmailIgnoreCase(email);
        if (found.size() > 1) {
            throw new Refused("sso-ambiguous", found.size() + " accounts have the e-mail " + email);
        }
        return found.stream().findFirst();
    }

    private AppUser create(Identity identity, String email, Provisioning provisioning) {
        if (!provisioning.createAccounts()) {
            throw new Refused("sso-no-account", "no account for " + identity.username() + " and creation is off");
        }
        String username = blankToNull(identity.username());
        if (username == null || username.length() > 50) {
            throw new Refused("sso-username-invalid", "directory username '" + username + "' is empty or too long");
        }
        if (users.existsByUsername(username)) {
            throw new Refused("sso-username-taken", "username " + username + " belongs to an account with another e-mail");
        }
        Role role = roles.findByCode(provisioning.defaultRole())
                .filter(r -> !BuiltInRoles.ADMIN.equals(r.getCode()))
                .orElseThrow(() -> misconfigured("default role " + provisioning.defaultRole()));
        Long department = null;
        if (blankToNull(provisioning.defaultDepartment()) != null) {
            department = departments.findByCode(provisioning.defaultDepartment()).filter(Department::isActive)
                    .map(Department::getId).orElseThrow(() -> misconfigured("default department "
                            + provisioning.defaultDepartment()));
        }
        try {
            positions.requireActive("position", provisioning.defaultPosition());
        } catch (RuntimeException e) {
            throw misconfigured("default position " + provisioning.defaultPosition());
        }
        String displayName = Optional.ofNullable(blankToNull(identity.displayName())).orElse(username);
        // a random password nobody knows: the account signs in through the directory until an administrator sets one
        AppUser user = AppUser.create(username, displayName.length() > 100 ? displayName.substring(0, 100) : displayName,
                passwords.encode(randomSecret()), department, provisioning.defaultPosition(), clock.instant());
        user.update(user.getDisplayName(), email, null, department, provisioning.defaultPosition(), false, Set.of(role),
                clock.instant());
        users.saveAndFlush(user);
        audit.created(user);
        link(identity, user, "SSO_CREATED");
        return user;
    }

    private void link(Identity identity, AppUser user, String action) {
        jdbc.sql("insert into sso_identity (protocol, subject, user_id, created_at) values (:p, :s, :u, :t)")
                .param("p", identity.protocol()).param("s", identity.subject()).param("u", user.getId())
                .param("t", java.sql.Timestamp.from(clock.instant())).update();
        audit.record(user.auditType(), user.auditId(), action, List.of(
                new FieldChange("ssoProtocol", null, identity.protocol()),
                new FieldChange("ssoSubject", null, identity.subject())));
    }

    private static Refused misconfigured(String what) {
        return new Refused("sso-misconfigured", what + " does not exist or is inactive (careloop.sso.*)");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
