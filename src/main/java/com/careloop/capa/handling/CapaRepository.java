package com.careloop.capa.handling;

import java.util.List;

import com.careloop.capa.CapaStatus;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CapaRepository extends JpaRepository<Capa, Long> {

    List<Capa> findBySourceKeyAndStatusNotOrderByIdDesc(String sourceKey, CapaStatus status);
}
