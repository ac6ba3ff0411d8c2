/**
 * Unified profiles: immutable profile state, the pure update function, the Hazelcast entry
 * processors that apply it atomically, Compact serialization, and the {@link io.kairos.engine.profile.ProfileStore}.
 */
package io.kairos.engine.profile;
