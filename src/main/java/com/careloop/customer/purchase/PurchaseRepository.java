package com.careloop.customer.purchase;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseRepository extends JpaRepository<Purchase, Long> {

    Optional<Purchase> findByCustomerIdAndExternalRef(Long customerId, String externalRef);
}
