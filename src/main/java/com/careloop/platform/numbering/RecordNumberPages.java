package com.careloop.platform.numbering;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;
import com.careloop.platform.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The record-number rules page. */
@Controller
class RecordNumberPages {

    private final RecordNumbers numbers;

    RecordNumberPages(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @RequiresPermission(PlatformPermissions.NUMBERING_MANAGE)
    @GetMapping("/admin/record-numbers")
    String page(Model model) {
        model.addAttribute("rules", numbers.rules());
        return "platform/record-numbers";
    }

    @RequiresPermission(PlatformPermissions.NUMBERING_MANAGE)
    @PostMapping("/admin/record-numbers/{recordType}")
    String change(@PathVariable String recordType, @RequestParam String prefix, @RequestParam int width,
                  @RequestParam long version, RedirectAttributes flash) {
        if (!prefix.matches("[A-Za-z0-9-]{1,20}")) {
            throw new InvalidInputException("prefix", "pattern", Text.of("error.platform.prefix-letters-digits-up"));
        }
        if (width < 3 || width > 10) {
            throw new InvalidInputException("width", "range", Text.of("error.platform.width-3-10"));
        }
        numbers.changeRule(recordType, prefix, width, version);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/record-numbers";
    }
}
