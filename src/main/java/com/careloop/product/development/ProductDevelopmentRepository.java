package com.careloop.product.development;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductDevelopmentRepository extends JpaRepository<ProductDevelopment, Long> {
}
