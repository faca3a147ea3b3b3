/**
 * Events: what organisations hold for volunteers and the public, with optional
 * registration of helpers up to an exact capacity, and iCalendar ({@code .ics}) exports
 * per event and per organisation.
 */
package org.zeitspende.event;
