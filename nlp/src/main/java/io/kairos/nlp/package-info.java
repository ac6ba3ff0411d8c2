/**
 * Reading the feeling in customer text: normalization, sentiment training, evaluation and
 * prediction with Apache OpenNLP. A plain synchronous library with its own CLI
 * ({@link io.kairos.nlp.cli.SentimentCli}); it knows nothing of Vert.x or the engine.
 */
package io.kairos.nlp;
