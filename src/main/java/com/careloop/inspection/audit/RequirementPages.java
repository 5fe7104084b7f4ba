package com.careloop.inspection.audit;

import java.time.LocalDate;

import com.careloop.customer.CustomerDirectory;
import com.careloop.inspection.CustomerRequirements;
import com.careloop.inspection.InspectionCommands.NewRequirement;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.RequirementStatus;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register page of customer-specific requirements (003-I1): the list with filters, the add form, the edit page. */
@Controller
class RequirementPages {

    static final String HOME = "/customer-requirements";

    private final CustomerRequirements requirements;
    private final CustomerDirectory customers;
    private final MessageSource messages;

    RequirementPages(CustomerRequirements requirements, CustomerDirectory customers, MessageSource messages) {
        this.requirements = requirements;
        this.customers = customers;
        this.messages = messages;
    }

    /** The form of the add and edit pages. */
    record Form(Long customerId, String requirement, String sourceDocument, Long departmentId, String fulfilment,
                RequirementStatus status, LocalDate reviewOn, Long version) {
        NewRequirement command() {
            return new NewRequirement(customerId, requirement, sourceDocument, departmentId, fulfilment, status,
                    reviewOn, version);
        }
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(HOME)
    String list(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String customer,
                @RequestParam(required = false) RequirementStatus status,
                @RequestParam(required = false) Long departmentId, Model model) {
        model.addAttribute("rows", requirements.list(customerId, status, departmentId));
        model.addAttribute("customerId", customerId);
        model.addAttribute("customerQuery", customer);
        model.addAttribute("customers", customers.choices(customerId, customer, 20));
        model.addAttribute("status", status);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("departments", requirements.departments());
        return "inspection/requirements";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME)
    String create(@ModelAttribute Form form, RedirectAttributes flash) {
        var r = requirements.create(form.command());
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?customerId=" + r.customerId();
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(HOME + "/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("r", requirements.requirement(id));
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("departments", requirements.departments());
        return "inspection/requirement";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME + "/{id}")
    String update(@PathVariable long id, @ModelAttribute Form form, RedirectAttributes flash) {
        var r = requirements.update(id, form.command());
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?customerId=" + r.customerId();
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(HOME + "/export")
    void export(@RequestParam(required = false) Long customerId, @RequestParam(required = false) RequirementStatus status,
                @RequestParam(required = false) Long departmentId, HttpServletResponse response) {
        RequirementApi.excel(requirements, customerId, status, departmentId, response);
    }

    /** Bad input (422) or a stale edit (409): the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        InspectionPages.flashRefusal(ex, flash, messages);
        String uri = request.getRequestURI();
        return "redirect:" + (uri.matches(".*/customer-requirements/\\d+$") ? uri : HOME);
    }
}
