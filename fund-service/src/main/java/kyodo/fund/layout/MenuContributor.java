package kyodo.fund.layout;

import java.util.List;

/**
 * Each module names its own pages in the menu: a bean of this type gives the links a viewer may follow there.
 * Contributions are shown in the beans' order ({@link org.springframework.core.annotation.Order}).
 */
public interface MenuContributor {
    /** The links of the top menu for this viewer, in order; none for roles this module has no pages for. */
    List<MenuLink> links(Viewer viewer);

    /** The links of the bar at the bottom of a phone's screen (residents' everyday pages); none by default. */
    default List<MenuLink> bar(Viewer viewer) {
        return List.of();
    }

    /** The links beside the signed-in person's name (their own settings); none by default. */
    default List<MenuLink> account(Viewer viewer) {
        return List.of();
    }
}
