package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.careloop.platform.org.OrganisationService;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every registered CareLoop endpoint has a declared rule here, the rule matches what the handler
 * enforces, and every built-in role is let in or refused accordingly. A new endpoint without a rule
 * (here and on the handler) fails the build.
 */
class PermissionMatrixTest extends ApiTestBase {

    static final String PUBLIC = "PUBLIC";
    static final String ANY = "ANY_USER";


    static final Map<String, String> PLATFORM = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /login", PUBLIC),
            Map.entry("GET /", ANY),
            Map.entry("GET /profile", ANY),
            Map.entry("POST /profile/tokens", ANY),
            Map.entry("POST /profile/tokens/{id}/revoke", ANY),
            Map.entry("POST /profile/locale", ANY),
            Map.entry("GET /notifications", ANY),
            Map.entry("POST /notifications/{id}/read", ANY),
            Map.entry("POST /notifications/read-all", ANY),
            Map.entry("GET /notifications/unread-count", ANY),
            Map.entry("GET /admin/departments", "org:view"),
            Map.entry("POST /admin/departments", "org:manage"),
            Map.entry("POST /admin/departments/{id}", "org:manage"),
            Map.entry("POST /admin/departments/{id}/deactivate", "org:manage"),
            Map.entry("GET /admin/users", "org:view"),
            Map.entry("GET /admin/users/new", "org:manage"),
            Map.entry("GET /admin/users/{id}", "org:view"),
            Map.entry("POST /admin/users", "org:manage"),
            Map.entry("POST /admin/users/{id}", "org:manage"),
            Map.entry("POST /admin/users/{id}/{action:deactivate|activate|unlock}", "org:manage"),
            Map.entry("POST /admin/users/{id}/reset-password", "org:manage"),
            Map.entry("GET /admin/roles", "role:manage"),
            Map.entry("POST /admin/roles", "role:manage"),
            Map.entry("POST /admin/roles/{id}", "role:manage"),
            Map.entry("GET /admin/audit", "audit:view"),
            Map.entry("GET /audit/history/{recordType}/{recordId}", "audit:view"),
            Map.entry("GET /admin/retention", "retention:view"),
            Map.entry("GET /admin/calendar", "calendar:view"),
            Map.entry("POST /admin/calendar/{id}/hours", "calendar:manage"),
            Map.entry("POST /admin/calendar/{id}/days", "calendar:manage"),
            Map.entry("POST /admin/calendar/{id}/import", "calendar:manage"),
            Map.entry("POST /admin/calendar/{id}/days/{dayId}/remove", "calendar:manage"),
            Map.entry("GET /admin/record-numbers", "numbering:manage"),
            Map.entry("POST /admin/record-numbers/{recordType}", "numbering:manage"),
            Map.entry("POST /api/v1/auth/tokens", PUBLIC),
            Map.entry("GET /api/v1/auth/tokens", ANY),
            Map.entry("DELETE /api/v1/auth/tokens/{id}", ANY),
            Map.entry("GET /api/v1/me", ANY),
            Map.entry("GET /api/v1/notifications", ANY),
            Map.entry("POST /api/v1/notifications/{id}/read", ANY),
            Map.entry("POST /api/v1/notifications/read-all", ANY),
            Map.entry("GET /api/v1/departments", "org:view"),
            Map.entry("GET /api/v1/departments/{id}", "org:view"),
            Map.entry("POST /api/v1/departments", "org:manage"),
            Map.entry("PUT /api/v1/departments/{id}", "org:manage"),
            Map.entry("DELETE /api/v1/departments/{id}", "org:manage"),
            Map.entry("GET /api/v1/users", "org:view"),
            Map.entry("GET /api/v1/users/{id}", "org:view"),
            Map.entry("POST /api/v1/users", "org:manage"),
            Map.entry("PUT /api/v1/users/{id}", "org:manage"),
            Map.entry("POST /api/v1/users/{id}/deactivate", "org:manage"),
            Map.entry("POST /api/v1/users/{id}/activate", "org:manage"),
            Map.entry("POST /api/v1/users/{id}/unlock", "org:manage"),
            Map.entry("POST /api/v1/users/{id}/reset-password", "org:manage"),
            Map.entry("GET /api/v1/roles", "role:manage"),
            Map.entry("GET /api/v1/roles/{id}", "role:manage"),
            Map.entry("POST /api/v1/roles", "role:manage"),
            Map.entry("PUT /api/v1/roles/{id}", "role:manage"),
            Map.entry("GET /api/v1/permissions", "role:manage"),
            Map.entry("GET /api/v1/audit-events", "audit:view"),
            Map.entry("GET /api/v1/audit-events/{recordType}/{recordId}", "audit:view"),
            Map.entry("GET /api/v1/audit-events/past-retention", "retention:view"),
            Map.entry("GET /api/v1/calendars", "calendar:view"),
            Map.entry("GET /api/v1/calendars/{id}", "calendar:view"),
            Map.entry("PUT /api/v1/calendars/{id}/working-hours", "calendar:manage"),
            Map.entry("POST /api/v1/calendars/{id}/special-days", "calendar:manage"),
            Map.entry("DELETE /api/v1/calendars/{id}/special-days/{dayId}", "calendar:manage"),
            Map.entry("POST /api/v1/calendars/{id}/deadline", "calendar:view"),
            Map.entry("GET /api/v1/record-number-rules", "numbering:manage"),
            Map.entry("PUT /api/v1/record-number-rules/{recordType}", "numbering:manage")));

    /** The declared matrix: endpoint -> who may call it; each module declares its own part. */
    static final Map<String, String> MATRIX = new TreeMap<>();

    static {
        MATRIX.putAll(PLATFORM);
        MATRIX.putAll(com.careloop.customer.CustomerEndpointRules.RULES);
        MATRIX.putAll(com.careloop.customer.KeyCustomerEndpointRules.RULES);
        MATRIX.putAll(com.careloop.customer.CustomerExcelEndpointRules.RULES);
        MATRIX.putAll(com.careloop.customer.CustomerRelationsEndpointRules.RULES);
        MATRIX.putAll(com.careloop.servicedesk.ServiceDeskEndpointRules.RULES);
        MATRIX.putAll(com.careloop.servicedesk.ServiceDeskPageEndpointRules.RULES);
        MATRIX.putAll(com.careloop.servicedesk.ServiceDeskIntakeEndpointRules.RULES);
        MATRIX.putAll(com.careloop.complaint.ComplaintEndpointRules.RULES);
        MATRIX.putAll(com.careloop.complaint.ComplaintLoopEndpointRules.RULES);
        MATRIX.putAll(com.careloop.survey.SurveyCoreEndpointRules.RULES);
        MATRIX.putAll(com.careloop.complaint.ComplaintStatsEndpointRules.RULES);
        MATRIX.putAll(com.careloop.capa.CapaEndpointRules.RULES);
        MATRIX.putAll(com.careloop.callback.CallbackEndpointRules.RULES);
        MATRIX.putAll(com.careloop.survey.SurveyCampaignEndpointRules.RULES);
        MATRIX.putAll(com.careloop.complaint.ClaimEndpointRules.RULES);
        MATRIX.putAll(com.careloop.platform.web.ListsEndpointRules.RULES);
        MATRIX.putAll(com.careloop.reporting.DashboardEndpointRules.RULES);
        MATRIX.putAll(com.careloop.reporting.ReportEndpointRules.RULES);
        MATRIX.putAll(com.careloop.reporting.DeliveryEndpointRules.RULES);
        MATRIX.putAll(com.careloop.platform.approval.ApprovalEndpointRules.RULES);
        MATRIX.putAll(com.careloop.contract.ContractEndpointRules.RULES);
        MATRIX.putAll(com.careloop.contract.ContractChangeEndpointRules.RULES);
        MATRIX.putAll(com.careloop.contract.ContractShipmentEndpointRules.RULES);
        MATRIX.putAll(com.careloop.property.PropertyEndpointRules.RULES);
        MATRIX.putAll(com.careloop.platform.org.PositionEndpointRules.RULES);
        MATRIX.putAll(com.careloop.contract.tender.TenderEndpointRules.RULES);
        MATRIX.putAll(com.careloop.property.SampleEndpointRules.RULES);
        MATRIX.putAll(com.careloop.product.ProductEndpointRules.RULES);
        MATRIX.putAll(com.careloop.inspection.InspectionEndpointRules.RULES);
        MATRIX.putAll(com.careloop.fieldservice.FieldServiceEndpointRules.RULES);
        MATRIX.putAll(com.careloop.fieldservice.FieldServicePageEndpointRules.RULES);
        MATRIX.putAll(com.careloop.fieldservice.FieldHistoryEndpointRules.RULES);
        MATRIX.putAll(com.careloop.webhook.WebhookEndpointRules.RULES);
        MATRIX.putAll(com.careloop.platform.channel.ChannelEndpointRules.RULES);
    }


    /** The demo users, one per built-in role. */
    static final List<String> USERS = List.of("admin", "gm", "manager", "supervisor", "frontdesk", "complaints",
            "quality", "depthead", "teamleader", "staff", "sales");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    OrganisationService organisation;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private List<Map<String, Object>> preferences;

    /**
     * The matrix calls every endpoint as every demo user, "my notification channels" too: put the demo users'
     * choices back, or later tests sharing the database find them without e-mail.
     */
    @BeforeEach
    void rememberNotificationChoices() {
        preferences = jdbc.sql("select user_id, kind, channels from notification_preference").query().listOfRows();
    }

    @AfterEach
    void restoreNotificationChoices() {
        jdbc.sql("delete from notification_preference").update();
        for (Map<String, Object> row : preferences) {
            jdbc.sql("insert into notification_preference (user_id, kind, channels) values (:u, :k, :c)")
                    .param("u", row.get("user_id")).param("k", row.get("kind")).param("c", row.get("channels")).update();
        }
    }

    private Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> result = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("com.careloop.")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    result.put(method.name() + " " + path, e.getValue());
                }
            }
        }
        return result;
    }

    @Test
    void everyEndpointHasADeclaredRuleMatchingItsHandler() {
        Map<String, HandlerMethod> endpoints = endpoints();
        assertThat(endpoints.keySet()).as("endpoints without a rule in MATRIX (or rules for endpoints that are gone)")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        Map<String, String> declaredOnHandlers = new LinkedHashMap<>();
        endpoints.forEach((k, h) -> declaredOnHandlers.put(k, String.valueOf(PermissionInterceptor.ruleOf(h))));
        assertThat(declaredOnHandlers).containsExactlyInAnyOrderEntriesOf(MATRIX);
    }

    /** What each demo user is granted, as {@code /api/v1/me} reports it. */
    private Map<String, Set<String>> grantedByUser() {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String user : USERS) {
            granted.put(user, new TreeSet<>(get("/api/v1/me", tokenFor(user)).json().get("permissions").valueStream()
                    .map(n -> n.asString()).toList()));
        }
        return granted;
    }

    private static boolean allowed(String rule, Set<String> granted) {
        return rule.equals(ANY) || granted.contains(rule);
    }

    /**
     * Whether {@code user} calls {@code endpoint} in the runtime matrix. A refusal (403, decided before the handler
     * runs) is checked for every role that lacks the permission. An allowed call renders the whole page or answer, so
     * it is made by one allowed role per endpoint, a different one from endpoint to endpoint (every role still gets
     * many): what lets a role in is the same rule and interceptor for all of them, and that is what the calls prove.
     * Checking all eleven roles on every allowed page took three quarters of the matrix's three minutes.
     */
    private static boolean calls(String user, String endpoint, String rule, Map<String, Set<String>> granted) {
        if (!allowed(rule, granted.get(user))) {
            return true;
        }
        List<String> allowedUsers = USERS.stream().filter(u -> allowed(rule, granted.get(u))).toList();
        return allowedUsers.get(Math.floorMod(endpoint.hashCode(), allowedUsers.size())).equals(user);
    }

    /** Each role is refused exactly the endpoints it lacks the permission for (pages and API). */
    @Test
    void eachRoleIsLetInOrRefusedAsDeclared() {
        Map<String, Set<String>> granted = grantedByUser();
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (String user : USERS) {
            String token = tokenFor(user);
            for (var entry : MATRIX.entrySet()) {
                String rule = entry.getValue();
                String[] parts = entry.getKey().split(" ", 2);
                if (!parts[1].startsWith("/api/") || rule.equals(PUBLIC) || !calls(user, entry.getKey(), rule, granted)) {
                    continue;
                }
                String path = parts[1].replaceAll("\\{[^}]+}", "987654");
                Response r = call(parts[0], path, token, parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{}");
                boolean allowed = allowed(rule, granted.get(user));
                boolean refused = r.status() == 403;
                refusals += allowed ? 0 : 1;
                if (allowed == refused || r.status() >= 500) {
                    wrong.add(user + " " + entry.getKey() + " -> " + r.status() + " (expected "
                            + (allowed ? "allowed" : "403") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refusals).as("refusals checked").isGreaterThan(1_000);
    }

    /** The same for the pages, through a signed-in browser session with CSRF. */
    @Test
    void eachRoleSeesOrIsRefusedThePagesAsDeclared() {
        Map<String, Set<String>> granted = grantedByUser();
        List<String> wrong = new ArrayList<>();
        Set<String> renderedBy = new TreeSet<>();
        for (String user : USERS) {
            PageSession session = new PageSession(port);
            session.login(user, user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
            session.get("/");
            for (var entry : MATRIX.entrySet()) {
                String rule = entry.getValue();
                String[] parts = entry.getKey().split(" ", 2);
                if (parts[1].startsWith("/api/") || rule.equals(PUBLIC) || parts[1].equals("/logout")
                        || !calls(user, entry.getKey(), rule, granted)) {
                    continue;
                }
                String path = parts[1].replaceAll("\\{\\w+:(\\w+)[^}]*}", "$1")
                        .replaceAll("\\{[^}]+}", "987654");
                PageSession.Page page = parts[0].equals("GET") ? session.get(path) : session.post(path);
                boolean allowed = allowed(rule, granted.get(user));
                boolean refused = page.status() == 403;
                if (allowed) {
                    renderedBy.add(user);
                }
                if (allowed == refused || page.status() >= 500) {
                    wrong.add(user + " " + entry.getKey() + " -> " + page.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(renderedBy).as("every role has pages rendered for it").containsExactlyInAnyOrderElementsOf(USERS);
    }

    @Test
    void theDeclaredPermissionsOfTheBuiltInRolesAreWhatTheClosingNoteStates() {
        Map<String, Set<String>> permissionsOf = new TreeMap<>();
        organisation.roles().stream().filter(r -> r.builtIn()).forEach(r -> permissionsOf.put(r.code(), r.permissions()));
        assertThat(permissionsOf.get("ADMIN")).containsAll(organisation.permissionCatalog().values().stream()
                .flatMap(List::stream).toList());
        assertThat(permissionsOf.get("STAFF")).doesNotContainAnyElementsOf(new com.careloop.platform.org.PlatformPermissions().permissions());
        assertThat(permissionsOf.get("CS_MANAGER")).contains("audit:view", "calendar:manage", "retention:view")
                .doesNotContain("org:manage", "role:manage");
    }
}
