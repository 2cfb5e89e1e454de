package dev.osmosis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewKeys;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the detector says of each real project of the corpus. All are documented in English (fusion_orders too
 * thinly to say), so none gets a language instruction, and almost no description votes for another language.
 */
class CorpusLanguageTest {
    @ParameterizedTest(name = "{0}: {1} ({2} of {3} descriptions)")
    @CsvSource(nullValues = "-", value = {
            "ethereum_models, English, 204, 204, 209",
            "jaffle_shop_classic, English, 19, 19, 19",
            "shopverse, English, 32, 32, 33",
            "snowplow_web, English, 180, 181, 253",
            "wmcsrp2, English, 1399, 1399, 1458",
            "fusion_orders, -, 2, 2, 3",
            "mesh_upstream, English, 23, 23, 28",
            "mesh_downstream, English, 10, 10, 13",
            "fivetran_salesforce, English, 542, 543, 562"})
    void detectsTheLanguageOfEveryCorpusProject(String name, String language, int agreeing, int voting, int texts) {
        Project project = ProjectDocs.load(TestProjects.corpus(name));
        Set<String> descriptions = ProjectDescriptions.of(project, ProjectDocs.read(project).docs(),
                PlaceholderSettings.from(project.config()), ReviewKeys.from(project.config()));
        LanguageDetector.Result r = new LanguageDetector().detect(descriptions);
        assertEquals(language, r.language(), r.toString());
        assertEquals(agreeing, r.agreeing(), r.toString());
        assertEquals(voting, r.voting(), r.toString());
        assertEquals(texts, r.texts(), r.toString());
        LanguageChoice choice = PromptLanguage.choose(null, "", () -> descriptions);
        assertFalse(choice.asks(), choice.announcement());
        assertTrue(choice.reason().contains(language == null ? "too little text" : "in English"), choice.reason());
    }
}
