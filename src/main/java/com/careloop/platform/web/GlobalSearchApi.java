package com.careloop.platform.web;

import com.careloop.platform.AnyUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The global search over JSON: every module's hits for a number, phone or name; {@code exact} the record to open. */
@RestController
class GlobalSearchApi {

    private final GlobalSearch search;

    GlobalSearchApi(GlobalSearch search) {
        this.search = search;
    }

    @AnyUser
    @GetMapping("/api/v1/search")
    GlobalSearch.Result search(@RequestParam String q) {
        return search.search(q);
    }
}
