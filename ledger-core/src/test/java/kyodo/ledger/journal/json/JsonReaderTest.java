package kyodo.ledger.journal.json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {
    @Test
    void readsWhatTheWriterWrites() throws Exception {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject().field("memo", "寄附 \"quoted\" \\ \n\t\u0001").field("n", -42)
                .field("none", (String) null).name("list").beginArray().value(1).value("a").endArray().endObject();
        Map<String, Object> read = JsonReader.parseObject(out.toString());
        assertThat(read).containsEntry("memo", "寄附 \"quoted\" \\ \n\t\u0001").containsEntry("n", -42L)
                .containsEntry("none", null).containsEntry("list", List.of(1L, "a"));
    }

    @Test
    void refusesWhatIsNotStrictJsonWithThePlace() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}")).hasMessageContaining("character");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1.5}")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":01}")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":99999999999999999999}")).hasMessageContaining("64 bits");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(100))).hasMessageContaining("deeper");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":\"x")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessageContaining("after");
    }

    @Test
    void metadataMayHoldAnyJsonObjectThatCanBeStoredAsItIs() {
        for (String object : List.of("{}", " {\"a\":1.5e-3,\"b\":[true,false,null],\"c\":{\"d\":\"協働\"}} ",
                "{\"a\":1,\"a\":2}", "{\"n\":-0.25E+2,\"big\":99999999999999999999}", "{\"pair\":\"\ud83d\ude00\"}")) {
            assertThat(JsonReader.isObject(object)).as(object).isTrue();
        }
        for (String refused : List.of("", "[1]", "1", "{not json", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}",
                "{\"a\":1e}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"x\ud800y\"}", "{} {}",
                "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")) {
            assertThat(JsonReader.isObject(refused)).as(refused).isFalse();
        }
    }
}
