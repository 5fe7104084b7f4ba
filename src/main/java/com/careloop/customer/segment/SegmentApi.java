package com.careloop.customer.segment;

import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.segment.SegmentService.RecomputeResult;
import com.careloop.customer.segment.SegmentService.RuleView;
import com.careloop.customer.segment.SegmentService.SaveRules;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Segment rules and the recompute over JSON; editing and recomputing need customer:revenue. */
@RestController
@RequestMapping("/api/v1/customer-segment-rules")
class SegmentApi {

    private final SegmentService segments;

    SegmentApi(SegmentService segments) {
        this.segments = segments;
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping
    List<RuleView> rules() {
        return segments.rules();
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PutMapping
    List<RuleView> replace(@Valid @RequestBody SaveRules request) {
        return segments.replace(request);
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/recompute")
    RecomputeResult recompute() {
        return segments.recompute();
    }
}
