/**
 * Demo organisations and helpers for the local default.
 */
package org.zeitspende.demo;
