package org.zeitspende.callout;

/**
 * How far a callout got.
 *
 * @param asked asks that went out (sent, delivered, or possibly sent)
 * @param delivered asks the provider reported delivered
 * @param confirmed helpers who said yes and hold a slot
 * @param declined helpers who said no
 * @param open slots still free
 */
public record CalloutCounts(int asked, int delivered, int confirmed, int declined, int open) {
}
