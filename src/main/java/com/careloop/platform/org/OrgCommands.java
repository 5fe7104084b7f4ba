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
final class OrgCommands {

    private OrgCommands() {
    }

    record SaveDepartment(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{validation.code}") String code,
            @NotBlank @Size(max = 100) String name,
            Long parentId,
            @PositiveOrZero Integer sortOrder,
            Long version) {
    }

    record SaveUser(
            @NotBlank @Size(min = 2, max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{validation.username}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @Size(min = 8, max = 100) String password,
            @Email @Size(max = 200) String email,
            @Size(max = 40) String phone,
            Long departmentId,
            @NotNull Position position,
            boolean senior,
            @NotEmpty Set<String> roles,
            Long version) {
    }

    record SaveRole(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z0-9_]+", message = "{validation.roleCode}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull DataScope.Kind dataScope,
            @NotNull Set<String> permissions,
            Long version) {
    }

    record ResetPassword(@NotBlank @Size(min = 8, max = 100) String password) {
    }
}
