package com.careloop.platform.org;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in side of the user accounts: lookup, the trail of throttled sign-ins, the signed-in user's rights. */
@Service
@Transactional
public class Accounts {

    /** The password of every demo user except admin; the login page shows it in demo mode only. */
    public static final String DEMO_PASSWORD = "careloop2026";

    /** What the login needs to know about an account. */
    public record LoginAccount(long id, String username, String passwordHash, boolean active, Instant lockedUntil,
                               CurrentUser user) {
    }

    private final UserRepository users;
    private final OrganisationService organisation;
    private final AuditTrail audit;
    private final CareLoopProperties properties;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Accounts(UserRepository users, OrganisationService organisation, AuditTrail audit, CareLoopProperties properties,
             Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.organisation = organisation;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<LoginAccount> forLogin(String username) {
        return users.findByUsername(username).map(u -> new LoginAccount(u.getId(), u.getUsername(),
                u.getPasswordHash(), u.isActive(), u.getLockedUntil(), toCurrentUser(u)));
    }

    @Transactional(readOnly = true)
    public Optional<CurrentUser> currentUser(long userId) {
        return users.findById(userId).filter(AppUser::isActive).map(this::toCurrentUser);
    }

    /**
     * Sign-ins for {@code username} from {@code address} are blocked after repeated failures: recorded in the
     * account's trail (nothing for an unknown username). The account itself stays open from other addresses.
     */
    public void loginThrottled(String username, String address) {
        users.findByUsername(username).ifPresent(u -> audit.record(u.auditType(), u.auditId(), "LOGIN_THROTTLED",
                List.of(new com.careloop.platform.FieldChange("address", null, address))));
    }

    public void loginSucceeded(String username) {
        users.findByUsername(username).ifPresent(AppUser::loginSucceeded);
    }

    public void chooseLocale(long userId, String locale) {
        users.findById(userId).ifPresent(u -> u.chooseLocale(locale));
        events.publishEvent(new AccessChanged(userId)); // the signed-in user carries the language
    }

    private CurrentUser toCurrentUser(AppUser u) {
        Set<String> permissions = new HashSet<>();
        u.getRoles().forEach(r -> permissions.addAll(r.getPermissions()));
        DataScope.Kind widest = u.getRoles().stream().map(Role::getDataScope)
                .min(Comparator.naturalOrder()).orElse(DataScope.Kind.OWN);
        Set<Long> departments = switch (widest) {
            case DEPARTMENT_TREE -> u.getDepartmentId() == null ? Set.of() : organisation.subtree(u.getDepartmentId());
            case DEPARTMENT -> u.getDepartmentId() == null ? Set.of() : Set.of(u.getDepartmentId());
            default -> Set.of();
        };
        Locale locale = u.getLocale() == null ? null : Locale.forLanguageTag(u.getLocale());
        return new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getDepartmentId(),
                u.getPosition(), Set.copyOf(permissions), new DataScope(widest, Set.copyOf(departments), u.getId()),
                locale);
    }
}
