package com.careloop.customer.keys;

import org.springframework.data.jpa.repository.JpaRepository;

interface KeyCustomerReviewRepository extends JpaRepository<KeyCustomerReview, Long> {

    boolean existsByQuarterAndCustomerId(String quarter, long customerId);
}
