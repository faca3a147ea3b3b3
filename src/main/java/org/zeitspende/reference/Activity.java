package org.zeitspende.reference;

/**
 * Something helpers do, such as interpreting or driving.
 *
 * @param code stable identifier used by the API
 * @param nameDe German name
 * @param nameEn English name
 */
public record Activity(String code, String nameDe, String nameEn) {
}
