/** Command-line entry points of the models library ({@code bin/kairos propensity ...}). */
package io.kairos.models.cli;
