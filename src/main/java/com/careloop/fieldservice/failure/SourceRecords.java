package com.careloop.fieldservice.failure;

import java.util.Optional;

import com.careloop.complaint.ClaimViews;
import com.careloop.complaint.Claims;
import com.careloop.complaint.ComplaintViews;
import com.careloop.complaint.Complaints;
import com.careloop.fieldservice.FieldServiceViews;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskViews;

import org.springframework.stereotype.Component;

/**
 * The record a failure or a returned part came from, read through the owning module's public API only (so the
 * reader's access to that record applies): by its id, or by its number (the one a user knows) for requests, field services, complaints and claims.
 * Unknown or not visible: 422 naming the field.
 */
@Component
class SourceRecords {

    /** The source as a failure row links it. */
    record Source(FailureSource type, long id, String code, Long customerId, String customerName) {
    }

    private final ServiceDesk desk;
    private final Complaints complaints;
    private final Claims claims;
    private final FieldServices services;

    SourceRecords(ServiceDesk desk, Complaints complaints, Claims claims, FieldServices services) {
        this.desk = desk;
        this.complaints = complaints;
        this.claims = claims;
        this.services = services;
    }

    Source resolve(FailureSource type, Long id, String code) {
        if (type == null) {
            throw new InvalidInputException("sourceType", "required", Text.of("error.fieldhistory.required", "sourceType"));
        }
        if (id == null && (code == null || code.isBlank())) {
            throw new InvalidInputException("sourceId", "required", Text.of("error.fieldhistory.source-required"));
        }
        String field = id != null ? "sourceId" : "sourceCode";
        try {
            Optional<Source> found = id != null ? byId(type, id) : byCode(type, code.trim());
            return found.orElseThrow(() -> unknown(field, type, id != null ? id : code));
        } catch (NotFoundException e) {
            throw unknown(field, type, id != null ? id : code);
        }
    }

    private Optional<Source> byId(FailureSource type, long id) {
        return Optional.of(switch (type) {
            case REQUEST -> {
                ServiceDeskViews.Detail r = desk.detail(id);
                yield new Source(type, r.id(), r.code(), r.customerId(), r.customerName());
            }
            case FIELD_SERVICE -> {
                FieldServiceViews.Detail f = services.detail(id);
                yield new Source(type, f.id(), f.code(), f.customerId(), f.customerName());
            }
            case COMPLAINT -> {
                ComplaintViews.Detail c = complaints.detail(id);
                yield new Source(type, c.id(), c.code(), c.customerId(), c.customerName());
            }
            case CLAIM -> {
                ClaimViews.ClaimDetail c = claims.detail(id);
                yield new Source(type, c.id(), c.code(), c.customerId(), c.customerName());
            }
        });
    }

    private Optional<Source> byCode(FailureSource type, String code) {
        return switch (type) {
            case REQUEST -> desk.search(ServiceDeskViews.Filter.of(null, null, null, null, null, null, null, null, null,
                            code, null, null, null, null), null, 5).items().stream()
                    .filter(r -> code.equalsIgnoreCase(r.code())).findFirst()
                    .map(r -> new Source(type, r.id(), r.code(), r.customerId(), r.customerName()));
            case FIELD_SERVICE -> services.search(new FieldServiceViews.Filter(null, null, null, code), null, null, 5)
                    .items().stream().filter(r -> code.equalsIgnoreCase(r.code())).findFirst()
                    .flatMap(r -> byId(type, r.id()));
            case COMPLAINT -> complaints.search(new ComplaintViews.Filter(null, null, null, null, null, null, code),
                            null, 5).items().stream()
                    .filter(r -> code.equalsIgnoreCase(r.code())).findFirst()
                    .map(r -> new Source(type, r.id(), r.code(), r.customerId(), r.customerName()));
            case CLAIM -> claims.byCode(code)
                    .map(c -> new Source(type, c.id(), c.code(), c.customerId(), c.customerName()));
        };
    }

    private static InvalidInputException unknown(String field, FailureSource type, Object value) {
        return new InvalidInputException(field, "exists", Text.of("error.fieldhistory.unknown-source",
                Text.label("fieldhistory.source", type), String.valueOf(value)));
    }
}
