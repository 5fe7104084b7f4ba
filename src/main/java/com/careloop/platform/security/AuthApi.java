package com.careloop.platform.security;

import java.time.Instant;
import java.util.List;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.PublicEndpoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
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

    AuthApi(AuthenticationManager authentication, ApiTokens tokens, CurrentUsers users, CareLoopProperties properties) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
    }

    /** Username and password in, a bearer token out; the same lockout rules as the login page apply. */
    @PublicEndpoint
    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        var auth = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        CurrentUser user = ((CareLoopPrincipal) auth.getPrincipal()).currentUser();
        var issued = tokens.issue(user.id(), request.name() == null ? "API" : request.name(),
                properties.security().tokenLifetime());
        return new TokenResponse(issued.token(), issued.expiresAt());
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
