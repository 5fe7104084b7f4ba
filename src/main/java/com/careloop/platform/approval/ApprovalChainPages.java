package com.careloop.platform.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.FormValues;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.PermissionCatalog;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval chains page ({@code approvals:configure}): the list of chains, and one chain's stages and steps edited
 * in a plain form — add or remove a stage or a step re-shows the form (nothing saved yet); saving goes through
 * {@link ApprovalChains#update} with the version the editor loaded. A chain changed meanwhile answers 409 with the
 * reason on the page and the editor's input kept; a chain that cannot run answers 422 naming the field, marked in the form.
 */
@Controller
@RequiresPermission(ApprovalPermissions.CONFIGURE)
class ApprovalChainPages {

    static final int MAX_STAGES = 20;
    static final int MAX_STEPS = 30;

    /** One step as the form shows it (the deadline as typed). */
    record StepRow(String kind, String ref, String deadlineDays, String aspect) {
    }

    record StageRow(String mode, List<StepRow> steps) {
    }

    /** A suggestion for the "who" field: the code to enter and what it is. */
    record RefOption(String value, String label) {
    }

    private final ApprovalChains chains;
    private final List<PermissionCatalog> catalogs;
    private final JdbcClient jdbc;
    private final Texts texts;

    ApprovalChainPages(ApprovalChains chains, List<PermissionCatalog> catalogs, JdbcClient jdbc, Texts texts) {
        this.chains = chains;
        this.catalogs = catalogs;
        this.jdbc = jdbc;
        this.texts = texts;
    }

    @GetMapping("/admin/approval-chains")
    String list(Model model) {
        List<ApprovalChains.Chain> all = chains.all();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new java.util.HashMap<>();
        all.forEach(c -> names.put(c.code(), name(c, locale)));
        model.addAttribute("chains", all);
        model.addAttribute("names", names);
        return "platform/approval-chains";
    }

    @GetMapping("/admin/approval-chains/{code}")
    String edit(@PathVariable String code, Model model) {
        ApprovalChains.Chain chain = chains.find(code).orElseThrow(() -> new NotFoundException(ApprovalChains.RECORD_TYPE, code));
        return form(model, chain, rows(chain.stages()), chain.version());
    }

    @PostMapping("/admin/approval-chains/{code}")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        ApprovalChains.Chain chain = chains.find(code).orElseThrow(() -> new NotFoundException(ApprovalChains.RECORD_TYPE, code));
        List<StageRow> rows = parse(form);
        Long version = FormValues.optionalLong(form.get("version"));
        String op = form.getOrDefault("op", "save");
        if (!op.equals("save")) {
            return form(model, chain, change(rows, op), version);
        }
        try {
            chains.update(code, version, stages(rows));
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            model.addAttribute("error", texts.render(Text.of("approvals.chains.changed-meanwhile"), LocaleContextHolder.getLocale()));
            model.addAttribute("conflict", true);
            return form(model, chain, rows, version);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(model, chain, rows, version);
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/approval-chains";
    }

    /** Back to the seeds' stages with the version the editor loaded: stale → 409 on the page like saving. */
    @PostMapping("/admin/approval-chains/{code}/reset")
    String reset(@PathVariable String code, @RequestParam(required = false) String version, Model model,
                 HttpServletResponse response, RedirectAttributes flash) {
        ApprovalChains.Chain chain = chains.find(code).orElseThrow(() -> new NotFoundException(ApprovalChains.RECORD_TYPE, code));
        try {
            chains.reset(code, FormValues.optionalLong(version));
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(409);
            model.addAttribute("error", texts.render(Text.of("approvals.chains.changed-meanwhile"), LocaleContextHolder.getLocale()));
            model.addAttribute("conflict", true);
            return form(model, chain, rows(chain.stages()), chain.version());
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/approval-chains/" + code;
    }

    private String form(Model model, ApprovalChains.Chain chain, List<StageRow> stages, Long version) {
        model.addAttribute("hasDefault", chains.defaultStages(chain.code()).isPresent());
        model.addAttribute("chain", chain);
        model.addAttribute("chainName", name(chain, LocaleContextHolder.getLocale()));
        model.addAttribute("stages", stages);
        model.addAttribute("version", version);
        model.addAttribute("modes", ChainStages.Mode.values());
        model.addAttribute("kinds", ChainStages.Kind.values());
        model.addAttribute("refs", refOptions(LocaleContextHolder.getLocale()));
        model.addAttribute("maxDays", ChainStages.MAX_DEADLINE_DAYS);
        return "platform/approval-chain";
    }

    /** The chain's name in the reader's language (its code when the name is no message). */
    private String name(ApprovalChains.Chain chain, Locale locale) {
        return texts.render(Text.of(chain.nameCode() == null ? chain.code() : chain.nameCode()), locale);
    }

    static List<StageRow> rows(List<ChainStages.Stage> stages) {
        return stages.stream().map(s -> new StageRow(s.mode() == null ? "" : s.mode().name(), s.steps().stream()
                .map(p -> new StepRow(p.kind() == null ? "" : p.kind().name(), p.ref(), String.valueOf(p.deadlineDays()),
                        p.aspect())).toList())).toList();
    }

    /** The form's fields {@code stages[i].mode}, {@code stages[i].steps[j].kind|ref|deadlineDays|aspect}, in order. */
    static List<StageRow> parse(Map<String, String> form) {
        List<StageRow> stages = new ArrayList<>();
        for (int i = 0; i < MAX_STAGES && form.containsKey("stages[" + i + "].mode"); i++) {
            List<StepRow> steps = new ArrayList<>();
            for (int j = 0; j < MAX_STEPS && form.containsKey("stages[" + i + "].steps[" + j + "].kind"); j++) {
                String at = "stages[" + i + "].steps[" + j + "].";
                steps.add(new StepRow(form.get(at + "kind"), form.get(at + "ref"), form.get(at + "deadlineDays"),
                        form.get(at + "aspect")));
            }
            stages.add(new StageRow(form.get("stages[" + i + "].mode"), steps));
        }
        return stages;
    }

    /** {@code add-stage}, {@code add-step:i}, {@code remove-stage:i}, {@code remove-step:i:j} on the rows as typed. */
    static List<StageRow> change(List<StageRow> rows, String op) {
        List<StageRow> stages = new ArrayList<>(rows);
        String[] p = op.split(":");
        int i = p.length > 1 ? parseIndex(p[1]) : -1;
        int j = p.length > 2 ? parseIndex(p[2]) : -1;
        StepRow blank = new StepRow(ChainStages.Kind.PERMISSION.name(), "", "1", "");
        switch (p[0]) {
            case "add-stage" -> {
                if (stages.size() < MAX_STAGES) {
                    stages.add(new StageRow(ChainStages.Mode.ANY_OF.name(), List.of(blank)));
                }
            }
            case "remove-stage" -> {
                if (i >= 0 && i < stages.size()) {
                    stages.remove(i);
                }
            }
            case "add-step" -> {
                if (i >= 0 && i < stages.size() && stages.get(i).steps().size() < MAX_STEPS) {
                    List<StepRow> steps = new ArrayList<>(stages.get(i).steps());
                    steps.add(blank);
                    stages.set(i, new StageRow(stages.get(i).mode(), steps));
                }
            }
            case "remove-step" -> {
                if (i >= 0 && i < stages.size() && j >= 0 && j < stages.get(i).steps().size()) {
                    List<StepRow> steps = new ArrayList<>(stages.get(i).steps());
                    steps.remove(j);
                    stages.set(i, new StageRow(stages.get(i).mode(), steps));
                }
            }
            default -> {
                // an unknown button changes nothing
            }
        }
        return stages;
    }

    /** The rows as stages for {@link ChainStages#validate}: unknown modes/kinds become missing, a non-number deadline 0. */
    static List<ChainStages.Stage> stages(List<StageRow> rows) {
        return rows.stream().map(r -> new ChainStages.Stage(parseEnum(ChainStages.Mode.class, r.mode()), r.steps().stream()
                .map(s -> new ChainStages.Step(parseEnum(ChainStages.Kind.class, s.kind()), blankToNull(s.ref()),
                        parseDays(s.deadlineDays()), blankToNull(s.aspect()))).toList())).toList();
    }

    private List<RefOption> refOptions(Locale locale) {
        List<RefOption> options = new ArrayList<>();
        String permission = texts.render(Text.label("approvals.kind", ChainStages.Kind.PERMISSION), locale);
        catalogs.stream().flatMap(c -> c.permissions().stream()).distinct().sorted().forEach(p -> options.add(
                new RefOption(p, permission + "：" + texts.render(Text.label("perm", p), locale))));
        String department = texts.render(Text.of("approvals.chains.department"), locale);
        jdbc.sql("select code, name from department order by code").query((rs, n) -> new RefOption(rs.getString(1),
                department + "：" + rs.getString(2))).list().forEach(options::add);
        String position = texts.render(Text.label("approvals.kind", ChainStages.Kind.POSITION), locale);
        jdbc.sql("select code from job_position where active = true order by sort_order, id").query(String.class).list()
                .forEach(p -> options.add(new RefOption(p, position + "：" + texts.render(Text.label("position", p), locale))));
        String user = texts.render(Text.label("approvals.kind", ChainStages.Kind.USER), locale);
        jdbc.sql("select username, display_name from app_user where active = true order by username limit 500")
                .query((rs, n) -> new RefOption(rs.getString(1), user + "：" + rs.getString(2))).list().forEach(options::add);
        return options;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parseDays(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int parseIndex(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
