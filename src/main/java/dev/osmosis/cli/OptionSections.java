package dev.osmosis.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option list of a command with many mixins, in sections by the mixin an option comes from (`yaml document` has
 * some 70 options; one flat list of 148 lines hid what belongs together). Options of no listed mixin (the
 * command's own, help) close the list under the last heading.
 */
final class OptionSections {
    private OptionSections() {
    }

    /**
     * @param sections heading to the mixin field names whose options it lists, in order; the last heading also
     *                 takes every option no mixin listed
     */
    static void install(CommandLine command, Map<String, List<String>> sections) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                help -> "");
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> render(help, sections));
    }

    private static String render(CommandLine.Help help, Map<String, List<String>> sections) {
        CommandSpec spec = help.commandSpec();
        Map<String, List<OptionSpec>> grouped = new LinkedHashMap<>();
        Set<String> placed = new java.util.HashSet<>();
        sections.forEach((heading, mixins) -> {
            List<OptionSpec> options = new ArrayList<>();
            for (String mixin : mixins) {
                CommandSpec m = spec.mixins().get(mixin);
                if (m != null) {
                    m.options().forEach(o -> {
                        OptionSpec own = spec.findOption(o.longestName());
                        if (own != null && placed.add(own.longestName())) {
                            options.add(own);
                        }
                    });
                }
            }
            grouped.put(heading, options);
        });
        String last = new ArrayList<>(sections.keySet()).get(sections.size() - 1);
        grouped.get(last).addAll(spec.options().stream().filter(o -> !placed.contains(o.longestName()))
                .collect(Collectors.toList()));
        StringBuilder out = new StringBuilder();
        grouped.forEach((heading, options) -> {
            List<OptionSpec> shown = options.stream().filter(o -> !o.hidden()).toList();
            if (!shown.isEmpty()) {
                out.append(String.format("%n%s:%n", heading));
                out.append(help.optionListExcludingGroups(shown, help.createDefaultLayout(), null,
                        help.parameterLabelRenderer()));
            }
        });
        return out.toString();
    }
}
