package com.careloop;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module boundaries: no cycles, no module reaching into another's internals. The module model is built once (about
 * 8 s of class scanning); the PlantUML diagrams it could write are not read by anyone, so they are not generated.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CareLoopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
