package com.careloop.platform.org;

import java.util.Set;

import com.careloop.platform.DataScope;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Commands of the organisation admin, shared by the API and the pages. */
public final class OrgCommands {

    private OrgCommands() {
    }

    public record SaveDepartment(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name,
            Long parentId,
            @PositiveOrZero Integer sortOrder,
            Long version) {
    }

    public record SaveUser(
            @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{validation.username}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 100) String password, // length and commonness: PasswordPolicy
            @Email @Size(max = 200) String email,
            @Size(max = 40) String phone,
            Long departmentId,
            @NotBlank @Size(max = 40) String position,
            Boolean senior,
            @NotEmpty Set<String> roles,
            Long version) {
    }

    public record SaveRole(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z0-9_]+", message = "{validation.roleCode}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull DataScope.Kind dataScope,
            @NotNull Set<String> permissions,
            Long version) {
    }

    public record ResetPassword(@NotBlank @Size(max = 100) String password) {
    }
}
