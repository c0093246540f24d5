package kyodo.fund;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiTest extends FundWebTest {
    @Test
    void theFundsApiIsDescribedAsOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"openapi\":\"3.")))
                .andExpect(content().string(containsString("/api/fund/donations/{id}/receipt.pdf")))
                .andExpect(content().string(containsString("/api/fund/disbursements/{id}/approve")));
    }
}
