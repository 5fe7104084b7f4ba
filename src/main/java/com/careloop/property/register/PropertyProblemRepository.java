package com.careloop.property.register;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PropertyProblemRepository extends JpaRepository<PropertyProblem, Long> {
    java.util.List<PropertyProblem> findByItemIdOrderByIdDesc(long itemId);
}
