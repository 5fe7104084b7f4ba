package com.careloop.contract.stats;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The contract review statistics in the sidebar, below the register. */
@Component
class StatisticsNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.contract", "nav.tenders", "/tenders", ContractPermissions.VIEW, 351),
                new NavItem("nav.group.contract", "nav.contractStatistics", "/contracts/statistics",
                        ContractPermissions.VIEW, 352));
    }
}
