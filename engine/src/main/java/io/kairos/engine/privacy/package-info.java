/**
 * Privacy: the person's rights over their data. Export gathers everything held about a profile
 * from the grid and the store; erasure removes it from every place it lives and leaves an audit
 * record that says how much was removed but not about whom.
 */
package io.kairos.engine.privacy;
