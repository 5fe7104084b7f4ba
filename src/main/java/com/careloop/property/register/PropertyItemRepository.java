package com.careloop.property.register;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PropertyItemRepository extends JpaRepository<PropertyItem, Long> {
}
