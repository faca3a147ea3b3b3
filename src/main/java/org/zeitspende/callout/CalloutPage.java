package org.zeitspende.callout;

import java.util.List;

/**
 * One page of an organisation's callouts, newest first.
 *
 * @param items the callouts on this page
 * @param limit the most items a page holds
 * @param offset how many items come before this page
 * @param hasMore whether a next page has items
 */
record CalloutPage(List<Callout> items, int limit, int offset, boolean hasMore) {
}
