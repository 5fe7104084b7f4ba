package com.careloop.platform.org;

import com.careloop.platform.CurrentUsers;
import static com.careloop.platform.Forms.reject;
import com.careloop.platform.DataScope;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.OrgCommands.ResetPassword;
import com.careloop.platform.org.OrgCommands.SaveDepartment;
import com.careloop.platform.org.OrgCommands.SaveRole;
import com.careloop.platform.org.OrgCommands.SaveUser;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for departments, users and roles. */
@Controller
@RequestMapping("/admin")
class OrganisationPages {

    private final OrganisationService organisation;
    private final CurrentUsers users;
    private final Positions positions;

    OrganisationPages(OrganisationService organisation, CurrentUsers users, Positions positions) {
        this.positions = positions;
        this.organisation = organisation;
        this.users = users;
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("departments", organisation.departments());
        return "platform/departments";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/departments")
    String createDepartment(@Valid @ModelAttribute SaveDepartment form, BindingResult errors, RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.createDepartment(form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/departments";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/departments/{id}")
    String updateDepartment(@PathVariable long id, @Valid @ModelAttribute SaveDepartment form, BindingResult errors,
                            RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.updateDepartment(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/departments";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/departments/{id}/deactivate")
    String deactivateDepartment(@PathVariable long id, RedirectAttributes flash) {
        organisation.deactivateDepartment(id);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/departments";
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/users")
    String users(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
                 @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", organisation.users(q, departmentId, cursor, 50, users.require().scope()));
        model.addAttribute("q", q);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("departments", organisation.departments());
        return "platform/users";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @GetMapping("/users/new")
    String newUser(Model model) {
        return userForm(null, model);
    }

    @RequiresPermission(PlatformPermissions.ORG_VIEW)
    @GetMapping("/users/{id}")
    String user(@PathVariable long id, Model model) {
        return userForm(organisation.user(id, users.require().scope()), model);
    }

    private String userForm(OrgViews.UserView user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("roles", organisation.roles());
        model.addAttribute("positions", positions.active());
        return "platform/user";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users")
    String createUser(@Valid @ModelAttribute SaveUser form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/admin/users/new";
        }
        var created = organisation.createUser(form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/users/" + created.id();
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}")
    String updateUser(@PathVariable long id, @Valid @ModelAttribute SaveUser form, BindingResult errors,
                      RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.updateUser(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/users/" + id;
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/{action:deactivate|activate|unlock}")
    String userAction(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        switch (action) {
            case "deactivate" -> organisation.deactivateUser(id);
            case "activate" -> organisation.activateUser(id);
            default -> organisation.unlockUser(id);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/users/" + id;
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/users/{id}/reset-password")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute ResetPassword form, BindingResult errors,
                         RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.resetPassword(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/users/" + id;
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @GetMapping("/roles")
    String roles(Model model) {
        model.addAttribute("roles", organisation.roles());
        model.addAttribute("catalog", organisation.permissionCatalog());
        model.addAttribute("scopes", DataScope.Kind.values());
        return "platform/roles";
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @PostMapping("/roles")
    String createRole(@Valid @ModelAttribute SaveRole form, BindingResult errors, RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.createRole(form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/roles";
    }

    @RequiresPermission(PlatformPermissions.ROLE_MANAGE)
    @PostMapping("/roles/{id}")
    String updateRole(@PathVariable long id, @Valid @ModelAttribute SaveRole form, BindingResult errors,
                      RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            organisation.updateRole(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/roles";
    }
}
