package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The contract module's sidebar entry: the register. */
@Component
class ContractNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.contract", "nav.contracts", "/contracts", ContractPermissions.VIEW, 350));
    }
}
