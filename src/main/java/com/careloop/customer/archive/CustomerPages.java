package com.careloop.customer.archive;

import java.util.Comparator;
import java.util.List;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.CustomerProfileSection;
import com.careloop.customer.Segment;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;

import jakarta.validation.Valid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/** The customer list, the registration and edit forms, and the customer 360 page. */
@Controller
class CustomerPages {

    record Section(CustomerProfileSection spec, Object model) {
    }

    private final CustomerService customers;
    private final List<CustomerProfileSection> sections;
    private final CurrentUsers users;
    private final JdbcClient jdbc;

    CustomerPages(CustomerService customers, List<CustomerProfileSection> sections, CurrentUsers users, JdbcClient jdbc) {
        this.customers = customers;
        this.sections = sections;
        this.users = users;
        this.jdbc = jdbc;
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/customers")
    String list(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", customers.search(filter, cursor, 50));
        model.addAttribute("kinds", CustomerKind.values());
        model.addAttribute("segments", Segment.values());
        return "customer/list";
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @GetMapping("/customers/new")
    String newCustomer(Model model) {
        return form(null, model);
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @GetMapping("/customers/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var detail = customers.detail(id);
        if (detail.masked()) {
            // editing would write the masked number back over the real one
            throw new DomainException("customer.masked", Text.of("error.customer.you-cannot-edit-customer"));
        }
        return form(detail, model);
    }

    private String form(CustomerViews.Detail customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("kinds", CustomerKind.values());
        // only users who can be chosen: a representative or deputy without a department is refused on save
        model.addAttribute("staff", jdbc.sql("""
                        select id, display_name from org_user where active = true and department_id is not null order by id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list());
        return "customer/form";
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers")
    String register(@Valid @ModelAttribute SaveCustomer form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/customers/new";
        }
        try {
            var created = customers.register(form);
            flash.addFlashAttribute("success", "saved");
            return "redirect:/customers/" + created.id();
        } catch (DomainException e) {
            if (!"customer.possible-duplicate".equals(e.code())) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("duplicates", e.details().get("duplicates"));
            flash.addFlashAttribute("draft", form);
            return "redirect:/customers/new";
        }
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute SaveCustomer form, BindingResult errors,
                  RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/customers/" + id + "/edit";
        }
        customers.update(id, form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/customers/" + id;
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers/{id}/{action:deactivate|activate}")
    String toggle(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        if (action.equals("deactivate")) {
            customers.deactivate(id);
        } else {
            customers.activate(id);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/customers/" + id;
    }

    /** Customer 360: the profile and every section other parts of CareLoop contribute. */
    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/customers/{id}")
    String profile(@PathVariable long id, Model model) {
        var me = users.require();
        model.addAttribute("customer", customers.detail(id));
        model.addAttribute("sections", sections.stream()
                .filter(s -> s.permission() == null || me.can(s.permission()))
                .sorted(Comparator.comparingInt(CustomerProfileSection::order))
                .map(s -> new Section(s, s.model(id))).toList());
        return "customer/profile";
    }
}
