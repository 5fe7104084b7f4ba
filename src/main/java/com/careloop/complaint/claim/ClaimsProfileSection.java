package com.careloop.complaint.claim;

import java.util.Map;

import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.ClaimViews.Filter;
import com.careloop.complaint.Claims;
import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** The customer 360 page's "claims" section: the customer's latest ten claims. */
@Component
class ClaimsProfileSection implements CustomerProfileSection {

    private final Claims claims;

    ClaimsProfileSection(Claims claims) {
        this.claims = claims;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public String titleKey() {
        return "claim.section.title";
    }

    @Override
    public String fragment() {
        return "claim/sections :: claims";
    }

    @Override
    public String permission() {
        return ClaimPermissions.CLAIM_VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("claims", claims.search(new Filter(null, customerId, null), null, 10).items(),
                "customerId", customerId);
    }
}
