package org.zeitspende.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web layer.
 *
 * @param maxRequestSize the largest request body read into memory
 * @param contactUrl where the footer's contact link points
 * @param imprintUrl where the footer's imprint link points
 * @param privacyUrl where the footer's privacy link points
 */
@ConfigurationProperties("zeitspende.web")
record WebProperties(DataSize maxRequestSize, URI contactUrl, URI imprintUrl, URI privacyUrl) {
}
