/**
 * What the pages of the organisations' community share: navigation of the public pages
 * and of the console, forms that keep what was typed and mark invalid fields, names of
 * places and activities, and the sections that features add to an organisation's page.
 */
package org.zeitspende.community;
