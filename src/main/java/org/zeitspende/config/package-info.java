/**
 * Cross-cutting set-up: the embedded datastores of the local default, start-up checks and
 * the problem details every error is answered with.
 */
package org.zeitspende.config;
