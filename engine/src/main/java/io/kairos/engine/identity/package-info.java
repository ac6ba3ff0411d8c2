/**
 * Identity: cleans identifiers (E.164 phones, normalized e-mails, declared custom types), resolves
 * them to one profile id through links in the grid, and merges two profiles when an event shows
 * they are one person, or refuses by the configured rules and records why.
 */
package io.kairos.engine.identity;
