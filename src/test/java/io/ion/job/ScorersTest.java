package io.ion.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ion.config.IonConfig;
import io.ion.sentiment.ClassifierSentimentScorer;
import io.ion.sentiment.SentimentResult;
import org.junit.jupiter.api.Test;

class ScorersTest {

    @Test
    void theClassifierIsTheDefault() {
        IonConfig.Sentiment config = IonConfig.defaults().sentiment;
        assertThat(config.model).isEqualTo(IonConfig.Sentiment.MODEL_CLASSIFIER);
        assertThat(Scorers.fromConfig(config).create()).isInstanceOf(ClassifierSentimentScorer.class);
    }

    @Test
    void anUnknownModelIsAConfigurationError() {
        IonConfig.Sentiment config = IonConfig.defaults().sentiment;
        config.model = "bert";
        assertThatThrownBy(() -> Scorers.fromConfig(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classifier or rntn");
    }

    @Test
    void disabledSentimentScoresNothing() {
        IonConfig.Sentiment config = IonConfig.defaults().sentiment;
        config.enabled = false;
        assertThat(Scorers.fromConfig(config).create().score("love it", "en").status())
                .isEqualTo(SentimentResult.DISABLED);
    }
}
