/**
 * What every page shares: one look (a small stylesheet inlined under a strict
 * Content-Security-Policy), German first with English switchable, CSRF tokens for forms,
 * and the landing page. Feature packages render their own pages through
 * {@link org.zeitspende.web.Pages}.
 */
package org.zeitspende.web;
