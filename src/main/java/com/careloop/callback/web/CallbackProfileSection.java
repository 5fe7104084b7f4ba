package com.careloop.callback.web;

import java.util.Map;

import com.careloop.callback.CallbackPermissions;
import com.careloop.callback.CallbackViews.Filter;
import com.careloop.callback.CallbackViews.Tab;
import com.careloop.callback.task.CallbackService;
import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's latest ten callbacks, open and done. */
@Component
class CallbackProfileSection implements CustomerProfileSection {

    private final CallbackService callbacks;

    CallbackProfileSection(CallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "cb.section.title";
    }

    @Override
    public String fragment() {
        return "callback/fragments :: section";
    }

    @Override
    public String permission() {
        return CallbackPermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        var f = new Filter(Tab.ALL, null, null, null, null, customerId);
        return Map.of("callbacks", callbacks.search(f, null, 10).items(), "customerId", customerId);
    }
}
