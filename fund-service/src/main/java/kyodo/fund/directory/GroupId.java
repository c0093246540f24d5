package kyodo.fund.directory;

public record GroupId(long value) {
}
