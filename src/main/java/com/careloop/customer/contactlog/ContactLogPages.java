package com.careloop.customer.contactlog;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.ContactLogCommands.EntryForm;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;

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

/** The add-entry form of the 360 page's contact-log section and the upcoming-birthdays page. */
@Controller
class ContactLogPages {

    private final ContactLogService log;
    private final BirthdayService birthdays;
    private final CareLoopProperties properties;

    ContactLogPages(ContactLogService log, BirthdayService birthdays, CareLoopProperties properties) {
        this.log = log;
        this.birthdays = birthdays;
        this.properties = properties;
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers/{id}/contact-log")
    String add(@PathVariable long id, @Valid @ModelAttribute EntryForm form, BindingResult errors,
               RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            PageActions.attempt(flash, () -> log.addForCustomer(id, form.toCommand(properties.zone())));
        }
        return "redirect:/customers/" + id + "#section-customercontactlog";
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/customers/birthdays")
    String birthdays(@RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("days", days);
        model.addAttribute("birthdays", birthdays.upcoming(days));
        return "customer/birthdays";
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers/birthdays/{id}/card-sent")
    String cardSent(@PathVariable long id, @RequestParam(defaultValue = "30") int days, RedirectAttributes flash) {
        PageActions.attempt(flash, () -> birthdays.cardSent(id, null));
        return "redirect:/customers/birthdays?days=" + days;
    }
}
