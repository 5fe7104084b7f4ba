package com.careloop.fieldservice.trip;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One person on the team: the leader or a member, from any department, with their task and its deadline. */
@Entity
@Table(name = "field_service_member")
public class TeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private long userId;
    private String userName;
    private Long departmentId;
    private String departmentName;
    private boolean leader;
    private String task;
    private LocalDate dueOn;
    private String workDone;
    private Instant acknowledgedAt;

    protected TeamMember() {
    }

    TeamMember(FieldService service, Person person, boolean leader, String task, LocalDate dueOn) {
        this.service = service;
        this.userId = person.userId();
        this.userName = person.name();
        this.departmentId = person.departmentId();
        this.departmentName = person.departmentName();
        this.leader = leader;
        this.task = task;
        this.dueOn = dueOn;
    }

    /** A person as resolved by the service: user, name, department. */
    public record Person(long userId, String name, Long departmentId, String departmentName) {
    }

    void acknowledge(Instant at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    void workDone(String text) {
        this.workDone = text;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getUserName() {
        return userName;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getDepartmentName() {
        return departmentName;
    }

    public boolean isLeader() {
        return leader;
    }

    public String getTask() {
        return task;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getWorkDone() {
        return workDone;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
