/**
 * ION's sentiment stage.
 *
 * <ul>
 *   <li>{@link io.ion.sentiment.SentimentScorer} / {@link io.ion.sentiment.SentimentResult}: the contract other
 *       stages code against.</li>
 *   <li>{@link io.ion.sentiment.CoreNlpSentimentScorer}: the implementation (normalization, shared CoreNLP
 *       pipeline with the shift-reduce parser, result cache).</li>
 *   <li>{@link io.ion.sentiment.SocialTextNormalizer} and its tables in {@code src/main/resources/sentiment/}:
 *       {@code emoji-lexicon.tsv}, {@code slang-lexicon.tsv}, {@code elongation-words.txt}.</li>
 *   <li>{@link io.ion.sentiment.SheddingScorer}: adaptive, id-hash-based sampling for overload; what the Flink
 *       operator wraps the scorer in, with {@code sampleRate()} as its gauge.</li>
 *   <li>{@code io.ion.local.sentiment.SentimentCommand} ({@code ion sentiment}) and
 *       {@code io.ion.local.sentiment.SentimentBenchCommand} ({@code ion bench sentiment}): the tools.</li>
 * </ul>
 */
package io.ion.sentiment;
