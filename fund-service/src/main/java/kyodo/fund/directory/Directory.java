package kyodo.fund.directory;

import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.books.Field;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Registering and verifying groups, inviting co-coordinators (who accept after signing in), and who may see an
 * unverified group.
 */
@Service
public class Directory {
    private final Groups groups;
    private final Invitations invitations;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directory(Groups groups, Invitations invitations, People people, ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.invitations = invitations;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param coordinators usernames of the people the registrant invites to coordinate the group with them; each
     *                     becomes a coordinator only by accepting ({@link #accept})
     */
    public record Registration(String name, String type, String representative, String contact, String field,
                               String description, List<String> coordinators) {
    }

    /**
     * Registers a group with the registrant as its coordinator, invites the named co-coordinators, and announces
     * the group ({@link GroupRegistered}) once saved, so its points wallet opens.
     */
    @Transactional
    public Group register(Actor actor, Registration form) {
        Inputs.required("group", form);
        String name = Inputs.name("name", form.name(), Group.NAME_LENGTH_MAX);
        GroupType type = parseType(form.type());
        String representative = Inputs.name("representative", form.representative(), Group.REPRESENTATIVE_LENGTH_MAX);
        String contact = Inputs.name("contact", form.contact(), Group.CONTACT_LENGTH_MAX);
        Field field = Field.ofCode(form.field()).orElseThrow(() -> Refused.invalid("field is not a known field"));
        String description = Inputs.optionalText("description", form.description(), Group.DESCRIPTION_LENGTH_MAX);
        Set<UserId> invited = new LinkedHashSet<>();
        if (form.coordinators() != null) {
            if (form.coordinators().size() > Invitation.PENDING_PER_GROUP_MAX) {
                throw Refused.invalid("at most " + Invitation.PENDING_PER_GROUP_MAX + " coordinators");
            }
            for (String member : form.coordinators()) {
                UserId invitee = Inputs.user(people, "coordinators[]", member);
                if (!invitee.equals(actor.userId())) {
                    invited.add(invitee);
                }
            }
        }
        GroupId id = groups.register(name, type, representative, contact, field, description, actor.userId(),
                clock.instant());
        for (UserId invitee : invited) {
            invitations.invite(id, invitee, actor.userId(), clock.instant());
        }
        events.publishEvent(new GroupRegistered(id));
        return groups.find(id).orElseThrow();
    }

    /** A coordinator of the group invites {@code username} to coordinate it too. */
    @Transactional
    public Invitation invite(Actor coordinator, GroupId id, String username) {
        Group group = groups.find(id).filter(g -> g.coordinatedBy(coordinator.userId()))
                .orElseThrow(() -> Refused.notFound("group " + id.value()));
        UserId invitee = Inputs.user(people, "username", username);
        if (group.coordinatedBy(invitee)) {
            throw new Refused(Refusal.WRONG_STATE, username.strip() + " already coordinates group " + id.value());
        }
        if (invitations.pendingOf(id).size() >= Invitation.PENDING_PER_GROUP_MAX) {
            throw Refused.invalid("group " + id.value() + " has " + Invitation.PENDING_PER_GROUP_MAX
                    + " invitations waiting for an answer");
        }
        InvitationId invitation = invitations.invite(id, invitee, coordinator.userId(), clock.instant())
                .orElseThrow(() -> new Refused(Refusal.WRONG_STATE, username.strip()
                        + " already has an invitation to group " + id.value()));
        return invitations.find(invitation).orElseThrow();
    }

    /** The invitee accepts: from now on they coordinate the group. */
    @Transactional
    public Group accept(Actor invitee, InvitationId id) {
        Invitation invitation = answerable(invitee, id);
        invitations.answer(id, Invitation.Status.ACCEPTED, clock.instant());
        groups.addCoordinator(invitation.group(), invitee.userId());
        return groups.find(invitation.group()).orElseThrow();
    }

    /** The invitee declines: they are not listed, and the group may invite them again. */
    @Transactional
    public Invitation decline(Actor invitee, InvitationId id) {
        answerable(invitee, id);
        invitations.answer(id, Invitation.Status.DECLINED, clock.instant());
        return invitations.find(id).orElseThrow();
    }

    /** A pending invitation with its group's name, for the invitee's page. */
    public record Pending(Invitation invitation, String groupName, String invitedBy) {
    }

    /** The invitations {@code actor} has not answered yet. */
    public List<Pending> pendingFor(Actor actor) {
        List<Pending> pending = new ArrayList<>();
        for (Invitation invitation : invitations.pendingFor(actor.userId())) {
            String group = groups.find(invitation.group()).map(Group::name).orElse("#" + invitation.group().value());
            pending.add(new Pending(invitation, group, people.nameOf(invitation.invitedBy())));
        }
        return pending;
    }

    private Invitation answerable(Actor invitee, InvitationId id) {
        Invitation invitation = invitations.lock(id).filter(i -> i.invitee().equals(invitee.userId()))
                .orElseThrow(() -> Refused.notFound("invitation " + id.value()));
        if (!invitation.pending()) {
            throw new Refused(Refusal.WRONG_STATE, "invitation " + id.value() + " was already answered ("
                    + invitation.status() + ")");
        }
        return invitation;
    }

    /**
     * Staff decide a registration and record what they checked ({@code checkNote}: the representative's identity,
     * the articles, the contact). Nobody decides a group they coordinate.
     */
    @Transactional
    public Group decide(Actor staff, GroupId id, boolean verify, String checkNote) {
        String note = Inputs.text("note", checkNote, Group.VERIFICATION_NOTE_LENGTH_MAX);
        Group group = groups.find(id).orElseThrow(() -> Refused.notFound("group " + id.value()));
        if (group.coordinatedBy(staff.userId())) {
            throw new Refused(Refusal.FORBIDDEN, "staff do not verify a group they coordinate");
        }
        if (!groups.decide(id, verify ? Group.Status.VERIFIED : Group.Status.REJECTED, staff.userId(),
                clock.instant(), note)) {
            throw new Refused(Refusal.WRONG_STATE, "group " + id.value() + " was already decided");
        }
        return groups.find(id).orElseThrow();
    }

    /** Verified groups are public; others only to their coordinators, staff, auditors and admins. */
    public Group visibleTo(Actor actorOrNull, GroupId id) {
        Group group = groups.find(id).orElseThrow(() -> Refused.notFound("group " + id.value()));
        if (group.verified()) {
            return group;
        }
        if (actorOrNull != null && (group.coordinatedBy(actorOrNull.userId())
                || actorOrNull.isAny(Role.STAFF, Role.AUDITOR, Role.ADMIN))) {
            return group;
        }
        throw Refused.notFound("group " + id.value());
    }

    private static GroupType parseType(String type) {
        for (GroupType candidate : GroupType.values()) {
            if (candidate.name().equals(type)) {
                return candidate;
            }
        }
        throw Refused.invalid("type must be one of NPO, VOLUNTARY, NEIGHBORHOOD, OTHER");
    }
}
