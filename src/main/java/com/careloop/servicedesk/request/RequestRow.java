package com.careloop.servicedesk.request;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A row owned by a service request (timeline event, pause): its id and its request. */
@MappedSuperclass
abstract class RequestRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id")
    private ServiceRequest request;

    protected RequestRow() {
    }

    RequestRow(ServiceRequest request) {
        this.request = request;
    }

    public Long getId() { return id; }
}
