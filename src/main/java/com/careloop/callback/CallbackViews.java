package com.careloop.callback;

import com.careloop.platform.Satisfaction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the API and pages show of callbacks. */
public final class CallbackViews {

    private CallbackViews() {
    }

    /** The desk's tabs. */
    public enum Tab { TODAY, OVERDUE, MINE, OPEN, ALL }

    /**
     * The desk's filters. {@code plannedFrom}/{@code plannedTo} (both included) and {@code satisfaction}: the
     * drill-downs of the reporting figures; a planned-date filter leaves cancelled tasks out, as the statistics do.
     */
    public record Filter(Tab tab, PlanKind plan, Long assigneeId, CallbackMethod method, TaskStatus status,
                         Long customerId, LocalDate plannedFrom, LocalDate plannedTo, Satisfaction satisfaction) {

        public Filter(Tab tab, PlanKind plan, Long assigneeId, CallbackMethod method, TaskStatus status, Long customerId) {
            this(tab, plan, assigneeId, method, status, customerId, null, null, null);
        }

        public static Filter of(Tab tab) {
            return new Filter(tab, null, null, null, null, null);
        }
    }

    public record Row(long id, String code, PlanKind plan, Long customerId, String customerName, boolean keyCustomer,
                      LocalDate due, Long assigneeId, String assigneeName, CallbackMethod method, TaskStatus status,
                      int attempts, int maxAttempts, Satisfaction satisfaction, boolean overdue, String sourceCode) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Counters(long today, long overdue, long mine, long open) {
    }

    public record Answer(String question, String answer) {
    }

    public record TimelineEntry(String kind, OffsetDateTime at, String actor, String note) {
    }

    /** A record the task led to or came from, with its page. */
    public record Link(String kind, Long id, String code, String href) {
    }

    public record Detail(long id, String code, long version, PlanKind plan, int planRevision, String sourceType,
                         Long sourceId, String sourceCode, String reason, Long customerId, String customerName,
                         String customerCode, boolean keyCustomer, LocalDate plannedDue, LocalDate due, Long assigneeId,
                         String assigneeName, CallbackMethod method, List<String> questions, List<Answer> answers,
                         TaskStatus status, int attempts, int maxAttempts, Satisfaction satisfaction, String notes,
                         FollowUp followUp, String cancelReason, OffsetDateTime completedAt, String completedBy,
                         boolean overdue, List<Link> links, List<TimelineEntry> timeline) {
    }

    public record Plan(long id, PlanKind kind, String name, boolean enabled, int days, String requestType,
                       Long categoryId, AssigneeRule assigneeRule, Long assigneeUserId, String assigneePosition,
                       CallbackMethod method, List<String> questions, int maxAttempts, int revision, long version) {
    }

    /** One group of the statistics: coverage = done / due, reach rate = reached / attempted. */
    public record StatsRow(String key, long due, long done, long attempted, long reached, Double coverage,
                           Double reachRate, Map<Satisfaction, Long> satisfaction, Double averageScore) {
    }

    public enum GroupBy { PLAN, AGENT, MONTH }

    /** The annual follow-up of one key customer. */
    public record KeyCustomerYear(long customerId, String customerName, String customerCode, long planned, long done,
                                  long reached, Double averageScore, Satisfaction lastSatisfaction, long complaints,
                                  long openComplaints, long serviceRequests, long openServiceRequests,
                                  long openCallbacks, long unsatisfied) {
    }
}
