package com.careloop.property.sample;

import java.time.Instant;

import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a sample's history: what happened, who, when, and a note stored as a text code. */
@Entity
@Table(name = "sample_event")
public class SampleEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sample_id")
    private Sample sample;
    private String kind;
    private String actor;
    private Instant occurredAt;
    private String note;
    private String noteText;

    protected SampleEvent() {
    }

    SampleEvent(Sample sample, String kind, String actor, Instant at, Text note) {
        this.sample = sample;
        this.kind = kind;
        this.actor = actor;
        this.occurredAt = at;
        this.note = note == null ? null : Text.literalColumn(note, 2000);
        this.noteText = note == null ? null : note.toJson();
    }

    public String getKind() { return kind; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getNote() { return note; }
    public String getNoteText() { return noteText; }
}
