package kyodo.fund;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Calls to the fund's API as a given user with given roles, for tests. */
public record FundApi(MockMvc mvc) {
    public static RequestPostProcessor as(String userId, String... roles) {
        return user(userId).roles(roles);
    }

    public ResultActions post(RequestPostProcessor who, String path, String json) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(json == null ? "" : json);
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request);
    }

    public ResultActions get(RequestPostProcessor who, String path) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request);
    }

    /** POSTs and returns a number from the JSON answer (e.g. {@code $.id}). */
    public long postForId(RequestPostProcessor who, String path, String json, String jsonPath) throws Exception {
        String body = post(who, path, json).andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(body, jsonPath);
        return id.longValue();
    }
}
