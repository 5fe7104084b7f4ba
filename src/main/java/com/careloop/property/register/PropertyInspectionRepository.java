package com.careloop.property.register;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PropertyInspectionRepository extends JpaRepository<PropertyInspection, Long> {
    java.util.List<PropertyInspection> findByItemIdOrderByPeriodStartDesc(long itemId);
}
