package com.careloop.platform.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.org.Accounts.LoginAccount;
import com.careloop.platform.org.DirectoryAccounts;
import com.careloop.platform.org.DirectoryAccounts.Identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Single sign-on beside the local passwords (issue 19 §2): the LDAP/AD bind provider that joins the form login's
 * provider list, the OpenID Connect login, and what the login page offers. Both map the directory identity to a
 * CareLoop account through {@link DirectoryAccounts}, so the session holds the same principal as a local sign-in.
 */
@Component
public class SsoLogin {

    /** A "sign in with ..." button of the login page. */
    public record Button(String href, String name) {
    }

    /** The login page's messages beyond bad/locked (login.error.*); any other value shows nothing. */
    private static final Set<String> REASONS = Set.of("directory-down", "sso-unavailable", "sso-failed",
            "sso-no-email", "sso-email-unverified", "sso-inactive", "sso-admin", "sso-ambiguous", "sso-no-account",
            "sso-username-invalid", "sso-username-taken", "sso-misconfigured");

    private static final String OIDC_BASE = "/oauth2/authorization/";

    private final SsoProperties properties;
    private final DirectoryAccounts accounts;
    private final ClientRegistrationRepository registrations;
    private final AuthenticationProvider ldap;

    SsoLogin(SsoProperties properties, DirectoryAccounts accounts,
             ObjectProvider<ClientRegistrationRepository> springRegistrations) {
        this.properties = properties;
        this.accounts = accounts;
        this.registrations = properties.oidc().enabled() ? new DiscoveredRegistration(properties.oidc())
                : springRegistrations.getIfAvailable();
        this.ldap = properties.ldap().enabled() ? ldapProvider(properties.ldap()) : null;
    }

    public static boolean knownError(String reason) {
        return reason != null && REASONS.contains(reason);
    }

    /** The buttons of the configured OIDC providers (none when OIDC is off). */
    public List<Button> buttons() {
        List<Button> buttons = new ArrayList<>();
        if (registrations instanceof DiscoveredRegistration) {
            buttons.add(new Button(OIDC_BASE + properties.oidc().registrationId(), properties.oidc().displayName()));
        } else if (registrations instanceof Iterable<?> all) {
            all.forEach(r -> {
                ClientRegistration c = (ClientRegistration) r;
                buttons.add(new Button(OIDC_BASE + c.getRegistrationId(), c.getClientName()));
            });
        }
        return buttons;
    }

    /** The directory named on the login form when LDAP is on ("your LDAP password works here"), else empty. */
    public Optional<String> directoryName() {
        return ldap == null ? Optional.empty() : Optional.of(properties.ldap().displayName());
    }

