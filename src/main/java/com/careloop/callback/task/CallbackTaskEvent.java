package com.careloop.callback.task;

import java.time.Instant;

import com.careloop.platform.Text;
import com.careloop.platform.TextColumn;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One row of a task's timeline: created, not reached, done, follow-up, cancelled … with who and when. */
@Entity
@Table(name = "callback_task_event")
public class CallbackTaskEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id")
    private CallbackTask task;
    private String kind;
    private Instant occurredAt;
    private String actor;
    /** What a person typed, or the literal of a row from before {@link #noteText}. */
    private String note;
    /** The note as a message code and arguments, rendered for the reader. */
    @Convert(converter = TextColumn.class)
    private Text noteText;

    protected CallbackTaskEvent() {
    }

    CallbackTaskEvent(CallbackTask task, String kind, Instant at, String actor, Text note) {
        this.task = task;
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.note = Text.literalColumn(note, 4000);
        this.noteText = Text.messageColumn(note);
    }

    public Long getId() { return id; }
    public String getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
    public Text getNoteText() { return noteText; }
}
