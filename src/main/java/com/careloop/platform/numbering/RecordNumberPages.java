package com.careloop.platform.numbering;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

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
            throw new InvalidInputException("prefix", "pattern", "前缀只能包含字母、数字和连字符，最多 20 个 / prefix: letters, digits, '-', up to 20");
        }
        if (width < 3 || width > 10) {
            throw new InvalidInputException("width", "range", "位数须在 3 至 10 之间 / width must be 3 to 10");
        }
        numbers.changeRule(recordType, prefix, width, version);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/record-numbers";
    }
}