    /**
     * The providers that join the pages' authentication manager (after the local password): the LDAP bind and the
     * OIDC code exchange (the OAuth2 login filter authenticates through that shared manager).
     */
    List<AuthenticationProvider> providers() {
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (ldap != null) {
            providers.add(ldap);
        }
        if (registrations != null) {
            providers.add(new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), this::oidcUser));
        }
        return providers;
    }

    /** Adds the OIDC login to the pages' chain when a provider is configured; failures land on the login page. */
    void configure(HttpSecurity http, AuthenticationFailureHandler failures) throws Exception {
        if (registrations == null) {
            return;
        }
        http.oauth2Login(o -> o.loginPage("/login").clientRegistrationRepository(registrations)
                .defaultSuccessUrl("/", false).failureHandler(failures)
                .userInfoEndpoint(u -> u.oidcUserService(this::oidcUser))
                // an issuer that does not answer while the button is pressed: the login page says so (not a 500)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
    }

    // ---- OpenID Connect ----------------------------------------------------------------------

    private final OidcUserService oidcUsers = new OidcUserService();

    private OidcUser oidcUser(OidcUserRequest request) {
        OidcUser oidc = oidcUsers.loadUser(request);
        SsoProperties.Oidc settings = properties.oidc();
        if (settings.matchBy() == DirectoryAccounts.MatchBy.EMAIL
                && Boolean.FALSE.equals(oidc.getClaims().get("email_verified"))) {
            // an address the provider has not verified must not take over the account that owns it
            throw new SsoRefusedException("sso-email-unverified", "e-mail of " + oidc.getSubject() + " not verified", null);
        }
        Identity identity = new Identity("OIDC", oidc.getIssuer() + " " + oidc.getSubject(),
                claim(oidc, settings.usernameClaim()), claim(oidc, settings.emailClaim()),
                claim(oidc, settings.nameClaim()));
        return new DirectoryOidcUser(oidc, signIn(identity, settings.matchBy()).user());
    }

    private static String claim(OidcUser oidc, String name) {
        Object value = oidc.getClaims().get(name);
        return value == null ? null : value.toString();
    }

    private LoginAccount signIn(Identity identity, DirectoryAccounts.MatchBy matchBy) {
        try {
            return accounts.signIn(identity, matchBy, properties.provisioning());
        } catch (DirectoryAccounts.Refused e) {
            throw new SsoRefusedException(e.reason(), e.getMessage(), e);
        }
    }

    /** The registration found by the issuer's discovery document on first use, so a down issuer never stops the start. */
    private static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final SsoProperties.Oidc settings;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(SsoProperties.Oidc settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            if (!settings.registrationId().equals(id)) {
                return null;
            }
            ClientRegistration r = registration;
            if (r == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                                .registrationId(id).clientId(settings.clientId()).clientSecret(settings.clientSecret())
                                .scope(settings.scopes()).clientName(settings.displayName())
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build();
                    }
                    r = registration;
                }
            }
            return r;
        }
    }

    // ---- LDAP / Active Directory ------------------------------------------------------------

    private AuthenticationProvider ldapProvider(SsoProperties.Ldap settings) {
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(
                List.of(settings.url().trim().split("\\s+")), settings.base() == null ? "" : settings.base());
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword());
        }
        // a directory that does not answer must fail the sign-in within seconds, not hang the login page
        Map<String, Object> environment = new HashMap<>();
        environment.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(settings.timeout().toMillis()));
        environment.put("com.sun.jndi.ldap.read.timeout", String.valueOf(settings.timeout().toMillis()));
        source.setBaseEnvironmentProperties(environment);
        source.afterPropertiesSet();
        BindAuthenticator authenticator = new BindAuthenticator(source);
        if (settings.userDnPattern() != null && !settings.userDnPattern().isBlank()) {
            authenticator.setUserDnPatterns(new String[] {settings.userDnPattern()});
        } else {
            authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(),
                    settings.userSearchFilter(), source));
        }
        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(authenticator);
        provider.setUserDetailsContextMapper(new UserDetailsContextMapper() {
            @Override
            public org.springframework.security.core.userdetails.UserDetails mapUserFromContext(
                    DirContextOperations entry, String username,
                    java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
                String name = Optional.ofNullable(entry.getStringAttribute(settings.usernameAttribute())).orElse(username);
                Identity identity = new Identity("LDAP", entry.getNameInNamespace().toLowerCase(Locale.ROOT), name,
                        entry.getStringAttribute(settings.emailAttribute()),
                        entry.getStringAttribute(settings.displayNameAttribute()));
                LoginAccount account = signIn(identity, settings.matchBy());
                return new CareLoopPrincipal(account.user(), "", true, true);
            }

            @Override
            public void mapUserToContext(org.springframework.security.core.userdetails.UserDetails user,
                                         org.springframework.ldap.core.DirContextAdapter ctx) {
                throw new UnsupportedOperationException("CareLoop never writes to the directory");
            }
        });
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    return provider.authenticate(authentication);
                } catch (InternalAuthenticationServiceException e) {
                    if (e.getCause() instanceof org.springframework.ldap.NamingException) {
                        throw directoryDown(e);
                    }
                    throw e;
                } catch (org.springframework.ldap.NamingException e) {
                    throw directoryDown(e);
                }
            }

            private SsoRefusedException directoryDown(RuntimeException e) {
                return new SsoRefusedException("directory-down", "LDAP " + settings.url() + ": " + e.getMessage(), e);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }

    /** Exposed for the failure handler: which login page message an authentication failure shows. */
    static String reasonOf(AuthenticationException e) {
        if (e instanceof SsoRefusedException r) {
            return r.reason();
        }
        if (e instanceof LoginThrottledException) {
            return "locked";
        }
        if (e.getClass().getName().endsWith("OAuth2AuthorizationRequestException")) {
            return "sso-unavailable";
        }
        if (e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            return "sso-failed";
        }
        return "bad";
    }
}
