package kyodo.fund.directory;

import com.fasterxml.jackson.annotation.JsonValue;

public record GroupId(@JsonValue long value) {
}
