package com.careloop.platform.security;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default: a CareLoop handler runs only if it declares who may call it and the caller
 * qualifies. Handlers of libraries (Swagger UI, error pages) are governed by the filter chains.
 */
@Component
public class PermissionInterceptor implements HandlerInterceptor {

    private final CurrentUsers users;

    PermissionInterceptor(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("com.careloop.")) {
            return true;
        }
        Rule rule = ruleOf(method);
        if (rule == null) {
            throw new AccessDeniedException("no access rule declared for " + method.getMethod().toGenericString());
        }
        if (rule.isPublic()) {
            return true;
        }
        var user = users.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (rule.permission() != null && !user.can(rule.permission())) {
            throw new AccessDeniedException("missing permission " + rule.permission());
        }
        return true;
    }

    /** The access rule of a handler: a permission, any signed-in user, or public; null when undeclared. */
    public record Rule(String permission, boolean isPublic) {
        @Override
        public String toString() {
            return isPublic ? "PUBLIC" : permission == null ? "ANY_USER" : permission;
        }
    }

    public static Rule ruleOf(HandlerMethod method) {
        RequiresPermission p = method.getMethodAnnotation(RequiresPermission.class);
        if (p == null) {
            p = method.getBeanType().getAnnotation(RequiresPermission.class);
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class)) {
            return new Rule(null, true);
        }
        if (method.hasMethodAnnotation(AnyUser.class)) {
            return new Rule(null, false);
        }
        if (p != null) {
            return new Rule(p.value(), false);
        }
        if (method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
            return new Rule(null, true);
        }
        if (method.getBeanType().isAnnotationPresent(AnyUser.class)) {
            return new Rule(null, false);
        }
        return null;
    }
}
