/** Command-line entry points of the NLP library ({@code bin/kairos sentiment ...}). */
package io.kairos.nlp.cli;
