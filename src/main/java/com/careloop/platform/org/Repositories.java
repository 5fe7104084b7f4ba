package com.careloop.platform.org;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {
    boolean existsByCode(String code);
    Optional<Department> findByCode(String code);
}

interface RoleRepository extends JpaRepository<Role, Long> {
    Optional<Role> findByCode(String code);
    boolean existsByCode(String code);
}

interface UserRepository extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);
    boolean existsByUsername(String username);
    java.util.List<AppUser> findByEmailIgnoreCase(String email);
}

interface JobPositionRepository extends JpaRepository<JobPosition, Long> {
    Optional<JobPosition> findByCode(String code);
    boolean existsByCode(String code);
}
