package com.careloop.fieldservice.trip;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldServiceRepository extends JpaRepository<FieldService, Long> {
}
