package com.careloop.capa.handling;

import java.util.Map;

import com.careloop.capa.CapaPermissions;
import com.careloop.capa.CapaViews.Filter;
import com.careloop.capa.CorrectiveActions;
import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's latest ten CAPAs, within the reader's scope. */
@Component
class CapaProfileSection implements CustomerProfileSection {

    private final CorrectiveActions capas;

    CapaProfileSection(CorrectiveActions capas) {
        this.capas = capas;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleKey() {
        return "capa.section.title";
    }

    @Override
    public String fragment() {
        return "capa/sections :: capas";
    }

    @Override
    public String permission() {
        return CapaPermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("capas", capas.search(new Filter(null, null, null, null, customerId), null, 10).items());
    }
}
