package com.careloop.contract.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ReviewAspect;
import com.careloop.platform.FormValues;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review matrix page for administrators ({@code approvals:configure}, {@code /admin/contract-review-matrix}): the
 * change kind → aspect table as a grid of check boxes saved with its version (stale → 409 with the editor's ticks
 * kept; a kind without any aspect → 422 naming it), a reset to the seeds' default, and the review chains (class ×
 * department × aspect) with their links to the chain editor, where each can also be reset to the seeds.
 */
@Controller
@RequiresPermission(ContractPermissions.CONFIGURE_MATRIX)
class ChangeAspectPages {

    static final String PATH = "/admin/contract-review-matrix";
    /** The chains of the review matrix, in the order of the procedure. */
    static final List<String> CHAINS = List.of("contract.REGULAR", "contract.SPECIAL", "contract.major", "contract.CHANGE",
            "tender.review");

    private final ChangeAspectSettings settings;
    private final Texts texts;

    ChangeAspectPages(ChangeAspectSettings settings, Texts texts) {
        this.settings = settings;
        this.texts = texts;
    }

    @GetMapping(PATH)
    String show(Model model) {
        ChangeAspectSettings.Settings current = settings.current();
        return page(model, current, ticks(current.aspects()), current.version());
    }

    @PostMapping(PATH)
    String save(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        Map<String, List<String>> ticked = new HashMap<>();
        for (ChangeKind kind : ChangeKind.values()) {
            ticked.put(kind.name(), form.getOrDefault("aspects." + kind, List.of()));
        }
        Long version = FormValues.optionalLong(form.getFirst("version"));
        try {
            if ("reset".equals(form.getFirst("op"))) {
                settings.reset(version);
            } else {
                settings.replace(new ChangeAspectSettings.Edit(version, ticked));
            }
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            model.addAttribute("error", texts.render(Text.of("contract.matrix.changed-meanwhile"),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("conflict", true);
            return page(model, settings.current(), ticked, version);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return page(model, settings.current(), ticked, version);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + PATH;
    }

    private String page(Model model, ChangeAspectSettings.Settings current, Map<String, List<String>> ticked, Long version) {
        model.addAttribute("settings", current);
        model.addAttribute("ticked", ticked);
        model.addAttribute("version", version);
        model.addAttribute("kinds", ChangeKind.values());
        model.addAttribute("aspects", ChangeAspectSettings.ASSIGNABLE.stream().toList());
        model.addAttribute("chains", CHAINS);
        return "contract/review-matrix";
    }

    private static Map<String, List<String>> ticks(Map<ChangeKind, List<ReviewAspect>> aspects) {
        Map<String, List<String>> out = new HashMap<>();
        aspects.forEach((k, v) -> out.put(k.name(), new ArrayList<>(v.stream().map(Enum::name).toList())));
        return out;
    }

    /** The change kind → aspect table over JSON. */
    @Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
    @RestController
    @RequiresPermission(ContractPermissions.CONFIGURE_MATRIX)
    static class Api {

        private final ChangeAspectSettings settings;

        Api(ChangeAspectSettings settings) {
            this.settings = settings;
        }

        @Operation(summary = "Which review aspects each change kind touches (configuration data, with its version)")
        @GetMapping("/api/v1/contracts/change-aspects")
        ChangeAspectSettings.Settings get() {
            return settings.current();
        }

        @Operation(summary = "Replace the change kind → aspect table", description = "{version, aspects: {KIND: [ASPECT …]}}"
                + " — every kind needs at least one aspect (422 on aspects.<KIND>); stale version → 409. Audited.")
        @PutMapping("/api/v1/contracts/change-aspects")
        ChangeAspectSettings.Settings put(@RequestBody ChangeAspectSettings.Edit body) {
            return settings.replace(body);
        }

        @Operation(summary = "Reset the change kind → aspect table to the seeds' default", description = "{version}")
        @PostMapping("/api/v1/contracts/change-aspects/reset")
        ChangeAspectSettings.Settings reset(@RequestBody ChangeAspectSettings.Edit body) {
            return settings.reset(body == null ? null : body.version());
        }
    }

    /** The admin sidebar entry. */
    @Component
    static class Nav implements Navigation {
        @Override
        public List<NavItem> items() {
            return List.of(new NavItem("nav.group.admin", "nav.contractReviewMatrix", PATH,
                    ContractPermissions.CONFIGURE_MATRIX, 904));
        }
    }
}
