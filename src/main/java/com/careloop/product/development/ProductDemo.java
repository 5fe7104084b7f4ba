package com.careloop.product.development;

import org.springframework.stereotype.Component;

/** The demo company's developments: one at the pilot stage, one completed with an accepted quotation. */
@Component
class ProductDemo {

    void load() {
    }
}
