/**
 * Helpers: their profiles, verified channels and what they agreed to.
 */
package org.zeitspende.helper;
