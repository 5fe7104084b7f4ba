package com.careloop.platform.approval;

import com.careloop.platform.AnyUser;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.Approvals;
import com.careloop.platform.CurrentUsers;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page "待我审批": my open approval tasks across all modules, each decided in place or on its subject's page. */
@Controller
@AnyUser
class ApprovalPages {

    private final ApprovalInbox inbox;
    private final Approvals approvals;
    private final CurrentUsers users;

    ApprovalPages(ApprovalInbox inbox, Approvals approvals, CurrentUsers users) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.users = users;
    }

    @GetMapping("/approvals")
    String inbox(Model model) {
        model.addAttribute("tasks", inbox.mine(users.require().id(), LocaleContextHolder.getLocale(), 500));
        model.addAttribute("decisions", ApprovalDecision.values());
        return "platform/approvals";
    }

    @PostMapping("/approvals/tasks/{id}/decision")
    String decide(@PathVariable long id, @RequestParam ApprovalDecision decision,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
                  RedirectAttributes flash) {
        approvals.decide(id, version, decision, comment);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/approvals";
    }
}
