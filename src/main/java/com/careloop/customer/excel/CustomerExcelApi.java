package com.careloop.customer.excel;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Customer import and export over the API. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerExcelApi {

    private final CustomerImport imports;
    private final CustomerExport export;

    CustomerExcelApi(CustomerImport imports, CustomerExport export) {
        this.imports = imports;
        this.export = export;
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/import-template")
    void template(HttpServletResponse response) {
        ImportFiles.write(response, "customer-import-template.xlsx", imports.template());
    }

    /** Good rows are registered, bad rows reported (row, column, reason) and not imported. */
    @RequiresPermission(CustomerPermissions.IMPORT)
    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport importFile(@RequestParam(required = false) MultipartFile file) {
        return imports.importFile(ImportFiles.open(file));
    }

    @RequiresPermission(CustomerPermissions.EXPORT)
    @GetMapping("/export")
    void export(@ModelAttribute Filter filter, HttpServletResponse response) {
        export.export(filter, ImportFiles.download(response, export.filename()));
    }
}
