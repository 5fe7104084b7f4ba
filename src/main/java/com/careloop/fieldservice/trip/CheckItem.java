package com.careloop.fieldservice.trip;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of the pre-departure checklist (the configured items at planning time), ticked by whom and when. */
@Entity
@Table(name = "field_service_check")
public class CheckItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private String itemCode;
    private boolean checked;
    private String checkedBy;
    private Instant checkedAt;

    protected CheckItem() {
    }

    CheckItem(FieldService service, String itemCode) {
        this.service = service;
        this.itemCode = itemCode;
    }

    void set(boolean on, String by, Instant at) {
        if (on && !checked) {
            checked = true;
            checkedBy = by;
            checkedAt = at;
        } else if (!on) {
            checked = false;
            checkedBy = null;
            checkedAt = null;
        }
    }

    public String getItemCode() {
        return itemCode;
    }

    public boolean isChecked() {
        return checked;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
