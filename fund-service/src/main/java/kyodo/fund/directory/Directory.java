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

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Registering and verifying groups, and who may see an unverified one. */
@Service
public class Directory {
    private final Groups groups;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directory(Groups groups, People people, ApplicationEventPublisher events, Clock clock) {
        this.groups = groups;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** @param coordinators usernames of the registrant's co-coordinators, as they typed them */
    public record Registration(String name, String type, String representative, String contact, String field,
                               String description, List<String> coordinators) {
    }

    /**
     * Registers a group with the registrant and the named co-coordinators as its coordinators, and announces it
     * ({@link GroupRegistered}) once saved, so its points wallet opens.
     */
    public Group register(Actor actor, Registration form) {
        Inputs.required("group", form);
        String name = Inputs.name("name", form.name(), Group.NAME_LENGTH_MAX);
        GroupType type = parseType(form.type());
        String representative = Inputs.name("representative", form.representative(), Group.REPRESENTATIVE_LENGTH_MAX);
        String contact = Inputs.name("contact", form.contact(), Group.CONTACT_LENGTH_MAX);
        Field field = Field.ofCode(form.field()).orElseThrow(() -> Refused.invalid("field is not a known field"));
        String description = Inputs.optionalText("description", form.description(), Group.DESCRIPTION_LENGTH_MAX);
        Set<UserId> coordinators = new LinkedHashSet<>();
        coordinators.add(actor.userId());
        if (form.coordinators() != null) {
            if (form.coordinators().size() > Group.COORDINATORS_MAX) {
                throw Refused.invalid("at most " + Group.COORDINATORS_MAX + " coordinators");
            }
            for (String member : form.coordinators()) {
                coordinators.add(Inputs.user(people, "coordinators[]", member));
            }
        }
        GroupId id = groups.register(name, type, representative, contact, field, description, actor.userId(),
                clock.instant(), coordinators);
        events.publishEvent(new GroupRegistered(id));
        return groups.find(id).orElseThrow();
    }

    public Group decide(Actor staff, GroupId id, boolean verify) {
        Group group = groups.find(id).orElseThrow(() -> Refused.notFound("group " + id.value()));
        if (group.coordinatedBy(staff.userId())) {
            throw new Refused(Refusal.FORBIDDEN, "staff do not verify a group they coordinate");
        }
        if (!groups.decide(id, verify ? Group.Status.VERIFIED : Group.Status.REJECTED, staff.userId(),
                clock.instant())) {
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
