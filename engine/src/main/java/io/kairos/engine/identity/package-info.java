/**
 * Identity: cleans identifiers (E.164 phones, normalized e-mails, declared custom types) and
 * resolves them to one profile id through links in the grid. Merging two profiles that an event
 * links is the identity-resolution issue's remaining work; for now the first owner keeps an
 * identifier and the conflict is counted.
 */
package io.kairos.engine.identity;
