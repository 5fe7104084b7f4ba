package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The contract module's sidebar entries: the register the month-end distributions (002-A12) and
 * the shipping plan (002-A17). */
@Component
class ContractNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.contract", "nav.contracts", "/contracts", ContractPermissions.VIEW, 350),
                new NavItem("nav.group.contract", "nav.contractDistributions", ContractDistributions.PAGE,
                        ContractPermissions.VIEW, 353),
                new NavItem("nav.group.contract", "nav.contractShipments", ContractShipments.PAGE,
                        ContractPermissions.VIEW, 354));
    }
}
