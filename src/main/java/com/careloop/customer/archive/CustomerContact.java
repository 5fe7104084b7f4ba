package com.careloop.customer.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A contact person of a customer; one of them is the primary contact. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private String name;
    private String title;
    private String phone;
    private String email;
    @Column(name = "is_primary")
    private boolean primary;
    private String remarks;

    protected CustomerContact() {
    }

    CustomerContact(Customer customer, String name, String title, String phone, String email, boolean primary,
                    String remarks) {
        this.customer = customer;
        this.name = name;
        this.title = title;
        this.phone = phone;
        this.email = email;
        this.primary = primary;
        this.remarks = remarks;
    }

    @Override
    public String toString() {
        return name + (title == null ? "" : "/" + title) + (phone == null ? "" : " " + phone) + (primary ? " *" : "");
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTitle() { return title; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public boolean isPrimary() { return primary; }
    public String getRemarks() { return remarks; }
}
