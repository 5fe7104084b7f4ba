package com.careloop.fieldservice.failure;

import org.springframework.data.jpa.repository.JpaRepository;

interface WarrantyFeedbackRepository extends JpaRepository<WarrantyFeedback, Long> {
}
