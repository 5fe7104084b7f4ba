package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.FormValues;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The month-end distribution's recipients for administrators ({@code approvals:configure}, like the review matrix;
 * {@code /admin/contract-month-end}): the sales manager's and finance's holder lists, one {@code KIND:REF} a line, with
 * what each entry names and who receives the next distribution, the departments, positions and kinds to choose from,
 * saved with its version (stale → 409 with the editor's text kept; a bad entry → 422 naming it) or reset to the
 * configuration.
 */
@Controller
@RequiresPermission(ContractPermissions.CONFIGURE_MATRIX)
class MonthEndRecipientPages {

    static final String PATH = "/admin/contract-month-end";

    private final MonthEndRecipients recipients;
    private final OrgDirectory org;
    private final Texts texts;

    MonthEndRecipientPages(MonthEndRecipients recipients, OrgDirectory org, Texts texts) {
        this.recipients = recipients;
        this.org = org;
        this.texts = texts;
    }

    @GetMapping(PATH)
    String show(Model model) {
        MonthEndRecipients.Settings current = recipients.current(LocaleContextHolder.getLocale());
        return page(model, current, String.join("\n", current.salesManager()), String.join("\n", current.finance()),
                current.version());
    }

    @PostMapping(PATH)
    String save(@RequestParam(required = false) String salesManager, @RequestParam(required = false) String finance,
                @RequestParam(required = false) String version, @RequestParam(required = false) String op,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        Long v = FormValues.optionalLong(version);
        try {
            if ("reset".equals(op)) {
                recipients.reset(v);
            } else {
                recipients.replace(new MonthEndRecipients.Edit(v, lines(salesManager), lines(finance)));
            }
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            model.addAttribute("error", texts.render(Text.of("contract.month-end.changed-meanwhile"),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("conflict", true);
            return page(model, recipients.current(LocaleContextHolder.getLocale()), salesManager, finance, v);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return page(model, recipients.current(LocaleContextHolder.getLocale()), salesManager, finance, v);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + PATH;
    }

    private String page(Model model, MonthEndRecipients.Settings current, String salesManager, String finance,
                        Long version) {
        model.addAttribute("settings", current);
        model.addAttribute("salesManager", salesManager);
        model.addAttribute("finance", finance);
        model.addAttribute("version", version);
        model.addAttribute("kinds", MonthEndRecipients.Kind.values());
        model.addAttribute("departments", org.activeDepartments());
        model.addAttribute("positions", org.positions(LocaleContextHolder.getLocale()).stream()
                .filter(OrgDirectory.Position::active).toList());
        return "contract/month-end-recipients";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The recipients' setting over JSON. */
    @Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
    @RestController
    @RequiresPermission(ContractPermissions.CONFIGURE_MATRIX)
    static class Api {

        private final MonthEndRecipients recipients;

        Api(MonthEndRecipients recipients) {
            this.recipients = recipients;
        }

        @Operation(summary = "Who receives the month-end distribution (002-A12): the sales manager's and finance's "
                + "holders with the version, what each names and who receives the next one")
        @GetMapping("/api/v1/contracts/month-end-recipients")
        MonthEndRecipients.Settings get() {
            return recipients.current(LocaleContextHolder.getLocale());
        }

        @Operation(summary = "Set who receives the month-end distribution", description = "{version, salesManager: "
                + "[\"KIND:REF\" …], finance: [\"KIND:REF\" …]} — KIND DEPARTMENT, DEPARTMENT_HEAD (department code), "
                + "POSITION (position code), USER (user name); the first entry naming an active person is used. Each "
                + "list 1–10 entries (422 on salesManager / finance), each naming an existing active department, "
                + "position or user, once (422 on salesManager[i] / finance[i]); version required, stale → 409. "
                + "Audited.")
        @PutMapping("/api/v1/contracts/month-end-recipients")
        MonthEndRecipients.Settings put(@RequestBody(required = false) MonthEndRecipients.Edit body) {
            return recipients.replace(body);
        }

        @Operation(summary = "Reset who receives the month-end distribution to the configuration "
                + "(careloop.contract.month-end.*)", description = "{version}")
        @PostMapping("/api/v1/contracts/month-end-recipients/reset")
        MonthEndRecipients.Settings reset(@RequestBody(required = false) MonthEndRecipients.Edit body) {
            return recipients.reset(body == null ? null : body.version());
        }
    }

    /** The admin sidebar entry. */
    @Component
    static class Nav implements Navigation {
        @Override
        public List<NavItem> items() {
            return List.of(new NavItem("nav.group.admin", "nav.contractMonthEnd", PATH,
                    ContractPermissions.CONFIGURE_MATRIX, 904));
        }
    }
}
