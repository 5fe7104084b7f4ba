package com.careloop.customer.excel;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (upload, result, error report) and the export of the filtered list. The last
 * import's report stays in the session (see ImportFiles), so the page can show it and offer it as .xlsx.
 */
@Controller
class CustomerExcelPages {

    private final CustomerImport imports;
    private final CustomerExport export;
    private final MessageSource messages;

    CustomerExcelPages(CustomerImport imports, CustomerExport export, MessageSource messages) {
        this.imports = imports;
        this.export = export;
        this.messages = messages;
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/customers/import")
    String page(HttpSession session, Model model) {
        model.addAttribute("report", ImportFiles.lastReport(session, "customers"));
        model.addAttribute("maxRows", CustomerImport.MAX_ROWS);
        return "customer/import";
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/customers/import/template")
    void template(HttpServletResponse response) {
        ImportFiles.write(response, "客户导入模板.xlsx", imports.template());
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @PostMapping("/customers/import")
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, RedirectAttributes flash) {
        return ImportFiles.keep(session, flash, () -> imports.importFile(ImportFiles.open(file)), "/customers/import");
    }

    /** The last import's refused rows as .xlsx (row, column, reason). */
    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/customers/import/errors")
    void errors(HttpSession session, HttpServletResponse response) {
        ImportFiles.errorReport(session, "customers", messages, response);
    }

    @RequiresPermission(CustomerPermissions.EXPORT)
    @GetMapping("/customers/export")
    void export(@ModelAttribute("filter") Filter filter, HttpServletResponse response) {
        export.export(filter, ImportFiles.download(response, export.filename()));
    }
}
