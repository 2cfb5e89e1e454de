package dev.osmosis.testing;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.Map;

/**
 * Renders a description the way dbt does when it parses a project: as a Jinja template with {@code env_var},
 * {@code var} and {@code doc} in scope. Here they return a visible marker ("LEAKED env_var(X)") so a test sees
 * any expression that would have run; an unknown name or a syntax error fails the render, as it fails
 * {@code dbt parse}.
 */
public final class DbtJinja {
    private final Jinjava jinja;

    public DbtJinja() {
        jinja = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
        for (String fn : new String[] {"env_var", "var", "doc"}) {
            jinja.getGlobalContext().registerFunction(new ELFunctionDefinition("", fn, DbtJinja.class, fn,
                    String.class));
        }
    }

    /** The rendered text; throws when the template has an error (as dbt parse would fail). */
    public String render(String template) {
        RenderResult result = jinja.renderForResult(template, Map.of());
        if (!result.getErrors().isEmpty()) {
            throw new IllegalArgumentException("Jinja error in " + template + ": " + result.getErrors());
        }
        return result.getOutput();
    }

    public static String env_var(String name) {
        return "LEAKED env_var(" + name + ")";
    }

    public static String var(String name) {
        return "LEAKED var(" + name + ")";
    }

    public static String doc(String name) {
        return "DOC(" + name + ")";
    }
}
