package com.careloop.platform.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.PublicEndpoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issue, list and revoke personal API tokens; who am I. */
@RestController
@RequestMapping("/api/v1")
class AuthApi {

    record TokenRequest(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 100) String password,
                        @Size(max = 100) String name) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final CurrentUsers users;
    private final CareLoopProperties properties;
    private final MessageSource messages;

    AuthApi(AuthenticationManager authentication, ApiTokens tokens, CurrentUsers users, CareLoopProperties properties,
            MessageSource messages) {
        this.messages = messages;
        this.authentication = authentication;
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
    }

    /** Username and password in, a bearer token out; the same throttling as the login page applies. */
    @PublicEndpoint
    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
        attempt.setDetails(new WebAuthenticationDetails(http));
        var auth = authentication.authenticate(attempt);
        CurrentUser user = ((CareLoopPrincipal) auth.getPrincipal()).currentUser();
        var issued = tokens.issue(user.id(), request.name() == null ? "API" : request.name(),
                properties.security().tokenLifetime());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    /** Throttled sign-ins answer 429 with Retry-After, the same for known and unknown usernames. */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(
                "security.login.throttled", new Object[] {ex.retryAfterMinutes()}, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:careloop:problem:login-throttled"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
                .body(problem);
    }

    @AnyUser
    @GetMapping("/auth/tokens")
    List<ApiTokens.TokenView> mine() {
        return tokens.tokensOf(users.require().id());
    }

    @AnyUser
    @DeleteMapping("/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(users.require().id(), id);
    }

    @AnyUser
    @GetMapping("/me")
    CurrentUser me() {
        return users.require();
    }
}
