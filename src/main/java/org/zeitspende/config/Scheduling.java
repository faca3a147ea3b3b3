package org.zeitspende.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic housekeeping, such as purging unverified registrations. Every replica runs it;
 * each job is written so that running it twice at once does no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {

}
