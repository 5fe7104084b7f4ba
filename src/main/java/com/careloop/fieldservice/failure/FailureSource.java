package com.careloop.fieldservice.failure;

/** Where a failure (or a returned warranty part) became known: a service request, a field service, a complaint, a claim. */
public enum FailureSource {
    REQUEST, FIELD_SERVICE, COMPLAINT, CLAIM;

    /** The page of the source record. */
    public String link(Long id) {
        if (id == null) {
            return null;
        }
        return switch (this) {
            case REQUEST -> "/service-desk/requests/" + id;
            case FIELD_SERVICE -> "/field-services/" + id;
            case COMPLAINT -> "/complaints/" + id;
            case CLAIM -> "/claims/" + id;
        };
    }
}
