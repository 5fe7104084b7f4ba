package com.careloop.complaint.handling;

import java.time.LocalDate;

import com.careloop.complaint.CauseCategory;
import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.ComplaintViews.Filter;
import com.careloop.complaint.ComplaintViews.Deadline;
import com.careloop.complaint.Severity;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The complaint list's query parameters, the same for the page, the API and both exports, so an export holds
 * exactly the rows the list shows: filters, keyword ({@code q}: number, customer, order, product, content), the
 * product batch ({@code batchNo}, exact) and the
 * sort ({@code receivedAt}, {@code -receivedAt}, …; see {@code Complaints.SORTS}).
 */
record ComplaintListQuery(ComplaintStatus status, ComplaintCategory category, Severity severity, Long customerId,
                          Boolean repeat, Boolean overdue, String q, Long departmentId, Long handlerId,
                          Long concernedEmployeeId, @DateTimeFormat(iso = ISO.DATE) LocalDate receivedFrom,
                          @DateTimeFormat(iso = ISO.DATE) LocalDate receivedTo, CauseCategory cause, Deadline late,
                          Boolean open, @DateTimeFormat(iso = ISO.DATE) LocalDate acknowledgeDueOn, String batchNo,
                          String sort) {

    Filter filter() {
        return new Filter(status, category, severity, customerId, repeat, overdue, q, departmentId, handlerId,
                concernedEmployeeId, receivedFrom, receivedTo, cause, late, open, acknowledgeDueOn, batchNo);
    }
}
