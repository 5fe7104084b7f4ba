package com.careloop.customer.archive;

import java.util.List;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Segment;
import com.careloop.customer.archive.CustomerCommands.SaveCustomer;
import com.careloop.customer.archive.CustomerViews.Detail;
import com.careloop.customer.archive.CustomerViews.Duplicate;
import com.careloop.customer.archive.CustomerViews.Filter;
import com.careloop.customer.archive.CustomerViews.Page;
import com.careloop.platform.RequiresPermission;

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

/** The customer archive over JSON. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApi {

    private final CustomerService customers;

    CustomerApi(CustomerService customers) {
        this.customers = customers;
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) String q, @RequestParam(required = false) CustomerKind kind,
                @RequestParam(required = false) Boolean keyOnly, @RequestParam(required = false) Segment segment,
                @RequestParam(required = false) Long representativeId, @RequestParam(required = false) String region,
                @RequestParam(required = false) Boolean includeInactive, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return customers.search(new Filter(q, kind, keyOnly, segment, representativeId, region, includeInactive),
                cursor, limit);
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return customers.detail(id);
    }

    /** Possible duplicates of a customer about to be registered (same name or phone). */
    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/duplicates")
    List<Duplicate> duplicates(@RequestParam(required = false) String name, @RequestParam(required = false) String phone) {
        return customers.duplicates(name, phone, null);
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail register(@Valid @RequestBody SaveCustomer request) {
        return customers.register(request);
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PutMapping("/{id}")
    Detail update(@PathVariable long id, @Valid @RequestBody SaveCustomer request) {
        return customers.update(id, request);
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/{id}/deactivate")
    Detail deactivate(@PathVariable long id) {
        return customers.deactivate(id);
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/{id}/activate")
    Detail activate(@PathVariable long id) {
        return customers.activate(id);
    }
}
