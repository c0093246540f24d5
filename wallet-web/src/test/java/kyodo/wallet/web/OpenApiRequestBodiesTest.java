package kyodo.wallet.web;

import kyodo.wallet.WalletWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * {@code /v3/api-docs} as a client reads it: for every operation with a request body, the schema it names is the
 * one its controller binds (same properties), and the example built from that schema (its documented examples,
 * else a value of each property's type) is read by the application's own strict JSON reader without complaint.
 * Fund operations are also posted signed out: their body is read before the fund's method security answers, so a
 * body that does not fit would be a 400 there.
 */
class OpenApiRequestBodiesTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyDocumentedRequestBodyIsTheOneItsControllerBindsAndItsExampleIsAccepted() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(request(org.springframework.http.HttpMethod.GET, "/v3/api-docs"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            MethodParameter body = bodyParameter(mapping.getValue());
            if (body == null) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    String where = method + " " + pattern;
                    JsonNode operation = docs.path("paths").path(pattern).path(method.name().toLowerCase());
                    JsonNode content = operation.path("requestBody").path("content");
                    if (content.isMissingNode() || content.isEmpty()) {
                        wrong.add(where + ": the document has no request body for it");
                        continue;
                    }
                    JsonNode schema = content.values().iterator().next().path("schema");
                    String ref = schema.path("$ref").asString("");
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    JsonNode component = schemas.path(name);
                    Set<String> documented = new TreeSet<>();
                    component.path("properties").propertyNames().forEach(documented::add);
                    Set<String> bound = properties(body.getParameterType());
                    if (!documented.equals(bound)) {
                        wrong.add(where + ": documents schema " + name + " " + documented + " but binds "
                                + body.getParameterType().getName() + " " + bound);
                        continue;
                    }
                    String example = json.writeValueAsString(example(component, schemas, 0));
                    try {
                        json.readValue(example, body.getParameterType());
                    } catch (RuntimeException e) {
                        wrong.add(where + ": the documented example " + example + " is refused: " + e.getMessage());
                        continue;
                    }
                    if (pattern.startsWith("/api/fund/")) {
                        int status = mvc.perform(request(method.asHttpMethod(), pattern.replaceAll("\\{[^}]+}", "1"))
                                .contentType("application/json").content(example).with(
                                        org.springframework.security.test.web.servlet.request
                                                .SecurityMockMvcRequestPostProcessors.csrf()))
                                .andReturn().getResponse().getStatus();
                        if (status == 400) {
                            wrong.add(where + ": posting the documented example " + example + " gives 400");
                        }
                    }
                    checked++;
                }
            }
        }
        System.out.printf("OpenAPI request bodies: %d operations checked, %d wrong%n", checked, wrong.size());
        assertThat(checked).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    private static MethodParameter bodyParameter(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter;
            }
        }
        return null;
    }

    /** What a JSON body of {@code type} holds: a record's components. */
    private static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        return names;
    }

    /** The schema's example, else one built from its properties: documented examples first, then their types. */
    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("$ref") && depth < 5) {
            String ref = schema.get("$ref").asString();
            return example(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "string" -> nodes.stringNode(switch (format) {
                case "date" -> "2026-04-01";
                case "date-time" -> "2026-04-01T00:00:00Z";
                default -> "example";
            });
            case "integer", "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(false);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.path("items"), schemas, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), schemas, depth + 1));
                }
                yield object;
            }
        };
    }
}
