package com.careloop.complaint.retail;

import com.careloop.complaint.AdvanceCompensations;
import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.CompensationCommands.Pay;
import com.careloop.complaint.CompensationCommands.RequestCompensation;
import com.careloop.complaint.CompensationStatus;
import com.careloop.complaint.CompensationViews.Filter;
import com.careloop.complaint.claim.PageForms.NewCompensation;
import com.careloop.complaint.claim.PageForms.StepForm;
import com.careloop.complaint.claim.Parties;
import com.careloop.platform.RequiresPermission;

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

/** The advance compensation pages: the list, a new request, the request with its approval chain. */
@Controller
class CompensationPages {

    private final AdvanceCompensations compensations;
    private final Parties parties;

    CompensationPages(AdvanceCompensations compensations, Parties parties) {
        this.compensations = compensations;
        this.parties = parties;
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @GetMapping("/compensations")
    String list(@RequestParam(required = false) CompensationStatus status, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("page", compensations.search(new Filter(status, null), cursor, 50));
        model.addAttribute("statuses", CompensationStatus.values());
        model.addAttribute("status", status);
        return "retail/compensations";
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @GetMapping("/compensations/new")
    String newRequest(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long complaintId,
                      Model model) {
        model.addAttribute("customer", customerId == null ? null : parties.customer(customerId));
        model.addAttribute("complaintId", complaintId);
        return "retail/compensation-new";
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @PostMapping("/compensations")
    String request(@ModelAttribute NewCompensation f, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/compensations/new";
        }
        long customerId = parties.resolve(f.customerId(), f.customer()).id();
        var a = compensations.request(new RequestCompensation(customerId, f.complaintId(), f.reason(), f.amount()));
        return "redirect:/compensations/" + a.id();
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @GetMapping("/compensations/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("a", compensations.detail(id));
        return "retail/compensation";
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_APPROVE)
    @PostMapping("/compensations/{id}/{step:supervisor|manager|reject|pay}")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute StepForm f, BindingResult errors,
                RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            switch (step) {
                case "supervisor" -> compensations.approveAsSupervisor(id, new Step(f.version()));
                case "manager" -> compensations.approveAsManager(id, new Step(f.version()));
                case "reject" -> compensations.reject(id, new Comment(f.comment(), f.version()));
                default -> compensations.pay(id, new Pay(f.reference(), f.version()));
            }
        }
        return "redirect:/compensations/" + id;
    }
}
