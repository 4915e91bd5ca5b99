package io.ion.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

    /** 2026-06-01T12:00:00Z: the parser's "now" in every test. */
    static final long NOW = 1_780_315_200_000L;
    static final long HOUR = 3_600_000L;

    private final EventParser parser = new EventParser(10_000, 1024 * 1024, 24 * HOUR, () -> NOW);

    // ---- helpers ---------------------------------------------------------------------------------------

    static ObjectNode validPost() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("post_id", "p-1");
        node.put("platform", "Instagram");
        node.put("influencer_id", "inf-7");
        node.put("handle", "@jane");
        node.put("followers", 12_345);
        node.put("created_at", "2026-05-31T10:00:00Z");
        node.put("text", "Loving my new ride #LyftUp @lyft");
        return node;
    }

    static ObjectNode validComment() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("comment_id", "c-1");
        node.put("post_id", "p-1");
        node.put("platform", "tiktok");
        node.put("author", "fan42");
        node.put("created_at", "2026-05-31T10:05:00Z");
        node.put("text", "so cool");
        return node;
    }

    static ObjectNode validSnapshot() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("post_id", "p-1");
        node.put("platform", "tiktok");
        node.put("observed_at", "2026-05-31T11:00:00Z");
        node.put("likes", 10);
        node.put("views", 200);
        return node;
    }

    static RawRecord raw(byte[] value) {
        return new RawRecord("ion.posts", 3, 1234L, 0L, null, value);
    }

    static RawRecord raw(String value) {
        return raw(value.getBytes(StandardCharsets.UTF_8));
    }

    static RawRecord raw(ObjectNode node) {
        return raw(node.toString());
    }

    private Post acceptedPost(ObjectNode node) {
        Parsed<Post> parsed = parser.parsePost(raw(node));
        assertThat(parsed.deadLetter()).as("dead letter").isNull();
        assertThat(parsed.isOk()).isTrue();
        return parsed.value();
    }

    private DeadLetter rejectedPost(RawRecord raw) {
        Parsed<Post> parsed = parser.parsePost(raw);
        assertThat(parsed.isOk()).as("accepted %s", parsed.value()).isFalse();
        assertThat(parsed.deadLetter()).isNotNull();
        return parsed.deadLetter();
    }

    private DeadLetter rejectedPost(ObjectNode node) {
        return rejectedPost(raw(node));
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    // ---- accepted forms ----------------------------------------------------------------------------------

    @Test
    void acceptsAValidPostAndReadsEveryField() {
        ObjectNode node = validPost();
        node.put("lang", "en");
        node.put("url", "https://example.com/p/1");
        node.put("campaign_id", "cmp-1");

        Post post = acceptedPost(node);

        assertThat(post.postId()).isEqualTo("p-1");
        assertThat(post.platform()).isEqualTo("instagram"); // lower-cased
        assertThat(post.influencerId()).isEqualTo("inf-7");
        assertThat(post.handle()).isEqualTo("@jane");
        assertThat(post.followers()).isEqualTo(12_345L);
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-05-31T10:00:00Z"));
        assertThat(post.text()).isEqualTo("Loving my new ride #LyftUp @lyft");
        assertThat(post.lang()).isEqualTo("en");
        assertThat(post.url()).isEqualTo("https://example.com/p/1");
        assertThat(post.campaignId()).isEqualTo("cmp-1");
        assertThat(post.source()).isEqualTo(new SourcePosition("ion.posts", 3, 1234L));
    }

    @Test
    void optionalFieldsAreNullWhenAbsentOrNull() {
        ObjectNode node = validPost();
        node.putNull("lang");
        Post post = acceptedPost(node);
        assertThat(post.lang()).isNull();
        assertThat(post.url()).isNull();
        assertThat(post.campaignId()).isNull();
    }

    @Test
    void acceptsIsoTimeWithNumericOffset() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-05-31T09:30:00+02:00");
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-05-31T07:30:00Z"));
    }

    @Test
    void acceptsIsoTimeWithNegativeOffsetAndFraction() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-05-30T22:15:30.250-05:00");
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-05-31T03:15:30.250Z"));
    }

    @Test
    void acceptsIsoTimeInUtcWithZ() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-05-31T07:30:00Z");
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-05-31T07:30:00Z"));
    }

    @Test
    void acceptsEpochMilliseconds() {
        ObjectNode node = validPost();
        node.put("created_at", 1_780_212_600_000L); // 2026-05-31T07:30:00Z
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-05-31T07:30:00Z"));
    }

    @Test
    void ignoresUnknownFields() {
        ObjectNode node = validPost();
        node.put("brand_new_field", "whatever");
        node.putObject("nested_unknown").putArray("list").add(1).add("two");
        Post post = acceptedPost(node);
        assertThat(post.postId()).isEqualTo("p-1");
    }

    @Test
    void acceptsTextOfExactlyTheLimit() {
        ObjectNode node = validPost();
        node.put("text", repeat('a', 10_000));
        assertThat(acceptedPost(node).text()).hasSize(10_000);
    }

    @Test
    void acceptsATimestampAnHourAhead() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-06-01T13:00:00Z");
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-06-01T13:00:00Z"));
    }

    @Test
    void acceptsATimestampExactlyADayAhead() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-06-02T12:00:00Z");
        assertThat(acceptedPost(node).createdAt()).isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
    }

    @Test
    void acceptsARecordOfExactlyOneMebibyte() {
        ObjectNode node = validPost();
        node.put("padding", "");
        int base = node.toString().getBytes(StandardCharsets.UTF_8).length;
        node.put("padding", repeat('x', 1024 * 1024 - base));
        byte[] bytes = node.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(1024 * 1024);
        assertThat(parser.parsePost(raw(bytes)).isOk()).isTrue();
    }

    @Test
    void acceptsZeroFollowers() {
        ObjectNode node = validPost();
        node.put("followers", 0);
        assertThat(acceptedPost(node).followers()).isZero();
    }

    // ---- rejections ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"post_id", "platform", "influencer_id", "handle", "followers", "created_at", "text"})
    void rejectsAPostMissingARequiredField(String field) {
        ObjectNode node = validPost();
        node.remove(field);
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("missing_field");
        assertThat(dl.error()).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"post_id", "followers", "created_at", "text"})
    void rejectsARequiredFieldThatIsNull(String field) {
        ObjectNode node = validPost();
        node.putNull(field);
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("missing_field");
        assertThat(dl.error()).contains(field);
    }

    @Test
    void rejectsANumberWhereAStringIsExpected() {
        ObjectNode node = validPost();
        node.put("post_id", 42);
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("wrong_type");
        assertThat(dl.error()).contains("post_id").contains("string");
    }

    @Test
    void rejectsAnArrayAsText() {
        ObjectNode node = validPost();
        node.putArray("text").add("a");
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("wrong_type");
    }

    @Test
    void rejectsAStringCounter() {
        ObjectNode node = validPost();
        node.put("followers", "1000");
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("wrong_type");
        assertThat(dl.error()).contains("followers").contains("whole number");
    }

    @Test
    void rejectsAFractionalCounter() {
        ObjectNode node = validPost();
        node.put("followers", 12.5);
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("wrong_type");
    }

    @Test
    void rejectsABooleanTimestamp() {
        ObjectNode node = validPost();
        node.put("created_at", true);
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("wrong_type");
    }

    @Test
    void rejectsABlankId() {
        ObjectNode node = validPost();
        node.put("influencer_id", "   ");
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("invalid_value");
        assertThat(dl.error()).contains("influencer_id");
    }

    @Test
    void rejectsAnIdLongerThan256Characters() {
        ObjectNode node = validPost();
        node.put("post_id", repeat('p', 257));
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("invalid_value");
        node.put("post_id", repeat('p', 256));
        assertThat(acceptedPost(node).postId()).hasSize(256);
    }

    @Test
    void rejectsNegativeFollowers() {
        ObjectNode node = validPost();
        node.put("followers", -1);
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("out_of_range");
        assertThat(dl.error()).contains("negative");
    }

    @Test
    void rejectsACounterAboveATrillion() {
        ObjectNode node = validPost();
        node.put("followers", 1_000_000_000_001L);
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("out_of_range");
    }

    @Test
    void rejectsAHugeIntegerThatDoesNotFitALong() {
        DeadLetter dl = rejectedPost(raw(validPost().toString()
                .replace("12345", "123456789012345678901234567890")));
        assertThat(dl.reasonCode()).isEqualTo("out_of_range");
        assertThat(dl.error()).contains("123456789012345678901234567890");
    }

    @Test
    void rejectsANumberWithMoreThanAHundredDigits() {
        DeadLetter dl = rejectedPost(raw(validPost().toString().replace("12345", "9".repeat(150))));
        assertThat(dl.reasonCode()).isEqualTo("invalid_json");
    }

    @Test
    void rejectsAHugeExponent() {
        DeadLetter dl = rejectedPost(raw(validPost().toString().replace("12345", "1e400")));
        assertThat(dl.reasonCode()).isEqualTo("wrong_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void rejectsNonNumericNumbers(String literal) {
        DeadLetter dl = rejectedPost(raw(validPost().toString().replace("12345", literal)));
        assertThat(dl.reasonCode()).isEqualTo("invalid_json");
    }

    @Test
    void rejectsTextOneCharacterOverTheLimit() {
        ObjectNode node = validPost();
        node.put("text", repeat('a', 10_001));
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("text_too_long");
        assertThat(dl.error()).contains("10001").contains("10000");
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() {
        // an emoji is one character but two Java chars (a surrogate pair)
        String emoji = "\uD83D\uDE97"; // U+1F697 ONCOMING AUTOMOBILE
        ObjectNode node = validPost();
        node.put("text", emoji.repeat(10_000));
        assertThat(acceptedPost(node).text()).hasSize(20_000);

        node.put("text", emoji.repeat(10_001));
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("text_too_long");
        assertThat(dl.error()).contains("10001");
    }

    @Test
    void rejectsADuplicateField() {
        // which of the two values would count is up to the parser: an ambiguous record is not accepted
        String json = validPost().toString().replaceFirst("\\{", "{\"followers\":1,");
        DeadLetter dl = rejectedPost(raw(json));
        assertThat(dl.reasonCode()).isEqualTo("invalid_json");
        assertThat(dl.error()).contains("followers");
    }

    @Test
    void rejectsARecordOneByteOverOneMebibyte() {
        ObjectNode node = validPost();
        node.put("padding", "");
        int base = node.toString().getBytes(StandardCharsets.UTF_8).length;
        node.put("padding", repeat('x', 1024 * 1024 + 1 - base));
        byte[] bytes = node.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(1024 * 1024 + 1);

        DeadLetter dl = rejectedPost(raw(bytes));
        assertThat(dl.reasonCode()).isEqualTo("record_too_large");
        assertThat(dl.error()).contains("1048577").contains("1048576");
        // The whole payload would not fit on the dead-letter topic: its beginning does (the offset finds the rest).
        assertThat(dl.payload()).isEqualTo(new String(bytes, 0, 128 * 1024, StandardCharsets.UTF_8));
    }

    @Test
    void rejectsInvalidUtf8AndKeepsThePayloadAsBase64() {
        byte[] prefix = "{\"post_id\":\"p-1\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3; // a lead byte ...
        bytes[prefix.length + 1] = (byte) 0x28; // ... followed by a non-continuation byte
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';

        DeadLetter dl = rejectedPost(raw(bytes));

        assertThat(dl.reasonCode()).isEqualTo("invalid_utf8");
        assertThat(dl.payloadEncoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(dl.payload())).isEqualTo(bytes);
    }

    @Test
    void rejectsTruncatedJson() {
        String full = validPost().toString();
        DeadLetter dl = rejectedPost(raw(full.substring(0, full.length() / 2)));
        assertThat(dl.reasonCode()).isEqualTo("invalid_json");
        assertThat(dl.error()).startsWith("not valid JSON");
    }

    @Test
    void rejectsBrokenJson() {
        assertThat(rejectedPost(raw("{\"post_id\": }")).reasonCode()).isEqualTo("invalid_json");
        assertThat(rejectedPost(raw("{post_id: \"p-1\"}")).reasonCode()).isEqualTo("invalid_json");
    }

    @Test
    void rejectsTrailingContentAfterTheObject() {
        // Two records glued together, or a half-written second one: accepting the first would silently drop the rest.
        String valid = validPost().toString();
        assertThat(rejectedPost(raw(valid + "{\"post_id\":\"p-2\"")).reasonCode()).isEqualTo("invalid_json");
        assertThat(rejectedPost(raw(valid + " garbage")).reasonCode()).isEqualTo("invalid_json");
    }

    @Test
    void acceptsTrailingWhitespace() {
        assertThat(parser.parsePost(raw(validPost().toString() + " \n")).isOk()).isTrue();
    }

    @Test
    void rejectsDeeplyNestedJson() {
        // 40 levels inside an unknown field: still rejected, nesting is checked while reading.
        String nested = "[".repeat(40) + "]".repeat(40);
        String json = validPost().toString().replaceFirst("\\{", "{\"deep\":" + nested + ",");
        DeadLetter dl = rejectedPost(raw(json));
        assertThat(dl.reasonCode()).isEqualTo("invalid_json");
        assertThat(dl.error()).containsIgnoringCase("nesting depth");
    }

    @Test
    void acceptsModestNestingInAnUnknownField() {
        String nested = "[".repeat(10) + "]".repeat(10);
        String json = validPost().toString().replaceFirst("\\{", "{\"deep\":" + nested + ",");
        assertThat(parser.parsePost(raw(json)).isOk()).isTrue();
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        DeadLetter array = rejectedPost(raw("[1,2,3]"));
        assertThat(array.reasonCode()).isEqualTo("not_an_object");
        assertThat(array.error()).contains("array");
        assertThat(rejectedPost(raw("\"just a string\"")).reasonCode()).isEqualTo("not_an_object");
        assertThat(rejectedPost(raw("")).reasonCode()).isEqualTo("not_an_object");
    }

    @Test
    void rejectsARecordWithoutValue() {
        DeadLetter dl = rejectedPost(raw((byte[]) null));
        assertThat(dl.reasonCode()).isEqualTo("empty_record");
        assertThat(dl.payload()).isEmpty();
        assertThat(dl.payloadEncoding()).isEqualTo("utf-8");
    }

    @Test
    void rejectsAnIsoTimeWithoutOffset() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-05-31T10:00:00");
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("invalid_timestamp");
        assertThat(dl.error()).contains("created_at").contains("2026-05-31T10:00:00");
    }

    @Test
    void rejectsAnUnparseableTime() {
        ObjectNode node = validPost();
        node.put("created_at", "yesterday");
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("invalid_timestamp");
    }

    @Test
    void rejectsATimestampMoreThanADayAhead() {
        ObjectNode node = validPost();
        node.put("created_at", "2026-06-02T12:00:00.001Z");
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("timestamp_in_future");
        assertThat(dl.error()).contains("24 h");
    }

    @Test
    void rejectsAnEpochTimestampMoreThanADayAhead() {
        ObjectNode node = validPost();
        node.put("created_at", NOW + 25 * HOUR);
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("timestamp_in_future");
    }

    @Test
    void rejectsATimestampInTheFarPast() {
        ObjectNode node = validPost();
        node.put("created_at", "1999-12-31T23:59:59Z");
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("timestamp_out_of_range");
    }

    @Test
    void rejectsEpochSecondsMistakenForMilliseconds() {
        ObjectNode node = validPost();
        node.put("created_at", 1_780_212_600L); // seconds: 1970-01-21 as milliseconds
        DeadLetter dl = rejectedPost(node);
        assertThat(dl.reasonCode()).isEqualTo("timestamp_out_of_range");
        assertThat(dl.error()).contains("seconds instead of milliseconds");
    }

    @Test
    void rejectsAnIsoTimeBeyondTheEpochMillisecondRange() {
        // A valid ISO-8601 instant whose epoch milliseconds overflow a long must be a dead letter, not an exception.
        ObjectNode node = validPost();
        node.put("created_at", "+999999999-12-31T23:59:59Z");
        assertThat(rejectedPost(node).reasonCode()).isEqualTo("timestamp_in_future");
    }

    @Test
    void rejectsAnEpochTimestampTooLargeForALong() {
        DeadLetter dl = rejectedPost(raw(validPost().toString()
                .replace("\"2026-05-31T10:00:00Z\"", "99999999999999999999999")));
        assertThat(dl.reasonCode()).isEqualTo("timestamp_out_of_range");
    }

    // ---- the dead letter itself ------------------------------------------------------------------------

    @Test
    void aDeadLetterCarriesSourceReasonErrorTimeAndOriginalPayload() {
        ObjectNode node = validPost();
        node.put("followers", -5);
        String payload = node.toString();

        DeadLetter dl = rejectedPost(new RawRecord("ion.posts", 7, 99_001L, 0L, null,
                payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(dl.sourceTopic()).isEqualTo("ion.posts");
        assertThat(dl.partition()).isEqualTo(7);
        assertThat(dl.offset()).isEqualTo(99_001L);
        assertThat(dl.reasonCode()).isEqualTo("out_of_range");
        assertThat(dl.error()).isEqualTo("followers must not be negative: -5");
        assertThat(dl.at()).isEqualTo(Instant.ofEpochMilli(NOW));
        assertThat(dl.payload()).isEqualTo(payload);
        assertThat(dl.payloadEncoding()).isEqualTo("utf-8");
    }

    @Test
    void deadLetterJsonHasEveryField() throws Exception {
        DeadLetter dl = new DeadLetter("ion.posts", 1, 2L, "invalid_json", "not valid JSON: x",
                Instant.parse("2026-06-01T12:00:00Z"), "{oops", "utf-8");
        var json = Json.MAPPER.readTree(DeadLetters.toJson(dl));
        assertThat(json.get("source_topic").asText()).isEqualTo("ion.posts");
        assertThat(json.get("partition").asInt()).isEqualTo(1);
        assertThat(json.get("offset").asLong()).isEqualTo(2L);
        assertThat(json.get("reason").asText()).isEqualTo("invalid_json");
        assertThat(json.get("error").asText()).isEqualTo("not valid JSON: x");
        assertThat(json.get("at").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(json.get("payload").asText()).isEqualTo("{oops");
        assertThat(json.get("payload_encoding").asText()).isEqualTo("utf-8");
        assertThat(new String(DeadLetters.toRecord("ion.deadletter", dl).key(), StandardCharsets.UTF_8))
                .isEqualTo("ion.posts/1/2");
    }

    @Test
    void deadLettersOfHugeRecordsStayWellBelowKafkasRecordLimit() throws Exception {
        byte[] huge = ("{\"text\":\"" + "é".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        DeadLetter text = parser.parsePost(raw(huge)).deadLetter();
        assertThat(text.reasonCode()).isEqualTo("record_too_large");
        assertThat(text.payloadEncoding()).isEqualTo("utf-8"); // cut between characters, never inside one
        assertThat(text.payload().getBytes(StandardCharsets.UTF_8).length).isBetween(128 * 1024 - 3, 128 * 1024);
        assertThat(text.error()).contains("payload cut to its first 131072 of " + huge.length + " bytes");

        byte[] binary = new byte[1_100_000];
        java.util.Arrays.fill(binary, (byte) 0xFF);
        DeadLetter base64 = parser.parsePost(raw(binary)).deadLetter();
        assertThat(base64.payloadEncoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(base64.payload())).hasSize(128 * 1024);
        assertThat(DeadLetters.toRecord("ion.deadletter", base64).value().length).isLessThan(1024 * 1024);
    }

    // ---- platform names ----------------------------------------------------------------------------------

    @Test
    void lowerCasesThePlatformIndependentlyOfTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // Turkish: "I".toLowerCase() is a dotless 'ı'
            ObjectNode node = validPost();
            node.put("platform", "INSTAGRAM");
            assertThat(acceptedPost(node).platform()).isEqualTo("instagram");
        } finally {
            Locale.setDefault(before);
        }
    }

    // ---- comments ------------------------------------------------------------------------------------------

    @Test
    void acceptsAValidComment() {
        Parsed<Comment> parsed = parser.parseComment(raw(validComment()));
        assertThat(parsed.isOk()).isTrue();
        Comment c = parsed.value();
        assertThat(c.commentId()).isEqualTo("c-1");
        assertThat(c.postId()).isEqualTo("p-1");
        assertThat(c.platform()).isEqualTo("tiktok");
        assertThat(c.author()).isEqualTo("fan42");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-05-31T10:05:00Z"));
        assertThat(c.text()).isEqualTo("so cool");
        assertThat(c.lang()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment_id", "post_id", "platform", "author", "created_at", "text"})
    void rejectsACommentMissingARequiredField(String field) {
        ObjectNode node = validComment();
        node.remove(field);
        Parsed<Comment> parsed = parser.parseComment(raw(node));
        assertThat(parsed.isOk()).isFalse();
        assertThat(parsed.deadLetter().reasonCode()).isEqualTo("missing_field");
        assertThat(parsed.deadLetter().error()).contains(field);
    }

    @Test
    void rejectsACommentTextOverTheLimit() {
        ObjectNode node = validComment();
        node.put("text", repeat('b', 10_001));
        assertThat(parser.parseComment(raw(node)).deadLetter().reasonCode()).isEqualTo("text_too_long");
        node.put("text", repeat('b', 10_000));
        assertThat(parser.parseComment(raw(node)).isOk()).isTrue();
    }

    // ---- engagement snapshots ------------------------------------------------------------------------------

    @Test
    void acceptsASnapshotWithSomeCountersAbsent() {
        Parsed<EngagementSnapshot> parsed = parser.parseEngagement(raw(validSnapshot()));
        assertThat(parsed.isOk()).isTrue();
        EngagementSnapshot s = parsed.value();
        assertThat(s.observedAt()).isEqualTo(Instant.parse("2026-05-31T11:00:00Z"));
        assertThat(s.likes()).isEqualTo(10L);
        assertThat(s.views()).isEqualTo(200L);
        assertThat(s.comments()).isNull(); // not reported is not zero
        assertThat(s.shares()).isNull();
        assertThat(s.saves()).isNull();
        assertThat(s.impressions()).isNull();
        assertThat(s.reach()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"likes", "comments", "shares", "saves", "views", "impressions", "reach"})
    void rejectsANegativeSnapshotCounter(String counter) {
        ObjectNode node = validSnapshot();
        node.put(counter, -3);
        DeadLetter dl = parser.parseEngagement(raw(node)).deadLetter();
        assertThat(dl).isNotNull();
        assertThat(dl.reasonCode()).isEqualTo("out_of_range");
        assertThat(dl.error()).contains(counter);
    }

    @Test
    void rejectsASnapshotWithoutObservedAt() {
        ObjectNode node = validSnapshot();
        node.remove("observed_at");
        DeadLetter dl = parser.parseEngagement(raw(node)).deadLetter();
        assertThat(dl.reasonCode()).isEqualTo("missing_field");
        assertThat(dl.error()).contains("observed_at");
    }

    @Test
    void rejectsASnapshotCounterGivenAsAString() {
        ObjectNode node = validSnapshot();
        node.put("likes", "10");
        assertThat(parser.parseEngagement(raw(node)).deadLetter().reasonCode()).isEqualTo("wrong_type");
    }
}
