/** Converters from the public sentiment datasets' native formats to the TSV ({@code text<TAB>label}) the commands read. */
package io.kairos.nlp.data;
