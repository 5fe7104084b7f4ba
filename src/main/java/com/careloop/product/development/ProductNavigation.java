package com.careloop.product.development;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.product.ProductPermissions;

import org.springframework.stereotype.Component;

/** The sidebar entries: the board and the key-node statistics. */
@Component
class ProductNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.product", "nav.product", "/product-developments",
                        ProductPermissions.VIEW, 460),
                new NavItem("nav.group.product", "nav.productStatistics", "/product-developments/statistics",
                        ProductPermissions.VIEW, 461));
    }
}
