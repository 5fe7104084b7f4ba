package com.careloop.fieldservice.trip;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tool or measuring instrument the team takes. */
@Entity
@Table(name = "field_service_tool")
public class Tool {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private String name;
    private boolean measuring;
    private String note;

    protected Tool() {
    }

    Tool(FieldService service, String name, boolean measuring, String note) {
        this.service = service;
        this.name = name;
        this.measuring = measuring;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isMeasuring() {
        return measuring;
    }

    public String getNote() {
        return note;
    }
}
