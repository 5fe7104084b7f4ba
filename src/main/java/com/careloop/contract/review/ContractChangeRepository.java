package com.careloop.contract.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractChangeRepository extends JpaRepository<ContractChange, Long> {

    List<ContractChange> findByContractIdOrderByIdDesc(long contractId);
}
