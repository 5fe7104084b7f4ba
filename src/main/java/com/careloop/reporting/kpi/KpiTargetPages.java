package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.util.List;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Figure;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.reporting.ReportingPermissions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The KPI targets page: everyone with the dashboard sees the targets; {@code reporting:targets} changes them. */
@Controller
class KpiTargetPages {

    /** A target and its value as entered on the page. */
    record Row(KpiTarget target, String entered) {
    }

    private final KpiTargets targets;
    private final CurrentUsers users;

    KpiTargetPages(KpiTargets targets, CurrentUsers users) {
        this.targets = targets;
        this.users = users;
    }

    @RequiresPermission(ReportingPermissions.DASHBOARD)
    @GetMapping("/reporting/targets")
    String page(Model model) {
        List<KpiTarget> all = targets.all();
        model.addAttribute("rows", all.stream().map(t -> new Row(t, entered(t))).toList());
        model.addAttribute("defaults", all.stream().filter(t -> t.validFrom() == null).toList());
        model.addAttribute("totalPoints", AssessmentScoring.total(all.stream().filter(t -> t.validFrom() == null)
                .map(KpiTarget::points).toList()).stripTrailingZeros().toPlainString());
        model.addAttribute("canEdit", users.require().can(ReportingPermissions.TARGETS));
        model.addAttribute("rules", ScoringRule.values());
        return "reporting/targets";
    }

    /** One row's change; a PERCENT target is entered in % on the page (the API takes the share). */
    @RequiresPermission(ReportingPermissions.TARGETS)
    @PostMapping("/reporting/targets")
    String change(@RequestParam(required = false) String figureCode, @RequestParam(required = false) String month,
                  @RequestParam(required = false) BigDecimal targetValue,
                  @RequestParam(required = false) String scoringRule, @RequestParam(required = false) BigDecimal points,
                  @RequestParam(required = false) Long version, RedirectAttributes flash) {
        Figure.Unit unit = targets.all().stream().filter(t -> t.figureCode().equals(figureCode)).map(KpiTarget::unit)
                .findFirst().orElseThrow(() -> new InvalidInputException("figureCode", "unknown",
                        Text.of("kpi.error.unknownFigure", String.valueOf(figureCode))));
        BigDecimal value = targetValue != null && unit == Figure.Unit.PERCENT ? targetValue.movePointLeft(2) : targetValue;
        targets.save(new KpiTargets.SaveTarget(figureCode,
                month == null || month.isBlank() ? null : KpiTargetApi.month(month), value,
                KpiTargetApi.rule(scoringRule), points, version));
        flash.addFlashAttribute("success", "kpi.saved");
        return "redirect:/reporting/targets";
    }

    /** For the page: a target as entered ({@code 95} for 95 %). */
    static String entered(KpiTarget t) {
        BigDecimal v = t.unit() == Figure.Unit.PERCENT ? t.targetValue().movePointRight(2) : t.targetValue();
        return v.stripTrailingZeros().toPlainString();
    }
}
