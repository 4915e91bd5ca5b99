/**
 * ION's sentiment stage.
 *
 * <ul>
 *   <li>{@link io.ion.sentiment.SentimentScorer} / {@link io.ion.sentiment.SentimentResult}: the contract other
 *       stages code against.</li>
 *   <li>{@link io.ion.sentiment.ClassifierSentimentScorer}: the default implementation ({@code sentiment.model:
 *       classifier}): {@link io.ion.sentiment.SentimentFeatures} read by the linear
 *       {@link io.ion.sentiment.SentimentModel} shipped in {@code sentiment/classifier-model.tsv.gz} (trained by
 *       {@code ./ion train sentiment}), {@link io.ion.sentiment.LanguageDetection} for records without a language
 *       tag, a bounded result cache.</li>
 *   <li>{@link io.ion.sentiment.CoreNlpSentimentScorer}: CoreNLP's recursive model (RNTN) over shift-reduce parses
 *       ({@code sentiment.model: rntn}), about 50 times slower.</li>
 *   <li>{@link io.ion.sentiment.SocialTextNormalizer} and its tables in {@code src/main/resources/sentiment/}:
 *       {@code emoji-lexicon.tsv}, {@code slang-lexicon.tsv}, {@code elongation-words.txt},
 *       {@code complaint-cues.tsv}, {@code word-polarity.tsv}.</li>
 *   <li>{@link io.ion.sentiment.SheddingScorer}: adaptive, id-hash-based sampling for overload; what the Flink
 *       operator wraps the scorer in, with {@code sampleRate()} as its gauge.</li>
 *   <li>The tools ({@code ion sentiment}, {@code ion bench sentiment}, {@code ion train sentiment}) live in
 *       {@code io.ion.local.sentiment}.</li>
 * </ul>
 */
package io.ion.sentiment;
