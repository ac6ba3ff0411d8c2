/**
 * Identity: normalizes identifiers and resolves them to one profile id. The foundation links the
 * identifiers of an event to the profile of its strongest known identifier; merging profiles is
 * the identity-resolution issue's work.
 */
package io.kairos.engine.identity;
