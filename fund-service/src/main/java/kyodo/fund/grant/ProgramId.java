package kyodo.fund.grant;

import com.fasterxml.jackson.annotation.JsonValue;

public record ProgramId(@JsonValue long value) {
}
