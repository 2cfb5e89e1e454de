package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.osmosis.testing.DbtJinja;
import dev.osmosis.trust.UntrustedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model's text awaiting review flows down the DAG as dbt shows it in its parent: written neutralised this run
 * ({@code {{ '{' }}{ env_var('X') }}}), it is copied as it is, not neutralised once more (which would show the
 * child {@code {{ '{' }}{ env_var('X') }}} instead of the text, and grow with every forced rerun); an older
 * osmosis's live text is neutralised once.
 */
class PendingTextCarriedTest {
    private final DbtJinja dbt = new DbtJinja();

    @ParameterizedTest
    @ValueSource(strings = {"Customer key {{ env_var('SECRET') }}", "{{ broken", "{# c #} tail", "{{{ x }}}",
            "}} {{ reversed }} {", "{%- raw -%}{{ x }}{% endraw %}", "{{ '{' }} looks escaped", "{{{{ quad"})
    void aTextWrittenNeutralisedIsCopiedAsItIs(String answer) {
        String written = UntrustedText.filter(answer).text();
        String carried = ColumnInheritance.carried(pending(written));
        assertEquals(written, carried);
        assertEquals(answer, dbt.render(carried));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customer key {{ env_var('SECRET') }}", "{{{ x }}}", "a {{ '{' }}{{ var('y') }}"})
    void anOlderLiveTextIsNeutralisedOnce(String live) {
        String once = ColumnInheritance.carried(pending(live));
        assertFalse(UntrustedText.hasLiveJinja(once.replace(UntrustedText.LITERAL_BRACE, "")), once);
        assertEquals(once, ColumnInheritance.carried(pending(once)));
    }

    private static ColumnDocs pending(String text) {
        return new ColumnDocs("c", text, null, List.of(), Map.of("osmosis_generated", true), Map.of(), null);
    }
}
