package com.careloop.platform.org;

import java.util.List;
import java.util.Map;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.OrgCommands.ResetPassword;
import com.careloop.platform.org.OrgCommands.SaveDepartment;
import com.careloop.platform.org.OrgCommands.SaveRole;
import com.careloop.platform.org.OrgCommands.SaveUser;
import com.careloop.platform.org.OrgViews.DepartmentView;
import com.careloop.platform.org.OrgViews.Page;
import com.careloop.platform.org.OrgViews.RoleView;
import com.careloop.platform.org.OrgViews.UserView;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Departments, users, roles and the permission catalogue over JSON. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {

    private final OrganisationService organisation;
    private final CurrentUsers users;

    OrganisationApi(OrganisationService organisation, CurrentUsers users) {
        this.organisation = organisation;
        this.users = users;
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/departments")
    List<DepartmentView> departments() {
        return organisation.departments();
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/departments/{id}")
    DepartmentView department(@PathVariable long id) {
        return organisation.department(id);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    DepartmentView createDepartment(@Valid @RequestBody SaveDepartment request) {
        return organisation.createDepartment(request);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PutMapping("/departments/{id}")
    DepartmentView updateDepartment(@PathVariable long id, @Valid @RequestBody SaveDepartment request) {
        return organisation.updateDepartment(id, request);
    }

    /** Departments are never removed, only deactivated, and only when nobody works there any more. */
    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @DeleteMapping("/departments/{id}")
    DepartmentView deactivateDepartment(@PathVariable long id) {
        return organisation.deactivateDepartment(id);
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/users")
    Page<UserView> users(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
                         @RequestParam(required = false) String cursor,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return organisation.users(q, departmentId, cursor, limit, users.require().scope());
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/users/{id}")
    UserView user(@PathVariable long id) {
        return organisation.user(id, users.require().scope());
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(@Valid @RequestBody SaveUser request) {
        return organisation.createUser(request);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PutMapping("/users/{id}")
    UserView updateUser(@PathVariable long id, @Valid @RequestBody SaveUser request) {
        return organisation.updateUser(id, request);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/deactivate")
    UserView deactivate(@PathVariable long id) {
        return organisation.deactivateUser(id);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/activate")
    UserView activate(@PathVariable long id) {
        return organisation.activateUser(id);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/unlock")
    UserView unlock(@PathVariable long id) {
        return organisation.unlockUser(id);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/reset-password")
    UserView resetPassword(@PathVariable long id, @Valid @RequestBody ResetPassword request) {
        return organisation.resetPassword(id, request);
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @GetMapping("/roles")
    List<RoleView> roles() {
        return organisation.roles();
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @GetMapping("/roles/{id}")
    RoleView role(@PathVariable long id) {
        return organisation.role(id);
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RoleView createRole(@Valid @RequestBody SaveRole request) {
        return organisation.createRole(request);
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @PutMapping("/roles/{id}")
    RoleView updateRole(@PathVariable long id, @Valid @RequestBody SaveRole request) {
        return organisation.updateRole(id, request);
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @GetMapping("/permissions")
    Map<String, List<String>> permissions() {
        return organisation.permissionCatalog();
    }
}
