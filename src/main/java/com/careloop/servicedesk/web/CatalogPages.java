package com.careloop.servicedesk.web;

import com.careloop.platform.RequiresPermission;
import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveCategory;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveSlaPolicy;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.catalog.ServiceCatalog;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The service desk's dictionaries: request categories (add, rename, deactivate, callback-required) and
 * SLA policies (type / category / priority, response and completion targets). Refusals (duplicate code,
 * stale version) come back as the page's message through the platform's page error handling.
 */
@Controller
class CatalogPages {

    private static final String CATEGORIES = "redirect:/service-desk/categories";
    private static final String POLICIES = "redirect:/service-desk/sla-policies";

    private final ServiceCatalog catalog;
    private final PageSupport support;

    CatalogPages(ServiceCatalog catalog, PageSupport support) {
        this.catalog = catalog;
        this.support = support;
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @GetMapping("/service-desk/categories")
    String categories(Model model) {
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("departments", support.departments());
        return "servicedesk/categories";
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/service-desk/categories")
    String addCategory(@Valid @ModelAttribute SaveCategory form, BindingResult errors, RedirectAttributes flash) {
        return save(errors, flash, CATEGORIES, () -> catalog.createCategory(form));
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/service-desk/categories/{id}")
    String saveCategory(@PathVariable long id, @Valid @ModelAttribute SaveCategory form, BindingResult errors,
                        RedirectAttributes flash) {
        return save(errors, flash, CATEGORIES, () -> catalog.updateCategory(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @GetMapping("/service-desk/sla-policies")
    String policies(Model model) {
        model.addAttribute("policies", catalog.policies());
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("types", RequestType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("units", TimeUnit.values());
        return "servicedesk/sla-policies";
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/service-desk/sla-policies")
    String addPolicy(@Valid @ModelAttribute SaveSlaPolicy form, BindingResult errors, RedirectAttributes flash) {
        return save(errors, flash, POLICIES, () -> catalog.createPolicy(form));
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/service-desk/sla-policies/{id}")
    String savePolicy(@PathVariable long id, @Valid @ModelAttribute SaveSlaPolicy form, BindingResult errors,
                      RedirectAttributes flash) {
        return save(errors, flash, POLICIES, () -> catalog.updatePolicy(id, form));
    }

    private static String save(BindingResult errors, RedirectAttributes flash, String back, Runnable save) {
        if (!reject(errors, flash)) {
            save.run();
            flash.addFlashAttribute("success", "saved");
        }
        return back;
    }
}
