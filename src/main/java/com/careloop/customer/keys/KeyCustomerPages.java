package com.careloop.customer.keys;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.keys.KeyCustomerProposal.Status;
import com.careloop.customer.keys.KeyCustomerViews.Propose;
import com.careloop.customer.keys.KeyCustomerViews.Review;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
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

/** The key-customer list with pending proposals, the quarterly review page and the proposal form posts. */
@Controller
class KeyCustomerPages {

    private final KeyCustomerService keys;
    private final KeyCustomerReviews reviews;

    private final CareLoopProperties properties;

    KeyCustomerPages(KeyCustomerService keys, KeyCustomerReviews reviews, CareLoopProperties properties) {
        this.keys = keys;
        this.reviews = reviews;
        this.properties = properties;
    }

    /** Times on these pages are shown in the company's zone. */
    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return properties.zone();
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/key-customers")
    String list(Model model) {
        model.addAttribute("keyCustomers", keys.keyCustomers());
        model.addAttribute("pending", keys.search(Status.PENDING, null, null, 200).items());
        model.addAttribute("decided", keys.search(null, null, null, 30).items().stream()
                .filter(p -> !p.pending()).limit(15).toList());
        model.addAttribute("reminder", reviews.reminder().orElse(null));
        model.addAttribute("quarter", reviews.currentQuarter().toString());
        return "keycustomer/list";
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/key-customers/review")
    String review(@RequestParam(required = false) String quarter, Model model) {
        var q = reviews.quarter(quarter);
        model.addAttribute("review", reviews.list(q));
        model.addAttribute("previousQuarter", q.previous().toString());
        model.addAttribute("nextQuarter", q.equals(reviews.currentQuarter()) ? null : q.next().toString());
        model.addAttribute("reminder", reviews.reminder().orElse(null));
        return "keycustomer/review";
    }

    @RequiresPermission(CustomerPermissions.APPROVE_KEY)
    @PostMapping("/key-customers/review")
    String recordReview(@Valid @ModelAttribute Review form, BindingResult errors, RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            attempt(() -> reviews.record(form), flash);
        }
        return "redirect:/key-customers/review?quarter=" + (form.quarter() == null ? "" : form.quarter());
    }

    @RequiresPermission(CustomerPermissions.PROPOSE_KEY)
    @PostMapping("/key-customers/proposals")
    String propose(@Valid @ModelAttribute Propose form, BindingResult errors, RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            attempt(() -> keys.propose(form), flash);
        }
        return form.customerId() == null ? "redirect:/key-customers" : "redirect:/customers/" + form.customerId();
    }

    @RequiresPermission(CustomerPermissions.APPROVE_KEY)
    @PostMapping("/key-customers/proposals/{id}/{decision:approve|reject}")
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(required = false) String comment,
                  RedirectAttributes flash) {
        attempt(() -> {
            if (decision.equals("approve")) {
                keys.approve(id, comment);
            } else {
                keys.reject(id, comment);
            }
        }, flash);
        return "redirect:/key-customers";
    }

    /** A refused step comes back as a message on the page the form belongs to (not wherever the Referer points). */
    private static void attempt(Runnable step, RedirectAttributes flash) {
        try {
            step.run();
            flash.addFlashAttribute("success", "saved");
        } catch (DomainException | InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
    }
}
