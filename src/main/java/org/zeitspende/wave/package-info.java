/**
 * Waves: a callout asks its helpers a few at a time, as many as should fill its open
 * slots at the acceptance rate learned for its activity, and again after an interval
 * while slots stay open. Jobs to plan a wave go through a Redis Stream that every replica
 * consumes; {@link org.zeitspende.wave.WavePlanner} picks helpers through
 * {@link org.zeitspende.rotation.HelperPicker} and queues the asks in
 * {@link org.zeitspende.ask.AskOutbox}.
 */
package org.zeitspende.wave;
