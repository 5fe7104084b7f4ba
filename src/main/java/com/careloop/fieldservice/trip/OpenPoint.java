package com.careloop.fieldservice.trip;

import java.time.LocalDate;

import com.careloop.platform.DomainException;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A problem left open on site with its owner; it may become one follow-up request or CAPA. */
@Entity
@Table(name = "field_service_open_point")
public class OpenPoint {

    public static final String REQUEST = "REQUEST";
    public static final String CAPA = "CAPA";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private String description;
    private long ownerId;
    private String ownerName;
    private LocalDate dueOn;
    private String followUpKind;
    private Long followUpId;
    private String followUpCode;

    protected OpenPoint() {
    }

    OpenPoint(FieldService service, String description, long ownerId, String ownerName, LocalDate dueOn) {
        this.service = service;
        this.description = description;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.dueOn = dueOn;
    }

    /** Refuses a second follow-up (409). */
    public void requireNoFollowUp() {
        if (followUpKind != null) {
            throw DomainException.of("fieldservice.follow-up-exists", followUpCode);
        }
    }

    void followedUp(String kind, long recordId, String code) {
        requireNoFollowUp();
        this.followUpKind = kind;
        this.followUpId = recordId;
        this.followUpCode = code;
    }

    public Long getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getFollowUpKind() {
        return followUpKind;
    }

    public Long getFollowUpId() {
        return followUpId;
    }

    public String getFollowUpCode() {
        return followUpCode;
    }
}
