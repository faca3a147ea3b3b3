/**
 * Donation needs (Spendenbedarf): items organisations ask for, with quantities, urgency
 * and a Spendenstopp flag, and donors' pledges, which never exceed what is needed and
 * close the need when they meet it.
 */
package org.zeitspende.donation;
