package kyodo.fund.grant;

import com.fasterxml.jackson.annotation.JsonValue;

public record AwardId(@JsonValue long value) {
}
