package com.careloop.customer.segment;

import java.util.ArrayList;
import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Segment;
import com.careloop.customer.segment.SegmentService.RuleInput;
import com.careloop.customer.segment.SegmentService.SaveRules;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The segment rules admin page: one row per segment, an empty priority removes that segment's rule. */
@Controller
class SegmentPages {

    /** The form: one row per segment, bound by index; a row without a priority is left out. */
    record RulesForm(List<Row> rows) {
        record Row(Segment segment, Integer priority, java.math.BigDecimal minRevenue, Integer minOrders,
                   Integer maxRecencyDays, Long version) {
        }
    }

    private final SegmentService segments;

    SegmentPages(SegmentService segments) {
        this.segments = segments;
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/customers/segments")
    String page(Model model) {
        var current = segments.rules();
        List<Object> rows = new ArrayList<>();
        for (Segment s : Segment.values()) {
            rows.add(current.stream().filter(r -> r.segment() == s).findFirst()
                    .map(r -> (Object) r).orElse(new SegmentService.RuleView(s, 0, null, 0, null, -1)));
        }
        model.addAttribute("rules", rows);
        return "customer/segments";
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/customers/segments")
    String save(@ModelAttribute RulesForm form, RedirectAttributes flash) {
        if (form.rows() == null || form.rows().isEmpty()) {
            // an empty post would otherwise remove every rule
            throw new com.careloop.platform.InvalidInputException("rows", "required", Text.of("error.customer.rules-are-missing"));
        }
        List<RuleInput> rules = new ArrayList<>();
        {
            for (RulesForm.Row r : form.rows()) {
                if (r != null && r.segment() != null && r.priority() != null) {
                    rules.add(new RuleInput(r.segment(), r.priority(),
                            r.minRevenue() == null ? java.math.BigDecimal.ZERO : r.minRevenue(),
                            r.minOrders() == null ? 0 : r.minOrders(), r.maxRecencyDays(),
                            r.version() == null || r.version() < 0 ? null : r.version()));
                }
            }
        }
        segments.replace(new SaveRules(rules));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/customers/segments";
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/customers/segments/recompute")
    String recompute(RedirectAttributes flash) {
        var result = segments.recompute();
        flash.addFlashAttribute("success", "saved");
        flash.addFlashAttribute("recompute", result);
        return "redirect:/customers/segments";
    }
}
