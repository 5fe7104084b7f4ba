package com.careloop.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting: the signed-in user, or {@code system} for jobs and first-start data. */
@Component
public class CurrentUsers {

    public static final String SYSTEM = "system";

    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUserHolder holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    public CurrentUser require() {
        return current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    public String actorName() {
        return current().map(CurrentUser::username).orElse(SYSTEM);
    }
}
