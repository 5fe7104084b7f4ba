package com.careloop.platform.security;

import java.time.Clock;

import com.careloop.platform.org.Accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two doors: the API ({@code /api/**}) is stateless and takes bearer tokens; the pages use form
 * login with a session and CSRF. Which permission a handler needs is checked by
 * {@link PermissionInterceptor}, from the handler's own annotation.
 */
@Configuration
class SecurityConfig {

    /** Reachable without signing in. */
    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
            "/error", "/public/**", "/s/**", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService details, PasswordEncoder encoder,
                                                org.springframework.context.ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(
                new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "unauthenticated",
                                "需要登录令牌 / a bearer token is required (POST /api/v1/auth/tokens)"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "forbidden",
                                "无权执行此操作 / you lack the permission for this")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, Clock clock) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the survey token page (/s/{token}) needs no session: the personal token in the path is the
                // secret a forged cross-site post would lack, and the form carries a signed per-render nonce
                .csrf(c -> c.ignoringRequestMatchers("/s/**"))
                .headers(h -> h.frameOptions(fo -> fo.sameOrigin()));
        return http.build();
    }

    /** Tells a locked-out user so, instead of the generic "wrong password". */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
