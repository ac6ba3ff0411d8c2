/**
 * Unified profiles: immutable profile state, the pure update function, the Hazelcast entry
 * processors that apply it atomically, its stored form ({@link io.kairos.engine.profile.ProfileCodec}), and the {@link io.kairos.engine.profile.ProfileStore}.
 */
package io.kairos.engine.profile;
