package com.careloop.complaint.claim;

import java.util.List;

import com.careloop.complaint.ClaimViews.ClaimRow;
import com.careloop.complaint.ClaimViews.Filter;
import com.careloop.complaint.Claims;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The claim list as .xlsx: the list's filters and sort, all its pages, audited. */
@Component
class ClaimListExport {

    static final String AUDIT_TYPE = "claim-list-export";

    private static final List<Column<ClaimRow>> COLUMNS = List.of(
            new Column<>("claim.code", ClaimRow::code),
            new Column<>("claim.customer", ClaimRow::customerName),
            new Column<>("claim.product", ClaimRow::product),
            new Column<>("claim.claimedAmount", ClaimRow::claimedAmount),
            new Column<>("claim.proposedAmount", ClaimRow::proposedAmount),
            new Column<>("claim.settledAmount", ClaimRow::settledAmount),
            Column.label("claim.status", "claim.enum.ClaimStatus.", ClaimRow::status),
            new Column<>("claim.createdAt", ClaimRow::createdAt));

    private final Claims claims;
    private final ListExport export;

    ClaimListExport(Claims claims, ListExport export) {
        this.claims = claims;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "claims", "nav.claims", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = claims.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
