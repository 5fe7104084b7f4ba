package com.careloop.product.development;

import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductPermissions;

import org.springframework.stereotype.Component;

/**
 * "My work": the development nodes open at my department, those due soon (80 % of their lead time passed: the
 * reminder) and those past their due day (urgent).
 */
@Component
class ProductWork implements WorkSource {

    private final ProductDevelopments developments;

    ProductWork(ProductDevelopments developments) {
        this.developments = developments;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(ProductPermissions.VIEW) || me.departmentId() == null) {
            return List.of();
        }
        long[] c = developments.openNodes(me.departmentId());
        String board = "/product-developments?departmentId=" + me.departmentId();
        return List.of(new WorkCount("product.nodesOpen", c[0], false, board),
                new WorkCount("product.nodesDueSoon", c[2], false, board),
                new WorkCount("product.nodesOverdue", c[1], c[1] > 0, board));
    }
}
