package kyodo.fund.grant;

import com.fasterxml.jackson.annotation.JsonValue;

public record DisbursementId(@JsonValue long value) {
}
