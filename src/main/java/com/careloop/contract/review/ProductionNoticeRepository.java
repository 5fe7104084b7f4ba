package com.careloop.contract.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductionNoticeRepository extends JpaRepository<ProductionNotice, Long> {

    List<ProductionNotice> findByContractIdOrderByIdDesc(long contractId);
}
