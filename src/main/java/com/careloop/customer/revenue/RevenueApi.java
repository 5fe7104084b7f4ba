package com.careloop.customer.revenue;

import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.excel.ImportFiles;
import com.careloop.customer.excel.ImportReport;
import com.careloop.customer.revenue.RevenueViews.Ranking;
import com.careloop.customer.revenue.RevenueViews.RevenueInput;
import com.careloop.customer.revenue.RevenueViews.YearRevenue;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Yearly revenue and the 70% ranking over JSON. */
@RestController
@RequestMapping("/api/v1/customers")
class RevenueApi {

    private final RevenueService revenue;

    RevenueApi(RevenueService revenue) {
        this.revenue = revenue;
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/{id}/revenue")
    List<YearRevenue> history(@PathVariable long id) {
        return revenue.history(id);
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PutMapping("/{id}/revenue/{year}")
    // the year is checked by the service (not @Min/@Max here), so body errors keep their field names
    YearRevenue save(@PathVariable long id, @PathVariable int year,
                     @Valid @RequestBody RevenueInput request) {
        return revenue.save(id, year, request);
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/revenue-ranking")
    Ranking ranking(@RequestParam @Min(RevenueService.MIN_YEAR) @Max(RevenueService.MAX_YEAR) int year) {
        return revenue.ranking(year);
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/revenue-import-template")
    void template(HttpServletResponse response) {
        ImportFiles.write(response, "revenue-import-template.xlsx", revenue.template());
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/revenue-imports")
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport importFile(@RequestParam(required = false) MultipartFile file) {
        return revenue.importFile(ImportFiles.open(file));
    }
}
