package org.zeitspende.dispatch.internal.smtp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How our email presents itself. The SMTP server itself is Boot's {@code spring.mail.*}.
 *
 * @param from the From header, such as
 * {@code Zeitspende <no-reply@zeitspende.example.org>}
 */
@ConfigurationProperties("zeitspende.mail")
record MailFromProperties(String from) {

}
