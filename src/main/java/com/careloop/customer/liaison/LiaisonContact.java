package com.careloop.customer.liaison;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A contact person at a liaison party. */
@Entity
@Table(name = "liaison_contact")
class LiaisonContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "party_id")
    private LiaisonParty party;
    private String name;
    private String title;
    private String phone;
    private String email;

    protected LiaisonContact() {
    }

    LiaisonContact(LiaisonParty party, String name, String title, String phone, String email) {
        this.party = party;
        this.name = name;
        this.title = title;
        this.phone = phone;
        this.email = email;
    }

    @Override
    public String toString() {
        return name + (title == null ? "" : "/" + title) + (phone == null ? "" : " " + phone);
    }

    Long getId() { return id; }
    String getName() { return name; }
    String getTitle() { return title; }
    String getPhone() { return phone; }
    String getEmail() { return email; }
}
