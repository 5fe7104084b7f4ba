package com.careloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** CareLoop (客服闭环): one deployable, one Spring Modulith application module per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "CareLoop", sharedModules = "platform")
public class CareLoopApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareLoopApplication.class, args);
    }
}
