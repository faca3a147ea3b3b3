/**
 * News posts of organisations: Markdown rendered to sanitised HTML, public lists and Atom
 * feeds per organisation and overall. Organisation names come from
 * {@link org.zeitspende.organisation.OrganisationNames}.
 */
package org.zeitspende.news;
