package com.careloop.contract.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractShipmentRepository extends JpaRepository<ContractShipment, Long> {

    List<ContractShipment> findByContractIdOrderByPlannedDateAscIdAsc(long contractId);
}
