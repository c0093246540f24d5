package kyodo.fund;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.util.EnumSet;
import java.util.Set;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Calls to the fund's API as a given user with given roles, for tests. */
public record FundApi(MockMvc mvc) {
    /**
     * Signed in as {@code username} with {@code roles}, as the host's sign-in would: the user exists (it is
     * registered on the first request, with the first role) and the authentication carries their id.
     */
    public static RequestPostProcessor as(String username, String... roles) {
        return request -> {
            TestPeople people = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext()).getBean(TestPeople.class);
            Set<Role> granted = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                granted.add(Role.valueOf(role));
            }
            UserId id = people.register(username, roles.length == 0 ? Role.RESIDENT : Role.valueOf(roles[0]));
            return user(username).authorities(new Actor(id, granted).authorities()).postProcessRequest(request);
        };
    }

    /** Registers {@code username} with {@code role} before they sign in: someone a program or form names. */
    public UserId register(String username, String role) {
        return mvc.getDispatcherServlet().getWebApplicationContext().getBean(TestPeople.class)
                .register(username, Role.valueOf(role));
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
