package com.careloop.contract.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractCommunicationRepository extends JpaRepository<ContractCommunication, Long> {

    List<ContractCommunication> findByContractIdOrderByOccurredOnAscIdAsc(long contractId);
}
