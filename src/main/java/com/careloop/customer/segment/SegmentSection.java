package com.careloop.customer.segment;

import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** The RFM figures behind the customer's segment on the 360 page; revenue is for customer:revenue only. */
@Component
class SegmentSection implements CustomerProfileSection {

    private final SegmentService segments;

    SegmentSection(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String titleKey() {
        return "segment.section";
    }

    @Override
    public String fragment() {
        return "customer/segment :: section";
    }

    @Override
    public String permission() {
        return CustomerPermissions.REVENUE;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rfm", segments.rfm(customerId));
        return m;
    }
}
