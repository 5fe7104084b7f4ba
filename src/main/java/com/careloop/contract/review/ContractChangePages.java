package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractViews;
import com.careloop.platform.DomainException;
import com.careloop.platform.RequiresPermission;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes on the contract page (fragment {@code contract/changes}, read through the bean {@code contractChangePages}):
 * the revisions v1, v2 … with the difference between any two ({@code ?from=&to=}), each change with its re-review,
 * difference and outcome, the change notice (合同变更通知单) to print and to acknowledge.
 */
@Controller("contractChangePages")
class ContractChangePages {

    private final ContractChanges changes;
    private final ContractChangeForms forms;

    ContractChangePages(ContractChanges changes, ContractChangeForms forms) {
        this.changes = changes;
        this.forms = forms;
    }

    public List<ContractViews.Change> changes(long contractId) {
        return changes.of(contractId);
    }

    public List<ContractViews.Revision> revisions(long contractId) {
        return changes.revisions(contractId);
    }

    /** The difference between two revisions named on the page (none when a revision is missing or not a number). */
    public List<ContractViews.DiffEntry> diff(long contractId, String from, String to) {
        try {
            return from == null || to == null ? List.of()
                    : changes.diff(contractId, Integer.parseInt(from), Integer.parseInt(to));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/changes/{changeId}/notice", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String notice(@PathVariable long id, @PathVariable long changeId) {
        return forms.noticeHtml(id, changeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/changes/{changeId}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable long changeId) {
        return forms.noticePdf(id, changeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/contracts/{id}/changes/{changeId}/acknowledge")
    String acknowledge(@PathVariable long id, @PathVariable long changeId, RedirectAttributes flash) {
        changes.acknowledge(id, changeId);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/contracts/" + id;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException ex, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        flash.addFlashAttribute("error", ex.getMessage());
        var m = java.util.regex.Pattern.compile("^/contracts/(\\d+)/").matcher(request.getRequestURI());
        return m.find() ? "redirect:/contracts/" + m.group(1) : "redirect:/contracts";
    }
}
