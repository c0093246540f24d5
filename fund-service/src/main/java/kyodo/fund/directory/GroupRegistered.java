package kyodo.fund.directory;

/**
 * A group was registered. Published after the registration is saved; the currency opens the group's points
 * wallet on it, so every group has exactly one wallet from the start.
 */
public record GroupRegistered(GroupId group) {
}
