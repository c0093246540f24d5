package kyodo.fund.books;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A designation in JSON is its text form, the one a client sends: never an empty object. */
class DesignationJsonTest {
    private final JsonMapper json = JsonMapper.builder().build();

    record Holder(Designation designation) {
    }

    @Test
    void everyDesignationIsWrittenAsItsTextForm() {
        for (String text : new String[] {"general", "field:children", "group:12"}) {
            Designation designation = Designation.parse(text).orElseThrow();
            assertThat(json.writeValueAsString(designation)).isEqualTo("\"" + text + "\"");
            assertThat(json.writeValueAsString(new Holder(designation))).isEqualTo("{\"designation\":\"" + text
                    + "\"}");
        }
    }
}
