/** Typed configuration: records loaded from {@code config/kairos.yaml}, overridable by environment variables, validated at start. */
package io.kairos.engine.config;
