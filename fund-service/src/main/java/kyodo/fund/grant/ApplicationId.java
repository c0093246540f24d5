package kyodo.fund.grant;

import com.fasterxml.jackson.annotation.JsonValue;

public record ApplicationId(@JsonValue long value) {
}
