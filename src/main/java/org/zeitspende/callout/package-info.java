/**
 * Callouts: an organisation asks for a number of helpers for an activity at a place and
 * time. Coordinators create, list, change and cancel them; a preview shows how many
 * helpers would be asked. Candidates come from
 * {@link org.zeitspende.helper.CalloutCandidates}; creating publishes
 * {@link org.zeitspende.callout.CalloutOpened} for whoever asks helpers, cancelling
 * {@link org.zeitspende.callout.CalloutCancelled} for whoever tells them.
 * {@link org.zeitspende.callout.CalloutNeeds} tells the features that ask helpers what an
 * open callout still needs, and ends one that nobody is left to ask for.
 * {@link org.zeitspende.callout.CalloutProgresses} gives the live view a callout's status
 * and counts, scoped to the caller's organisation.
 */
package org.zeitspende.callout;
