package kyodo.fund.directory;

import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
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

/**
 * {@code /api/fund/groups}: register and invite co-coordinators (coordinators), answer an invitation (the invitee),
 * verify with a recorded check (staff), and the public directory.
 */
@RestController
@FundApi
class GroupController {
    private static final int DIRECTORY_PAGE = Groups.PAGE_MAX;

    private final Directory directory;
    private final Groups groups;
    private final Invitations invitations;
    private final People people;

    GroupController(Directory directory, Groups groups, Invitations invitations, People people) {
        this.directory = directory;
        this.groups = groups;
        this.invitations = invitations;
        this.people = people;
    }

    @PostMapping("/api/fund/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    GroupView register(@RequestBody Directory.Registration form) {
        return view(directory.register(Actor.required(), form), true);
    }

    /** What the staff member checked before deciding (the representative's identity, the articles, the contact). */
    record Check(String note) {
    }

    @PostMapping("/api/fund/groups/{id}/verify")
    @PreAuthorize("hasRole('STAFF')")
    GroupView verify(@PathVariable long id, @RequestBody(required = false) Check check) {
        return view(directory.decide(Actor.required(), new GroupId(id), true, check == null ? null : check.note()),
                true);
    }

    @PostMapping("/api/fund/groups/{id}/reject")
    @PreAuthorize("hasRole('STAFF')")
    GroupView reject(@PathVariable long id, @RequestBody(required = false) Check check) {
        return view(directory.decide(Actor.required(), new GroupId(id), false, check == null ? null : check.note()),
                true);
    }

    record Invitee(String username) {
    }

    /** An invitation as the invitee and the group's coordinators see it. */
    record InvitationView(long id, long groupId, String groupName, String invitee, String invitedBy, String status,
                          Instant invitedAt) {
    }

    @PostMapping("/api/fund/groups/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    InvitationView invite(@PathVariable long id, @RequestBody Invitee invitee) {
        return view(directory.invite(Actor.required(), new GroupId(id), invitee.username()));
    }

    /** The signed-in person's invitations waiting for an answer. */
    @GetMapping("/api/fund/invitations")
    @PreAuthorize("isAuthenticated()")
    List<InvitationView> myInvitations() {
        return directory.pendingFor(Actor.required()).stream().map(p -> view(p.invitation())).toList();
    }

    @PostMapping("/api/fund/invitations/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    GroupView accept(@PathVariable long id) {
        return view(directory.accept(Actor.required(), new InvitationId(id)), true);
    }

    @PostMapping("/api/fund/invitations/{id}/decline")
    @PreAuthorize("isAuthenticated()")
    InvitationView decline(@PathVariable long id) {
        return view(directory.decline(Actor.required(), new InvitationId(id)));
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

    /**
     * Insiders see the coordinators and the people invited but not yet answering, by the usernames they sign in
     * with (what staff and coordinators type), and what the verifying staff member checked.
     */
    private GroupView view(Group group, boolean withMembers) {
        if (!withMembers) {
            return GroupView.of(group, List.of(), List.of(), null);
        }
        List<String> coordinators = people.byIds(group.coordinators()).values().stream()
                .map(Person::username).sorted().toList();
        List<UserId> pending = invitations.pendingOf(group.id()).stream().map(Invitation::invitee).toList();
        List<String> invited = people.byIds(pending).values().stream().map(Person::username).sorted().toList();
        return GroupView.of(group, coordinators, invited, group.verificationNote());
    }

    private InvitationView view(Invitation invitation) {
        Map<UserId, Person> named = people.byIds(List.of(invitation.invitee(), invitation.invitedBy()));
        return new InvitationView(invitation.id().value(), invitation.group().value(),
                groups.find(invitation.group()).map(Group::name).orElse(""),
                named.containsKey(invitation.invitee()) ? named.get(invitation.invitee()).username() : "",
                named.containsKey(invitation.invitedBy()) ? named.get(invitation.invitedBy()).displayName() : "",
                invitation.status().name(), invitation.invitedAt());
    }

    record GroupView(long id, String name, String type, String typeJa, String representative, String contact,
                     String field, String fieldJa, String description, String status, Instant verifiedAt,
                     List<String> coordinators, List<String> invited, String verificationNote,
                     long grantsReceived) {
        static GroupView of(Group g, List<String> coordinators, List<String> invited, String note) {
            return new GroupView(g.id().value(), g.name(), g.type().name(), g.type().japanese(), g.representative(),
                    g.contact(), g.field().code(), g.field().japanese(), g.description(), g.status().name(),
                    g.verifiedAt(), coordinators, invited, note, 0);
        }

        GroupView withGrants(long yen) {
            return new GroupView(id, name, type, typeJa, representative, contact, field, fieldJa, description, status,
                    verifiedAt, coordinators, invited, verificationNote, yen);
        }
    }
}
