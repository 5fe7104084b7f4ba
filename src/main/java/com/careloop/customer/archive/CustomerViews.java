package com.careloop.customer.archive;

import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.Segment;

/** Read models of the archive; phone and ID numbers are already masked for the reader. */
public final class CustomerViews {

    private CustomerViews() {
    }

    public record Filter(String q, CustomerKind kind, Boolean keyOnly, Segment segment, Long representativeId,
                         String region, Boolean includeInactive) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    public record Row(long id, String code, String name, CustomerKind kind, String phone, String project, String room,
                      String region, boolean keyCustomer, Segment segment, String representativeName, boolean active) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record ContactView(long id, String name, String title, String phone, String email, boolean primary,
                              String remarks) {
    }

    public record Detail(long id, String code, String name, CustomerKind kind, String phone, String email,
                         String idNumber, LocalDate birthday, String occupation, String address, String project,
                         String room, String industry, String region, String source, String tags, String remarks,
                         Long representativeId, String representativeName, Long deputyId, String deputyName,
                         Long departmentId, boolean keyCustomer, String keyCriterion, LocalDate keySince,
                         Segment segment, boolean active, List<ContactView> contacts, boolean masked, long version) {
    }

    public record Duplicate(long id, String code, String name, String phone, String matchedOn) implements java.io.Serializable {
    }
}
