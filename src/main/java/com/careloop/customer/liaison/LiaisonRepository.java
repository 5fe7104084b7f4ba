package com.careloop.customer.liaison;

import org.springframework.data.jpa.repository.JpaRepository;

interface LiaisonRepository extends JpaRepository<LiaisonParty, Long> {
}
