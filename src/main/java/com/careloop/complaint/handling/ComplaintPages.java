package com.careloop.complaint.handling;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.ComplaintViews.Filter;
import com.careloop.complaint.Complaints;
import com.careloop.platform.RequiresPermission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The complaint pages: the list, the complaint with its timeline, and the printable 顾客投诉处理单. */
@Controller
class ComplaintPages {

    private final Complaints complaints;

    ComplaintPages(Complaints complaints) {
        this.complaints = complaints;
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints")
    String list(@RequestParam(required = false) ComplaintStatus status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", complaints.search(new Filter(status, null, null, null, null, null, q), cursor, 50));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ComplaintStatus.values());
        return "complaint/list";
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/{id}/form")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("c", complaints.detail(id));
        return "complaint/form";
    }
}
