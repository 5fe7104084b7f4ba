package com.careloop.capa.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 8D D1: a member of the CAPA team. */
@Entity
@Table(name = "capa_team")
public class CapaTeamMember extends CapaRow {

    private String memberName;
    private String memberRole;
    private Instant addedAt;

    protected CapaTeamMember() {
    }

    CapaTeamMember(Capa capa, String name, String role, Instant at) {
        super(capa);
        this.memberName = name;
        this.memberRole = role;
        this.addedAt = at;
    }

    public String getMemberName() { return memberName; }
    public String getMemberRole() { return memberRole; }
}
