package com.careloop.customer.keys;

import org.springframework.data.jpa.repository.JpaRepository;

interface KeyCustomerProposalRepository extends JpaRepository<KeyCustomerProposal, Long> {
}
