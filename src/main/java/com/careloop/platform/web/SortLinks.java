package com.careloop.platform.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a list page's sortable column headers and of its export, built from the page's own request: the same
 * filters, the sort toggled (a second click on the sorted column reverses it) and the paging cursor dropped. Every
 * rendered page has one as {@code sortLinks} (see {@code fragments/sort.html}).
 */
public final class SortLinks {

    private final String path;
    private final Map<String, String[]> params;
    private final String sort;

    SortLinks(String path, Map<String, String[]> params) {
        this.path = path;
        this.params = params;
        String[] s = params.get("sort");
        this.sort = s == null || s.length == 0 ? "" : s[0];
    }

    /** The page sorted by {@code key}: ascending first, descending when already ascending. */
    public String href(String key) {
        return with(path, key.equals(sort) ? "-" + key : key);
    }

    /** "asc", "desc" or "" for the header's state (aria-sort and the arrow). */
    public String state(String key) {
        return key.equals(sort) ? "ascending" : ("-" + key).equals(sort) ? "descending" : "none";
    }

    /** Another path (the export) with the same filters and sort, without the cursor. */
    public String same(String otherPath) {
        return with(otherPath, sort);
    }

    private String with(String target, String newSort) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(target);
        params.forEach((name, values) -> {
            if (!name.equals("sort") && !name.equals("cursor") && !name.equals("lang") && !name.equals("_csrf")) {
                for (String v : values) {
                    if (v != null && !v.isEmpty()) {
                        b.queryParam(name, v);
                    }
                }
            }
        });
        if (!newSort.isEmpty()) {
            b.queryParam("sort", newSort);
        }
        return b.encode().build().toUriString();
    }
}
