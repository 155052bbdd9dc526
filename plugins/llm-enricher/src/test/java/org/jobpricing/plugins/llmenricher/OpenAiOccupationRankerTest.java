package org.jobpricing.plugins.llmenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.WriterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Re-ranking against a local fake OpenAI-compatible server: a new order with the model's scores and
 * reasons, invented codes dropped, left-out candidates kept, and every failure as a {@link WriterException}.
 */
class OpenAiOccupationRankerTest {

    static final List<OccupationMatch> OFFLINE = List.of(
            new OccupationMatch("15-1252.00", "Software Developers", 0.81, "title \"Developer\""),
            new OccupationMatch("15-1211.00", "Computer Systems Analysts", 0.64, "title \"Systems Analyst\""),
            new OccupationMatch("15-2051.00", "Data Scientists", 0.52, "title \"Data Scientist\""));

    final FakeOpenAi fake = new FakeOpenAi();
    final OpenAiOccupationRanker ranker = new OpenAiOccupationRanker();

    @AfterEach
    void stop() {
        fake.close();
    }

    List<OccupationMatch> rank(String... extra) throws WriterException {
        String[] config = new String[extra.length + 2];
        config[0] = "rerank";
        config[1] = "true";
        System.arraycopy(extra, 0, config, 2, extra.length);
        return ranker.rank(fake.context(config), "ML Engineer", "Train models in Python and ship them.", OFFLINE);
    }

    @Test
    void theModelsRankingReordersTheCandidates() throws Exception {
        fake.body = FakeOpenAi.completion("""
                {"ranking": [
                  {"code": "15-1252.00", "score": 0.55, "reason": "builds software"},
                  {"code": "15-2051.00", "score": 0.93, "reason": "trains models"},
                  {"code": "15-1211.00", "score": 0.2, "reason": "not an analyst role"}]}""");

        List<OccupationMatch> ranked = rank();

        assertThat(ranked)
                .extracting(
                        OccupationMatch::code, OccupationMatch::title, OccupationMatch::score, OccupationMatch::reason)
                .containsExactly(
                        tuple("15-2051.00", "Data Scientists", 0.93, "trains models"),
                        tuple("15-1252.00", "Software Developers", 0.55, "builds software"),
                        tuple("15-1211.00", "Computer Systems Analysts", 0.2, "not an analyst role"));
        assertThat(fake.requests).singleElement().satisfies(r -> assertThat(r).contains("\"test-model\""));
        assertThat(FakeOpenAi.prompt(fake.requests.get(0)))
                .contains(
                        "ML Engineer",
                        "Train models in Python",
                        "- 15-1252.00: Software Developers",
                        "- 15-1211.00: Computer Systems Analysts",
                        "- 15-2051.00: Data Scientists",
                        "{\"ranking\":[");
        assertThat(fake.authorizations).containsExactly("Bearer sk-test-secret");
    }

    @Test
    void inventedCodesAreDroppedAndLeftOutCandidatesFollowInTheirOfflineOrder() throws Exception {
        fake.body = FakeOpenAi.completion("""
                ```json
                {"ranking": [
                  {"code": "15-2099.01", "score": 0.99, "reason": "an occupation nobody offered"},
                  {"code": "15-2051", "score": "0.7", "reason": "trains models"},
                  {"code": "15-2051.00", "score": 0.1, "reason": "a second opinion on the same code"}]}
                ```""");

        List<OccupationMatch> ranked = rank();

        assertThat(ranked)
                .extracting(OccupationMatch::code, OccupationMatch::score, OccupationMatch::reason)
                .containsExactly(
                        tuple("15-2051.00", 0.7, "trains models"),
                        tuple("15-1252.00", 0.7, "not ranked by the language model; offline: title \"Developer\""),
                        tuple(
                                "15-1211.00",
                                0.64,
                                "not ranked by the language model; offline: title \"Systems Analyst\""));
    }

    @Test
    void scoresOutsideZeroToOneAreClamped() throws Exception {
        fake.body = FakeOpenAi.completion("{\"ranking\":[{\"code\":\"15-1211.00\",\"score\":7,\"reason\":\"\"},"
                + "{\"code\":\"15-1252.00\",\"score\":-1}]}");

        assertThat(rank())
                .extracting(OccupationMatch::code, OccupationMatch::score, OccupationMatch::reason)
                .containsExactly(
                        tuple("15-1211.00", 1.0, "ranked by the language model"),
                        tuple("15-1252.00", 0.0, "ranked by the language model"),
                        tuple(
                                "15-2051.00",
                                0.0,
                                "not ranked by the language model; offline: title \"Data Scientist\""));
    }

    @Test
    void anAnswerThatIsNotTheJsonRankingIsABadResponse() {
        fake.body = FakeOpenAi.completion("I would pick Data Scientists, then Software Developers.");
        assertThatThrownBy(this::rank)
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE));

        fake.body = FakeOpenAi.completion("{\"ranking\": [{\"code\": \"15-2051.00\", \"score\": 0.9");
        assertThatThrownBy(this::rank)
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE));

        fake.body = FakeOpenAi.completion("{\"ranking\": [{\"code\": \"99-9999.00\", \"score\": 0.9}]}");
        assertThatThrownBy(this::rank).isInstanceOfSatisfying(WriterException.class, e -> {
            assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("none of the candidate");
        });

        fake.body = "{\"choices\": [ this is not json";
        assertThatThrownBy(this::rank)
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE));
        assertThat(fake.requests).hasSize(4);
    }

    @Test
    void aSlowProviderTimesOut() {
        fake.body = FakeOpenAi.completion("{\"ranking\": []}");
        fake.delayMillis = 4_000;

        assertThatThrownBy(() -> rank("timeoutSeconds", "1"))
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.TIMEOUT));
    }

    @Test
    void aRefusedKeyIsUnauthorizedWithoutTheKeyInTheMessage() {
        fake.status = 401;
        fake.body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-secret\"}}";

        assertThatThrownBy(this::rank).isInstanceOfSatisfying(WriterException.class, e -> {
            assertThat(e.kind()).isEqualTo(WriterException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).doesNotContain("sk-test-secret");
        });
    }

    @Test
    void aFailingProviderIsUnavailable() {
        fake.status = 500;
        fake.body = "{\"error\":{\"message\":\"overloaded\"}}";

        assertThatThrownBy(this::rank)
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.UNAVAILABLE));
    }

    @Test
    void withoutRerankTrueItIsNotConfiguredAndCallsNobody() {
        fake.body = FakeOpenAi.completion("{\"ranking\": []}");

        assertThatThrownBy(() -> ranker.rank(fake.context(), "ML Engineer", null, OFFLINE))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("rerank", "LLM_RERANK");
                });
        assertThatThrownBy(() -> ranker.rank(fake.context("rerank", "false"), "ML Engineer", null, OFFLINE))
                .isInstanceOfSatisfying(
                        WriterException.class,
                        e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.NOT_CONFIGURED));
        assertThatThrownBy(
                        () -> ranker.rank(fake.context("rerank", "true", "baseUrl", ""), "ML Engineer", null, OFFLINE))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("baseUrl");
                });
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void oneCandidateNeedsNoModel() throws Exception {
        List<OccupationMatch> single = List.of(OFFLINE.get(0));

        assertThat(ranker.rank(fake.context("rerank", "true"), "Developer", null, single))
                .isEqualTo(single);
        assertThat(fake.requests).isEmpty();
    }
}
