package com.careloop.servicedesk;

import com.careloop.platform.calendar.TimeUnit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The maintained dictionaries of the service desk: request categories and SLA policies. */
public final class ServiceDeskCatalogViews {

    private ServiceDeskCatalogViews() {
    }

    /** {@code defaultDepartmentId}: the department dispatch suggests for the category's requests (may be null). */
    public record Category(long id, String code, String name, boolean callbackRequired, boolean active, int sortOrder,
                           long version, Long defaultDepartmentId) {
    }

    /** Create or change a category; {@code version} is required for a change. */
    public record SaveCategory(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                               Boolean callbackRequired, Boolean active, Integer sortOrder, Long version,
                               Long defaultDepartmentId) {
    }

    /**
     * An SLA policy: a null type, category or priority matches any; the most specific active policy wins
     * (type before category before priority). A null completion amount means no completion target.
     */
    public record SlaPolicy(long id, RequestType type, Long categoryId, Priority priority, int responseAmount,
                            TimeUnit responseUnit, Integer completionAmount, TimeUnit completionUnit, boolean active,
                            long version) {
    }

    public record SaveSlaPolicy(RequestType type, Long categoryId, Priority priority,
                                @NotNull @Min(0) @Max(10000) Integer responseAmount, @NotNull TimeUnit responseUnit,
                                @Min(0) @Max(10000) Integer completionAmount, TimeUnit completionUnit, Boolean active,
                                Long version) {
    }
}
