package org.zeitspende.reference;

/**
 * A language helpers speak, by its ISO 639-1 code.
 *
 * @param code ISO 639-1 code
 * @param nameDe German name
 * @param nameEn English name
 * @param nativeName the name in the language itself
 */
public record Language(String code, String nameDe, String nameEn, String nativeName) {
}
