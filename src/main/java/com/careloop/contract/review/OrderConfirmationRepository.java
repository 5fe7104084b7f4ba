package com.careloop.contract.review;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderConfirmationRepository extends JpaRepository<OrderConfirmation, Long> {

    Optional<OrderConfirmation> findByContractId(long contractId);
}
