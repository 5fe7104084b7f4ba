package com.careloop.fieldservice.trip;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Hours on site of one member, [startedAt, endedAt). */
@Entity
@Table(name = "field_service_hours")
public class HoursEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private long memberId;
    private Instant startedAt;
    private Instant endedAt;
    private String note;

    protected HoursEntry() {
    }

    HoursEntry(FieldService service, long memberId, Instant startedAt, Instant endedAt, String note) {
        this.service = service;
        this.memberId = memberId;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.note = note;
    }

    boolean overlaps(Instant from, Instant to) {
        return from.isBefore(endedAt) && startedAt.isBefore(to);
    }

    public double hours() {
        return Duration.between(startedAt, endedAt).toMinutes() / 60.0;
    }

    public Long getId() {
        return id;
    }

    public long getMemberId() {
        return memberId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getNote() {
        return note;
    }
}
