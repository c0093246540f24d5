package kyodo.fund.directory;

import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.Role;
import kyodo.fund.problem.FundApi;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/fund/groups}: register (coordinators), verify (staff), and the public directory. */
@RestController
@FundApi
class GroupController {
    private static final int DIRECTORY_PAGE = Groups.PAGE_MAX;

    private final Directory directory;
    private final Groups groups;
    private final People people;

    GroupController(Directory directory, Groups groups, People people) {
        this.directory = directory;
        this.groups = groups;
        this.people = people;
    }

    @PostMapping("/api/fund/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    GroupView register(@RequestBody Directory.Registration form) {
        return view(directory.register(Actor.required(), form), true);
    }

    @PostMapping("/api/fund/groups/{id}/verify")
    @PreAuthorize("hasRole('STAFF')")
    GroupView verify(@PathVariable long id) {
        return view(directory.decide(Actor.required(), new GroupId(id), true), true);
    }

    @PostMapping("/api/fund/groups/{id}/reject")
    @PreAuthorize("hasRole('STAFF')")
    GroupView reject(@PathVariable long id) {
        return view(directory.decide(Actor.required(), new GroupId(id), false), true);
    }

    @GetMapping("/api/fund/groups/pending")
    @PreAuthorize("hasRole('STAFF')")
    List<GroupView> pending() {
        return groups.awaitingVerification(DIRECTORY_PAGE).stream().map(g -> view(g, true)).toList();
    }

    /** The public directory: verified groups only, without their coordinators. */
    @GetMapping("/api/fund/groups")
    List<GroupView> list() {
        Map<GroupId, Long> grants = groups.grantsReceived();
        return groups.verified(DIRECTORY_PAGE).stream()
                .map(g -> view(g, false).withGrants(grants.getOrDefault(g.id(), 0L))).toList();
    }

    @GetMapping("/api/fund/groups/{id}")
    GroupView one(@PathVariable long id) {
        Actor actor = Actor.current().orElse(null);
        Group group = directory.visibleTo(actor, new GroupId(id));
        boolean inside = actor != null && (group.coordinatedBy(actor.userId())
                || actor.isAny(Role.STAFF, Role.AUDITOR));
        return view(group, inside);
    }

    /** Insiders see the coordinators by the usernames they sign in with (what staff and coordinators type). */
    private GroupView view(Group group, boolean withMembers) {
        List<String> coordinators = withMembers ? people.byIds(group.coordinators()).values().stream()
                .map(Person::username).sorted().toList() : List.of();
        return GroupView.of(group, coordinators);
    }

    record GroupView(long id, String name, String type, String typeJa, String representative, String contact,
                     String field, String fieldJa, String description, String status, Instant verifiedAt,
                     List<String> coordinators, long grantsReceived) {
        static GroupView of(Group g, List<String> coordinators) {
            return new GroupView(g.id().value(), g.name(), g.type().name(), g.type().japanese(), g.representative(),
                    g.contact(), g.field().code(), g.field().japanese(), g.description(), g.status().name(),
                    g.verifiedAt(), coordinators, 0);
        }

        GroupView withGrants(long yen) {
            return new GroupView(id, name, type, typeJa, representative, contact, field, fieldJa, description, status,
                    verifiedAt, coordinators, yen);
        }
    }
}
