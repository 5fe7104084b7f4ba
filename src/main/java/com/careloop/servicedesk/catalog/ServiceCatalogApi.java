package com.careloop.servicedesk.catalog;

import java.util.List;

import com.careloop.platform.NotFoundException;
import com.careloop.platform.RequiresPermission;
import com.careloop.servicedesk.ServiceDeskCatalogViews.Category;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveCategory;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveSlaPolicy;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SlaPolicy;
import com.careloop.servicedesk.ServiceDeskPermissions;

import jakarta.validation.Valid;

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

/** Categories and SLA policies over JSON. Never deleted (ISO record control): deactivated instead. */
@RestController
@RequestMapping("/api/v1")
class ServiceCatalogApi {

    private final ServiceCatalog catalog;

    ServiceCatalogApi(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-categories")
    List<Category> categories(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return catalog.categories(includeInactive);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-categories/{id}")
    Category category(@PathVariable long id) {
        return catalog.category(id).orElseThrow(() -> new NotFoundException("service category", id));
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/service-categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category createCategory(@Valid @RequestBody SaveCategory request) {
        return catalog.createCategory(request);
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PutMapping("/service-categories/{id}")
    Category updateCategory(@PathVariable long id, @Valid @RequestBody SaveCategory request) {
        return catalog.updateCategory(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/sla-policies")
    List<SlaPolicy> policies() {
        return catalog.policies();
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/sla-policies/{id}")
    SlaPolicy policy(@PathVariable long id) {
        return catalog.policy(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PostMapping("/sla-policies")
    @ResponseStatus(HttpStatus.CREATED)
    SlaPolicy createPolicy(@Valid @RequestBody SaveSlaPolicy request) {
        return catalog.createPolicy(request);
    }

    @RequiresPermission(ServiceDeskPermissions.CONFIGURE)
    @PutMapping("/sla-policies/{id}")
    SlaPolicy updatePolicy(@PathVariable long id, @Valid @RequestBody SaveSlaPolicy request) {
        return catalog.updatePolicy(id, request);
    }
}
