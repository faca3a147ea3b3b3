/**
 * Callouts: an organisation asks for a number of helpers for an activity at a place and
 * time. Coordinators create, list, change and cancel them; a preview shows how many
 * helpers would be asked. Candidates come from
 * {@link org.zeitspende.helper.CalloutCandidates}; cancelling publishes
 * {@link org.zeitspende.callout.CalloutCancelled} for whoever tells the helpers.
 */
package org.zeitspende.callout;
