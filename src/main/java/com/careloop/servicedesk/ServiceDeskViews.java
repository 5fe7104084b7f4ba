package com.careloop.servicedesk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.TimeUnit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** What the service desk shows: queue rows and the full request with timeline, pauses, notes and materials. */
public final class ServiceDeskViews {

    private ServiceDeskViews() {
    }

    /** A request registered without a signed-in user (web form, mailbox): its id and record number. */
    public record Registered(long id, String code) {
    }

    /**
     * What the public progress page may show of a request: its number, status and the steps with their times,
     * nothing else (no names, no departments, no notes). {@code step} is a timeline kind, rendered from messages.
     */
    public record PublicProgress(String code, RequestStatus status, List<PublicStep> steps) {
    }

    public record PublicStep(String step, Instant at) {
    }

    /**
     * Queue filters; all optional. {@code mine}: assigned to me; {@code overdue}: a running deadline has passed;
     * {@code dueSoon}: a running deadline's warning time has passed but not the deadline (the queue pages' tab);
     * {@code customerId}: one customer's requests (the customer 360 section). The drill-downs of the reporting
     * figures: {@code registeredFrom}/{@code registeredTo} and {@code completedFrom}/{@code completedTo} company days
     * (both included), {@code channel}, {@code openOn}: registered by the end of that day and not closed by then,
     * {@code dueOn}: a running deadline falls on that day (company time).
     */
    public record Filter(RequestStatus status, RequestType type, Long departmentId, Long assigneeId, Boolean mine,
                         Boolean overdue, Boolean paused, Boolean keyOnly, Boolean unassigned, String q,
                         Long categoryId, Priority priority, Boolean dueSoon, Long customerId,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate registeredFrom,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate registeredTo,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate completedFrom,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate completedTo, Channel channel,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate openOn,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate dueOn) {

        public static Filter none() {
            return of(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The filters without the reporting drill-downs. */
        public static Filter of(RequestStatus status, RequestType type, Long departmentId, Long assigneeId, Boolean mine,
                                Boolean overdue, Boolean paused, Boolean keyOnly, Boolean unassigned, String q,
                                Long categoryId, Priority priority, Boolean dueSoon, Long customerId) {
            return new Filter(status, type, departmentId, assigneeId, mine, overdue, paused, keyOnly, unassigned, q,
                    categoryId, priority, dueSoon, customerId, null, null, null, null, null, null, null);
        }
    }

    /** The live counters of the queue tabs, over the open requests within the reader's scope. */
    public record QueueCounts(long open, long mine, long myDepartment, long unassigned, long dueSoon, long overdue,
                              long paused, long keyCustomers) {
    }

    /** A queue row; {@code dueAt} is the running deadline (response until responded, then completion). */
    public record Row(long id, String code, String title, RequestType type, RequestStatus status, Priority priority,
                      Channel channel, Long customerId, String customerName, boolean keyCustomer, String unitRoom,
                      Long departmentId, String departmentName, Long assigneeId, String assigneeName,
                      Instant registeredAt, Instant responseDueAt, Instant completionDueAt, boolean overdue,
                      long version, Instant dueAt, boolean dueSoon) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Target(int amount, TimeUnit unit) {
    }

    public record Deadlines(Target response, Instant responseDueAt, Instant responseWarnAt, Instant respondedAt,
                            boolean responseOverdue, Target completion, Instant completionDueAt,
                            Instant completionWarnAt, Instant completedAt, boolean completionOverdue,
                            Instant internalDueAt) {
    }

    public record TimelineEntry(long id, String kind, Instant at, String actor, Long departmentId, String departmentName,
                                Long assigneeId, String assigneeName, Instant internalDueAt, String reason) {
    }

    public record PauseView(long id, PauseReason reason, String note, Instant startedAt, Instant endedAt,
                            String startedBy, String endedBy) {
    }

    public record NoteView(long id, String body, boolean visibleToCustomer, String author, Instant createdAt) {
    }

    public record MaterialView(long id, String item, BigDecimal quantity, String unit, String requestedBy,
                               Instant createdAt) {
    }

    public record SignOffView(String name, Instant signedAt, Boolean satisfied, boolean hasSignature) {
    }

    /** The latest callback before close and the callback record (回访记录 HF…) the callback module keeps of it. */
    public record CallbackView(Satisfaction satisfaction, String notes, Long byId, String byName, boolean bySupervisor,
                               Instant at, Long recordId, String recordCode) {
    }

    public record Detail(long id, String code, Long customerId, String customerName, String customerCode,
                         boolean keyCustomer, String contactName, String contactPhone, String location, String unitRoom,
                         RequestType type, FieldServiceKind fieldKind, Long categoryId, String categoryName,
                         boolean callbackRequired, String title, String description, Channel channel, Priority priority,
                         RequestStatus status, Instant appointmentStart, Instant appointmentEnd, Long departmentId,
                         String departmentName, Long assigneeId, String assigneeName, Long registeredById,
                         String registeredByName, Instant registeredAt, String result, SignOffView signOff,
                         CallbackView callback, Instant closedAt, int reopenCount, Deadlines deadlines,
                         List<TimelineEntry> timeline, List<PauseView> pauses, List<NoteView> notes,
                         List<MaterialView> materials, long version, Instant turnedIntoComplaintAt, Long complaintId,
                         String complaintCode) {
    }

    /**
     * 派工建议: the department dispatch suggests (the one asked for, else the category's default; null when neither
     * — the page then asks, it never falls back to the top of the tree) and the handlers of that department.
     */
    public record DispatchSuggestion(Long departmentId, String departmentName, boolean fromCategory,
                                     List<HandlerOption> handlers) {
    }

    public record HandlerOption(long id, String name, boolean senior) {
    }

    /** How statistics are grouped. */
    public enum GroupBy { TYPE, CATEGORY, DEPARTMENT, CHANNEL }

    /**
     * Figures of one group (key null: all requests of the period). Rates are shares 0..1 (null without a
     * base): on-time response among responded requests, on-time completion (维修及时率) among completed ones
     * with a target, re-open rate, first-contact resolution (completed by the first handler: no hand-back,
     * no reassign, never re-opened). Handling time in hours from intake to completion.
     */
    public record StatisticsRow(String key, long count, long completed, long closed, Double onTimeResponseRate,
                                Double onTimeCompletionRate, Double averageHandlingHours, Double p90HandlingHours,
                                Double reopenRate, Double firstContactResolutionRate) {
    }
}
