package kyodo.wallet.home;

import java.util.List;

/**
 * What a signed-in person's home page shows: a few facts about them (a balance, today's sales), what waits for them,
 * and what they can do. Texts are message keys, so the page is in the person's language.
 *
 * @param facts   figures at a glance, already formatted
 * @param waiting what waits for this person, each a link to where it is done
 * @param cards   what this role can do, each a link
 */
public record Home(List<Fact> facts, List<Waiting> waiting, List<Card> cards) {
    public Home {
        facts = List.copyOf(facts);
        waiting = List.copyOf(waiting);
        cards = List.copyOf(cards);
    }

    /** A figure: {@code labelKey} (with its arguments, e.g. a group's name) names it; {@code value} is formatted. */
    public record Fact(String id, String labelKey, List<Object> labelArguments, String value) {
        public Fact {
            labelArguments = List.copyOf(labelArguments);
        }

        public Fact(String id, String labelKey, String value) {
            this(id, labelKey, List.of(), value);
        }

        /** The label's arguments as the template's message expression takes them. */
        public Object[] labelArgumentArray() {
            return labelArguments.toArray();
        }
    }

    /** Something to do: the text {@code textKey} with its arguments (counts, names, formatted amounts). */
    public record Waiting(String id, String href, String textKey, List<Object> arguments) {
        public Waiting {
            arguments = List.copyOf(arguments);
        }

        /** The arguments as the template's message expression takes them. */
        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** Something this role can do: where, its title and a line that says what it is for. */
    public record Card(String id, String href, String titleKey, String descriptionKey) {
    }
}
