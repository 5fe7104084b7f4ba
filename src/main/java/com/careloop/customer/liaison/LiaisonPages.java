package com.careloop.customer.liaison;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.ContactChannel;
import com.careloop.customer.contactlog.ContactKind;
import com.careloop.customer.contactlog.ContactLogCommands.EntryForm;
import com.careloop.customer.contactlog.PageActions;
import com.careloop.customer.liaison.LiaisonCommands.Detail;
import com.careloop.customer.liaison.LiaisonCommands.Filter;
import com.careloop.customer.liaison.LiaisonCommands.SaveParty;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;

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

/** The liaison list, its forms and the profile with contacts and the visit log. */
@Controller
class LiaisonPages {

    private final LiaisonService parties;
    private final CareLoopProperties properties;

    LiaisonPages(LiaisonService parties, CareLoopProperties properties) {
        this.parties = parties;
        this.properties = properties;
    }

    @RequiresPermission(CustomerPermissions.LIAISON_VIEW)
    @GetMapping("/liaison-parties")
    String list(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", parties.search(filter, cursor, 50));
        model.addAttribute("kinds", LiaisonKind.values());
        return "liaison/list";
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @GetMapping("/liaison-parties/new")
    String newParty(Model model) {
        return form(null, model);
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @GetMapping("/liaison-parties/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Detail party = parties.detail(id);
        if (party.masked()) {
            // saving the form would write the masked numbers over the real ones
            throw new DomainException("liaison.masked", Text.of("error.customer.you-cannot-edit-party"));
        }
        return form(party, model);
    }

    private String form(Detail party, Model model) {
        model.addAttribute("party", party);
        model.addAttribute("kinds", LiaisonKind.values());
        return "liaison/form";
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/liaison-parties")
    String create(@Valid @ModelAttribute SaveParty form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/liaison-parties/new";
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/liaison-parties/" + parties.register(form).id();
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/liaison-parties/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute SaveParty form, BindingResult errors,
                  RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/liaison-parties/" + id + "/edit";
        }
        parties.update(id, form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/liaison-parties/" + id;
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/liaison-parties/{id}/{action:deactivate|activate}")
    String toggle(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        if (action.equals("deactivate")) {
            parties.deactivate(id);
        } else {
            parties.activate(id);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/liaison-parties/" + id;
    }

    @RequiresPermission(CustomerPermissions.LIAISON_VIEW)
    @GetMapping("/liaison-parties/{id}")
    String profile(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("party", parties.detail(id));
        model.addAttribute("log", parties.log(id, cursor, 50));
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("channels", ContactChannel.values());
        return "liaison/profile";
    }

    @RequiresPermission(CustomerPermissions.LIAISON_MANAGE)
    @PostMapping("/liaison-parties/{id}/contact-log")
    String addLog(@PathVariable long id, @Valid @ModelAttribute EntryForm form, BindingResult errors,
                  RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            PageActions.attempt(flash, () -> parties.addLog(id, form.toCommand(properties.zone())));
        }
        return "redirect:/liaison-parties/" + id;
    }
}
