package com.careloop.platform.security;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.org.Accounts;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Two doors: the API ({@code /api/**}) is stateless and takes bearer tokens; the pages use form
 * login with a session and CSRF. Which permission a handler needs is checked by
 * {@link PermissionInterceptor}, from the handler's own annotation.
 */
@Configuration
class SecurityConfig {

    /** Reachable without signing in. */
    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
            "/error", "/public/**", "/s/**", "/actuator/health/**", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html"};

    /**
     * Scripts only from CareLoop's own files (pages keep no inline script or handler: /js/careloop.js binds them by
     * data attributes); inline styles stay allowed for the style attributes, the print pages' style blocks, htmx's
     * indicator style and ECharts' tooltips. Charts draw on canvas; images may be data: URLs (signatures, QR codes).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** One year, with sub-domains; sent on HTTPS requests only (behind a proxy: see server.forward-headers-strategy). */
    static final long HSTS_SECONDS = 365L * 24 * 3600;

    /**
     * No security observations. {@code management.observations.enable.spring.security=false} made them no-ops, but
     * every filter of the chain was still wrapped by the observation decorator, which asked the property predicate
     * on each call (11 % of the CPU samples of an authenticated read, docs/BENCHMARKS.md). With these settings the
     * chain is not decorated at all; the HTTP server's own observation and metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(CareLoopProperties properties) {
        return new BCryptPasswordEncoder(properties.security().passwordHashCost());
    }

    /**
     * Password check behind the {@link LoginThrottle}. Known and unknown usernames answer alike: the provider runs
     * the encoder for unknown ones too (its timing-attack guard), and a deactivated account is checked only after
     * the password and then refused as a wrong password.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService details, PasswordEncoder encoder,
                                                org.springframework.context.ApplicationEventPublisher events,
                                                LoginThrottle throttle, Accounts accounts, SsoLogin sso) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new BadCredentialsException("bad credentials");
            }
        });
        // local passwords first (the administrator never depends on the directory), then LDAP bind / OIDC if configured
        java.util.List<org.springframework.security.authentication.AuthenticationProvider> providers =
                new java.util.ArrayList<>(java.util.List.of(provider));
        providers.addAll(sso.providers());
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(
                new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(events));
        return authentication -> {
            String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                    ? d.getRemoteAddress() : "unknown";
            String username = authentication.getName();
            var wait = throttle.blocked(address, username);
            if (wait.isPresent()) {
                throw new LoginThrottledException(wait.get());
            }
            try {
                var result = manager.authenticate(authentication);
                throttle.succeeded(address, username);
                return result;
            } catch (AuthenticationException e) {
                // a directory that does not answer, or a refused mapping after a good password, is no guess
                if (!(e instanceof SsoRefusedException) && throttle.failed(address, username)) {
                    accounts.loginThrottled(username, address);
                }
                throw e;
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        // the Prometheus scrape authenticates like the API: a bearer token of a user holding metrics:view
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority(PlatformPermissions.METRICS_VIEW)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "unauthenticated",
                                com.careloop.platform.Text.of("error.platform.bearer-token-required")))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "forbidden",
                                com.careloop.platform.Text.of("error.platform.permission-lacking"))))

                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager, SsoLogin sso)
            throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the survey token page (/s/{token}) needs no session: the personal token in the path is the
                // secret a forged cross-site post would lack, and the form carries a signed per-render nonce
                .csrf(c -> c.ignoringRequestMatchers("/s/**"))
                .headers(h -> h.frameOptions(fo -> fo.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true)));
        sso.configure(http, failureHandler());
        return http.build();
    }

    /**
     * Tells a throttled client to wait (whether or not the username exists), a directory sign-in what went wrong,
     * else the generic "wrong password".
     */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = SsoLogin.reasonOf(exception);
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
