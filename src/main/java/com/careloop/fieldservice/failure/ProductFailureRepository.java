package com.careloop.fieldservice.failure;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductFailureRepository extends JpaRepository<ProductFailure, Long> {
}
