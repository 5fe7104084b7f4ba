package com.careloop.customer.keys;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.keys.KeyCustomerProposal.Status;
import com.careloop.customer.keys.KeyCustomerViews.Decide;
import com.careloop.customer.keys.KeyCustomerViews.ProposalPage;
import com.careloop.customer.keys.KeyCustomerViews.ProposalView;
import com.careloop.customer.keys.KeyCustomerViews.Propose;
import com.careloop.customer.keys.KeyCustomerViews.Review;
import com.careloop.customer.keys.KeyCustomerViews.ReviewItem;
import com.careloop.customer.keys.KeyCustomerViews.ReviewList;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Key-customer proposals and the quarterly review over JSON. */
@RestController
class KeyCustomerApi {

    private final KeyCustomerService keys;
    private final KeyCustomerReviews reviews;

    KeyCustomerApi(KeyCustomerService keys, KeyCustomerReviews reviews) {
        this.keys = keys;
        this.reviews = reviews;
    }

    @RequiresPermission(CustomerPermissions.PROPOSE_KEY)
    @PostMapping("/api/v1/key-customer-proposals")
    @ResponseStatus(HttpStatus.CREATED)
    ProposalView propose(@Valid @RequestBody Propose request) {
        return keys.propose(request);
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/api/v1/key-customer-proposals")
    ProposalPage search(@RequestParam(required = false) Status status, @RequestParam(required = false) Long customerId,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return keys.search(status, customerId, cursor, limit);
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/api/v1/key-customer-proposals/{id}")
    ProposalView get(@PathVariable long id) {
        return keys.detail(id);
    }

    @RequiresPermission(CustomerPermissions.APPROVE_KEY)
    @PostMapping("/api/v1/key-customer-proposals/{id}/approve")
    ProposalView approve(@PathVariable long id, @Valid @RequestBody(required = false) Decide request) {
        return keys.approve(id, request == null ? null : request.comment());
    }

    @RequiresPermission(CustomerPermissions.APPROVE_KEY)
    @PostMapping("/api/v1/key-customer-proposals/{id}/reject")
    ProposalView reject(@PathVariable long id, @Valid @RequestBody(required = false) Decide request) {
        return keys.reject(id, request == null ? null : request.comment());
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/api/v1/key-customer-reviews")
    ReviewList reviews(@RequestParam(required = false) String quarter) {
        return reviews.list(reviews.quarter(quarter));
    }

    @RequiresPermission(CustomerPermissions.APPROVE_KEY)
    @PostMapping("/api/v1/key-customer-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    ReviewItem review(@Valid @RequestBody Review request) {
        return reviews.record(request);
    }
}
