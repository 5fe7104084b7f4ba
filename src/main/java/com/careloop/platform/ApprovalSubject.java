package com.careloop.platform;

/**
 * What an approval is about, as the owning module describes it: its type (e.g. {@code report}) and id, the record
 * number and title (a {@link Text}, rendered in each reader's language), the page that shows it, and the department
 * it belongs to (null: the whole company), which limits "permission holders" to those whose data scope covers it.
 */
public record ApprovalSubject(String type, long id, String number, Text title, String link, Long departmentId) {
}
