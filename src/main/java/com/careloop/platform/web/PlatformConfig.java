package com.careloop.platform.web;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import com.careloop.platform.security.PermissionInterceptor;

/** Clock, language (zh-CN first; {@code ?lang=zh-TW|en} switches; a page may force one, see PageLocale) and the interceptors every page passes. */
@Configuration
class PlatformConfig implements WebMvcConfigurer {

    private final PermissionInterceptor permissions;
    private final LayoutInterceptor layout;

    private final org.springframework.web.servlet.HandlerInterceptor parameterGuard;

    PlatformConfig(PermissionInterceptor permissions, LayoutInterceptor layout,
                   @org.springframework.beans.factory.annotation.Qualifier("parameterGuard")
                   org.springframework.web.servlet.HandlerInterceptor parameterGuard) {
        this.parameterGuard = parameterGuard;
        this.permissions = permissions;
        this.layout = layout;
    }

    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }

    /** The SSRF guard of all user-configured outbound URLs (webhooks, WeCom robots); static: no cycle via the interceptors. */
    @Bean
    static com.careloop.platform.TargetGuard targetGuard(
            @org.springframework.beans.factory.annotation.Value("${careloop.outbound.allow-private-targets:false}")
            boolean allowPrivate) {
        return new com.careloop.platform.TargetGuard(allowPrivate);
    }

    /** Spring MVC's controller mapping with the literal-head test of {@link PrefixedHandlerMapping}. */
    @Bean
    static org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations prefixedHandlerMapping() {
        return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
            @Override
            public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping
                    getRequestMappingHandlerMapping() {
                return new PrefixedHandlerMapping();
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                Object forced = request.getAttribute(com.careloop.platform.PageLocale.ATTRIBUTE);
                return forced instanceof Locale l ? l : super.resolveLocale(request);
            }
        };
        // No choice in the session: the API answers in the caller's Accept-Language (problem details), pages in zh-CN.
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getHeader("Accept-Language") != null
                ? com.careloop.platform.PageLocale.of(request.getLocale().toLanguageTag()) : Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        registry.addInterceptor(permissions);
        registry.addInterceptor(parameterGuard);
        registry.addInterceptor(layout);
    }
}
