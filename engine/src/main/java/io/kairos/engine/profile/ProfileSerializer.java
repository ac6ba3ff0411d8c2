package io.kairos.engine.profile;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;

/**
 * Hazelcast's serializer for {@link Profile}: the bytes are {@link ProfileCodec}'s. Registered for the
 * {@code Profile} class on every member (see {@code GridMember}), so stored values, entry-processor
 * results and snapshots all use it.
 */
public final class ProfileSerializer implements StreamSerializer<Profile> {

  /** Hazelcast's id for this serializer (custom serializer ids are positive and unique per cluster). */
  public static final int TYPE_ID = 4_201;

  /** What a snapshot's profile bytes are, for telling an older snapshot from one this build can read. */
  public static final String FORMAT = "kairos.Profile/packed-" + ProfileCodec.VERSION;

  @Override
  public void write(ObjectDataOutput out, Profile profile) throws IOException {
    ProfileCodec.write(out, profile);
  }

  @Override
  public Profile read(ObjectDataInput in) throws IOException {
    return ProfileCodec.read(in);
  }

  @Override
  public int getTypeId() {
    return TYPE_ID;
  }
}
