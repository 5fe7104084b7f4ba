package com.careloop.complaint.claim;

import com.careloop.complaint.ClaimCommands.AddEvidenceNote;
import com.careloop.complaint.ClaimCommands.Agree;
import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.DetermineResponsibility;
import com.careloop.complaint.ClaimCommands.Inspect;
import com.careloop.complaint.ClaimCommands.Propose;
import com.careloop.complaint.ClaimCommands.RegisterClaim;
import com.careloop.complaint.ClaimCommands.Settle;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.ClaimStatus;
import com.careloop.complaint.ClaimViews.ClaimDetail;
import com.careloop.complaint.ClaimViews.Filter;
import com.careloop.complaint.Claims;
import com.careloop.complaint.InspectionMethod;
import com.careloop.complaint.Responsibility;
import com.careloop.complaint.claim.PageForms.NewClaim;
import com.careloop.complaint.claim.PageForms.StepForm;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.NextStep;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.UploadedFiles;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The claim pages: the list, a new claim, and the claim with its evidence, timeline, history and the form of the
 * next step. Each step posts the version the page showed; a refused step comes back with its message on the page.
 */
@Controller
class ClaimPages {

    private final Claims claims;
    private final Parties parties;
    private final ClaimProperties properties;
    private final CurrentUsers users;

    private final ClaimListExport export;

    ClaimPages(Claims claims, Parties parties, ClaimProperties properties, CurrentUsers users, ClaimListExport export) {
        this.users = users;
        this.export = export;
        this.claims = claims;
        this.parties = parties;
        this.properties = properties;
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/claims")
    String list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", claims.search(new Filter(status, null, null), sort, cursor, 50));
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("sort", sort);
        return "claim/list";
    }

    /** The list as .xlsx: the page's filter and sort, every page of it (audited). */
    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/claims/export")
    void export(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String sort,
                jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        export.write(new Filter(status, null, null), sort, request.getQueryString(), response);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @GetMapping("/claims/new")
    String newClaim(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long complaintId,
                    Model model) {
        model.addAttribute("customer", customerId == null ? null : parties.customer(customerId));
        model.addAttribute("complaintId", complaintId);
        return "claim/new";
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/claims")
    String register(@ModelAttribute NewClaim form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/claims/new";
        }
        long customerId = parties.resolve(form.customerId(), form.customer()).id();
        var c = claims.register(new RegisterClaim(customerId, form.complaintId(), form.product(), form.orderNumber(),
                form.claimedAmount(), form.description()));
        return "redirect:/claims/" + c.id();
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/claims/{id}")
    String detail(@PathVariable long id, Model model) {
        var c = claims.detail(id);
        model.addAttribute("c", c);
        model.addAttribute("next", next(c, users.require(), properties.limits()));
        model.addAttribute("methods", InspectionMethod.values());
        model.addAttribute("responsibilities", Responsibility.values());
        return "claim/detail";
    }

    /**
     * The next step and whose it is: the handler's steps by permission; the approval by the first position whose
     * limit covers the proposed amount (the general manager above the threshold).
     */
    static NextStep next(ClaimDetail c, CurrentUser me, ApprovalLimits limits) {
        String step = switch (c.status()) {
            case REGISTERED -> "evidence";
            case EVIDENCE -> "inspect";
            case INSPECTED -> "responsibility";
            case RESPONSIBILITY -> c.nextSteps().get(0);
            case PROPOSED -> "approve";
            case APPROVED -> "agree";
            case AGREED -> "settle";
            case SETTLED, CLOSED -> null;
        };
        if (step == null) {
            return null;
        }
        String label = "claim.step." + step;
        if (step.equals("approve")) {
            return me.can(ClaimPermissions.CLAIM_APPROVE) && limits.allows(me.position(), c.proposedAmount())
                    ? NextStep.act(step, label, "approve-form")
                    : NextStep.waiting(step, label, "nextstep.wait.approval",
                            NextStep.position(limits.approverFor(c.proposedAmount())), c.proposedAmount().toPlainString());
        }
        return me.can(ClaimPermissions.CLAIM_HANDLE) ? NextStep.act(step, label, step + "-form")
                : NextStep.waiting(step, label, "nextstep.wait.person", NextStep.position("COMPLAINT_SPECIALIST"));
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/claims/{id}/{step:evidence|inspect|responsibility|propose|agree|refused|settle|close}")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute StepForm f, BindingResult errors,
                RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            switch (step) {
                case "evidence" -> claims.addEvidenceNote(id, new AddEvidenceNote(f.note(), f.version()));
                case "inspect" -> claims.inspect(id, new Inspect(f.method(), f.findings(), f.inspector(), f.inspectedOn(),
                        f.version()));
                case "responsibility" -> claims.determineResponsibility(id, new DetermineResponsibility(f.responsibility(),
                        f.ourSharePercent(), f.note(), f.version()));
                case "propose" -> claims.propose(id, new Propose(f.amount(), f.version()));
                case "agree" -> claims.agree(id, new Agree(f.how(), f.agreedAtOffset(), f.agreedBy(), f.version()));
                case "refused" -> claims.rejectedByCustomer(id, new Comment(f.comment(), f.version()));
                case "settle" -> claims.settle(id, new Settle(f.amount(), f.settledOn(), f.reference(), f.version()));
                default -> claims.closeWithoutPayment(id, new Step(f.version()));
            }
        }
        return "redirect:/claims/" + id;
    }

    @RequiresPermission(ClaimPermissions.CLAIM_APPROVE)
    @PostMapping("/claims/{id}/{step:approve|reject}")
    String decide(@PathVariable long id, @PathVariable String step, @ModelAttribute StepForm f, BindingResult errors,
                  RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            if (step.equals("approve")) {
                claims.approve(id, new Step(f.version()));
            } else {
                claims.reject(id, new Comment(f.comment(), f.version()));
            }
        }
        return "redirect:/claims/" + id;
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/claims/{id}/photos")
    String photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) String note, @RequestParam(required = false) Long version) {
        ClaimApi.upload(claims, id, file, note, version);
        return "redirect:/claims/" + id;
    }

    /** A file over the multipart limit: back to the claim with the size rule's message. */
    @ExceptionHandler({MaxUploadSizeExceededException.class, InvalidParameterException.class})
    String unreadable(HttpServletRequest request, RedirectAttributes flash) {
        var path = (java.util.Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        flash.addFlashAttribute("error", UploadedFiles.tooLarge(properties.evidenceMaxSize()).getMessage());
        return "redirect:/claims/" + Long.parseLong(String.valueOf(path.get("id")));
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/claims/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return ClaimApi.download(claims.evidenceContent(id, evidenceId));
    }
}
