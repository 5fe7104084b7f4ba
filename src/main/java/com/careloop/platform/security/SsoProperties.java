package com.careloop.platform.security;

import java.time.Duration;
import java.util.List;

import com.careloop.platform.org.DirectoryAccounts.MatchBy;
import com.careloop.platform.org.DirectoryAccounts.Provisioning;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on under {@code careloop.sso.*} (docs/sso.md). Both protocols are off until their address is set;
 * local passwords always stay. A default role of ADMIN is refused here, i.e. at start-up.
 */
@Validated
@ConfigurationProperties("careloop.sso")
public record SsoProperties(
        @DefaultValue("true") boolean createAccounts,
        @DefaultValue("STAFF") String defaultRole,
        String defaultDepartment,
        @DefaultValue("STAFF") String defaultPosition,
        @DefaultValue @NotNull Ldap ldap,
        @DefaultValue @NotNull Oidc oidc) {

    public SsoProperties {
        new Provisioning(createAccounts, defaultRole, defaultDepartment, defaultPosition);
    }

    Provisioning provisioning() {
        return new Provisioning(createAccounts, defaultRole, defaultDepartment, defaultPosition);
    }

    /**
     * LDAP / Active Directory bind. The entry is found by {@code userDnPattern} ({0} = typed username) or else by
     * {@code userSearchFilter} under {@code userSearchBase} (bound as {@code managerDn} when set).
     */
    public record Ldap(String url, String base, String userDnPattern, @DefaultValue("") String userSearchBase,
                       @DefaultValue("(uid={0})") String userSearchFilter, String managerDn, String managerPassword,
                       @DefaultValue("USERNAME") MatchBy matchBy, @DefaultValue("uid") String usernameAttribute,
                       @DefaultValue("mail") String emailAttribute, @DefaultValue("cn") String displayNameAttribute,
                       @DefaultValue("LDAP") String displayName, @DefaultValue("5s") Duration timeout) {

        boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * OpenID Connect by issuer discovery (Keycloak, Authing, Azure AD). A registration under Spring's
     * {@code spring.security.oauth2.client.*} works as well; the matching settings here apply to both.
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                       @DefaultValue("oidc") String registrationId, @DefaultValue("OIDC") String displayName,
                       @DefaultValue("EMAIL") MatchBy matchBy, @DefaultValue("preferred_username") String usernameClaim,
                       @DefaultValue("email") String emailClaim, @DefaultValue("name") String nameClaim) {

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
