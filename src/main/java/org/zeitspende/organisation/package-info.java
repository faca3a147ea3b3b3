/**
 * Organisations and their members: applying, approval by the platform's operators, the
 * organisation's profile, its members with their roles, and signing in with email and
 * password for a bearer token.
 */
package org.zeitspende.organisation;
