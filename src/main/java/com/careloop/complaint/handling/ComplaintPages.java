package com.careloop.complaint.handling;

import java.util.List;

import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.Complaints;
import com.careloop.complaint.Severity;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The complaint pages: the list, the complaint with its timeline, and the printable 顾客投诉处理单. */
@Controller
class ComplaintPages {

    private final Complaints complaints;
    private final ComplaintListExport export;
    private final JdbcClient jdbc;
    private final ComplaintForm form;

    ComplaintPages(Complaints complaints, ComplaintListExport export, JdbcClient jdbc, ComplaintForm form) {
        this.complaints = complaints;
        this.export = export;
        this.jdbc = jdbc;
        this.form = form;
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints")
    String list(@ModelAttribute("query") ComplaintListQuery query, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("page", complaints.search(query.filter(), query.sort(), cursor, 50));
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("departments", options("select id, name from org_department where active = true order by sort_order, id"));
        model.addAttribute("handlers", options("""
                select u.id, u.display_name from org_user u where u.active = true
                  and exists (select 1 from complaint c where c.handler_id = u.id) order by u.id"""));
        return "complaint/list";
    }

    /** The list as .xlsx: what the page shows, all pages of it. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/export")
    void export(@ModelAttribute ComplaintListQuery query, HttpServletRequest request, HttpServletResponse response) {
        export.write(query, request.getQueryString(), response);
    }

    private List<Option> options(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    record Option(long id, String name) {
    }

    /** The browser's print view of the 顾客投诉处理单: the same document as the PDF, as A4 HTML. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping(value = "/complaints/{id}/form", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(@PathVariable long id) {
        return form.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/{id}/form.pdf")
    ResponseEntity<byte[]> formPdf(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    /** The same complaint as 质量信息反馈表 Q/JL090201-C (IATF 16949 procedure), print view and PDF. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping(value = "/complaints/{id}/quality-feedback", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String qualityFeedback(@PathVariable long id) {
        return form.html(ComplaintForm.QUALITY_FEEDBACK, id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/{id}/quality-feedback.pdf")
    ResponseEntity<byte[]> qualityFeedbackPdf(@PathVariable long id) {
        return form.pdf(ComplaintForm.QUALITY_FEEDBACK, id, LocaleContextHolder.getLocale());
    }
}
