package com.careloop.complaint.handling;

import java.time.Instant;

import com.careloop.platform.Text;
import com.careloop.platform.TextColumn;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One row of a complaint's timeline: which step, who and when. */
@Entity
@Table(name = "complaint_event")
public class ComplaintEvent extends ComplaintRow {

    private String kind;
    private Instant occurredAt;
    private String actor;
    /** What a person typed, or the literal of a row from before {@link #noteText}. */
    private String note;
    /** The note as a message code and arguments, rendered for the reader. */
    @Convert(converter = TextColumn.class)
    private Text noteText;

    protected ComplaintEvent() {
    }

    ComplaintEvent(Complaint complaint, String kind, Instant at, String actor, Text note) {
        super(complaint);
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.note = Text.literalColumn(note, 4000);
        this.noteText = Text.messageColumn(note);
    }

    public String getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
    public Text getNoteText() { return noteText; }
}
