package com.careloop.property.sample;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;
import com.careloop.property.SamplePermissions;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.Samples;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's sealed master samples (封样) and the latest sample rounds. */
@Component
class SampleProfileSection implements CustomerProfileSection {

    private final Samples samples;

    SampleProfileSection(Samples samples) {
        this.samples = samples;
    }

    @Override
    public int order() {
        return 66;
    }

    @Override
    public String titleKey() {
        return "sample.section.title";
    }

    @Override
    public String fragment() {
        return "samples/sections :: samples";
    }

    @Override
    public String permission() {
        return SamplePermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("sealed", samples.sealedOf(customerId), "rows", samples.search(new Filter(customerId, null, null,
                null, null, null), null, null, 10).items(), "customerId", customerId);
    }
}
