package io.patchbay.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building workflows: create, replace, publish and unpublish, the webhook URL (reveal,
 * regenerate), tests, the run history, deletion. Every call takes the caller;
 * {@link WorkflowRules} decides what it may see and change, {@link DefinitionRules} what
 * a definition must be, and {@link Destinations} whether its steps' targets may be
 * reached by it.
 */
@Service
@Transactional
public class Workflows {

	private static final int MAX_NAME = 100;

	private static final int MAX_DESCRIPTION = 1_000;

	private final WorkflowRepository repository;

	private final RunQueue queue;

	private final Destinations destinations;

	private final VariableResolver variables;

	private final WebhookUrls urls;

	private final Members members;

	private final BuildingSettings settings;

	private final Ids ids;

	private final Clock clock;

	Workflows(WorkflowRepository repository, RunQueue queue, Destinations destinations, VariableResolver variables,
			WebhookUrls urls, Members members, BuildingSettings settings, Ids ids, Clock clock) {
		this.repository = repository;
		this.queue = queue;
		this.destinations = destinations;
		this.variables = variables;
		this.urls = urls;
		this.members = members;
		this.settings = settings;
		this.ids = ids;
		this.clock = clock;
	}

	/** Creates a draft; an administrator's may target any channel or group. */
	public Workflow create(Actor actor, WorkflowChange change) {
		WorkflowRules.mayBuild(actor, this.settings);
		long creatorId = switch (actor) {
			case Actor.Member member -> member.id();
			case Actor.Administrator administrator -> administrator.id();
			default -> throw new IllegalStateException("Checked by the rules");
		};
		Instant now = this.clock.instant();
		long id = this.ids.next();
		Workflow workflow = new Workflow(id, name(change.name()), description(change.description()), creatorId,
				actor instanceof Actor.Administrator, Workflow.Status.DRAFT, change.definition(),
				collaborators(creatorId, change.collaboratorIds()), 1, now, now, null);
		Set<String> connections = check(workflow);
		this.repository.insert(workflow, this.urls.create(id), connections);
		return workflow;
	}

	@Transactional(readOnly = true)
	public KeysetPage<Workflow> list(Actor actor, PageRequest page) {
		return list(actor, null, page);
	}

	/** As above, those whose name contains {@code name} (ignoring case) when given. */
	@Transactional(readOnly = true)
	public KeysetPage<Workflow> list(Actor actor, @Nullable String name, PageRequest page) {
		List<Workflow> rows = switch (actor) {
			case Actor.Member member -> this.repository.list(member.id(), name, page);
			case Actor.Administrator administrator -> {
				WorkflowRules.manage(administrator);
				yield this.repository.list(null, name, page);
			}
			default -> List.of();
		};
		return KeysetPage.of(rows, page, Workflow::id);
	}

	@Transactional(readOnly = true)
	public Workflow find(Actor actor, long id) {
		return WorkflowRules.edit(actor, load(id));
	}

	/** Replaces the definition; a published workflow stays published. */
	public Workflow replace(Actor actor, long id, WorkflowChange change) {
		Workflow current = find(actor, id);
		List<Long> collaborators = current.collaboratorIds();
		if (change.collaboratorIds() != null
				&& !Set.copyOf(change.collaboratorIds()).equals(Set.copyOf(current.collaboratorIds()))) {
			WorkflowRules.own(actor, current);
			collaborators = collaborators(current.creatorId(), change.collaboratorIds());
		}
		Workflow replaced = new Workflow(id, name(change.name()), description(change.description()),
				current.creatorId(), current.administrative(), current.status(), change.definition(), collaborators,
				current.version() + 1, current.createdAt(), this.clock.instant(), current.publishedAt());
		this.repository.update(replaced, check(replaced));
		return load(id);
	}

	public Workflow publish(Actor actor, long id) {
		Workflow workflow = find(actor, id);
		if (!workflow.published()) {
			// Checked again: a channel, member or connection may have gone since it was
			// saved.
			DefinitionRules.checkPublishable(workflow.definition());
			this.destinations.check(workflow.actor(), workflow.definition());
			Instant now = this.clock.instant();
			this.repository.status(id, Workflow.Status.PUBLISHED, now, now);
		}
		return load(id);
	}

	public Workflow unpublish(Actor actor, long id) {
		Workflow workflow = find(actor, id);
		if (workflow.published()) {
			this.repository.status(id, Workflow.Status.DRAFT, null, this.clock.instant());
		}
		return load(id);
	}

	/** The webhook URL, masked unless {@code reveal}. */
	@Transactional(readOnly = true)
	public String url(Actor actor, long id, boolean reveal) {
		find(actor, id);
		return reveal ? this.urls.url(this.urls.unseal(id, this.repository.sealedSecret(id))) : this.urls.masked();
	}

	/** How URLs show when not revealed. */
	public String maskedUrl() {
		return this.urls.masked();
	}

	/** A new URL that works at once; the old one answers 404 from now on. */
	public String regenerate(Actor actor, long id) {
		find(actor, id);
		WebhookUrls.Secret secret = this.urls.create(id);
		this.repository.secret(id, secret, this.clock.instant());
		return this.urls.url(secret.value());
	}

	public void delete(Actor actor, long id) {
		WorkflowRules.own(actor, load(id));
		this.repository.delete(id);
	}

	/**
	 * Runs the steps once with the values given, their messages sent to the tester's own
	 * direct messages instead of their destinations; drafts too. API calls are made.
	 */
	public Run test(Actor actor, long id, Map<String, String> given) {
		Workflow workflow = find(actor, id);
		long tester = switch (actor) {
			case Actor.Member member -> member.id();
			case Actor.Administrator administrator -> administrator.id();
			default -> throw new IllegalStateException("Checked by the rules");
		};
		Map<String, String> values;
		try {
			values = this.variables.resolve(workflow, given);
		}
		catch (TriggerRefusedException ex) {
			throw new InvalidInputException("variables." + ex.variable(), ex.getMessage());
		}
		return this.queue.enqueue(workflow, Run.TEST, values, tester);
	}

	@Transactional(readOnly = true)
	public KeysetPage<Run> runs(Actor actor, long id, PageRequest page) {
		find(actor, id);
		return this.queue.history(id, page);
	}

	/** The JSON a sender POSTs: each variable with an example of its kind. */
	public Map<String, String> samplePayload(Workflow workflow) {
		Map<String, String> sample = new LinkedHashMap<>();
		if (!workflow.definition().trigger().webhook()) {
			return sample;
		}
		for (Variable variable : workflow.definition().trigger().variables()) {
			sample.put(variable.key(), switch (variable.type()) {
				case TEXT -> "Example text";
				case MEMBER -> String.valueOf(workflow.creatorId());
				case CHANNEL -> firstChannel(workflow);
			});
		}
		return sample;
	}

	/** The names of the members a list of workflows shows, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, String> memberNames(List<Workflow> workflows) {
		Set<Long> ids = new LinkedHashSet<>();
		workflows.forEach((workflow) -> {
			ids.add(workflow.creatorId());
			ids.addAll(workflow.collaboratorIds());
		});
		Map<Long, String> names = new LinkedHashMap<>();
		this.members.findAll(ids).forEach((member) -> names.put(member.id(), member.name()));
		return names;
	}

	private Workflow load(long id) {
		return this.repository.find(id).orElseThrow(() -> WorkflowRules.notFound(id));
	}

	private Set<String> check(Workflow workflow) {
		if (workflow.published()) {
			DefinitionRules.checkPublishable(workflow.definition());
		}
		else {
			DefinitionRules.check(workflow.definition());
		}
		return this.destinations.check(workflow.actor(), workflow.definition());
	}

	private List<Long> collaborators(long creatorId, @Nullable List<Long> given) {
		if (given == null || given.isEmpty()) {
			return List.of();
		}
		Set<Long> wanted = new LinkedHashSet<>(given);
		wanted.remove(creatorId);
		List<MemberProfile> found = this.members.findAll(wanted);
		if (found.size() != wanted.size() || !found.stream().allMatch(MemberProfile::active)) {
			throw new InvalidInputException("collaboratorIds", "Collaborators must be active members");
		}
		return List.copyOf(wanted);
	}

	private static String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "name is required");
		}
		if (name.strip().length() > MAX_NAME) {
			throw new InvalidInputException("name", "name must be at most 100 characters");
		}
		return name.strip();
	}

	private static @Nullable String description(@Nullable String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		if (description.strip().length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description", "description must be at most 1,000 characters");
		}
		return description.strip();
	}

	private static String firstChannel(Workflow workflow) {
		return workflow.definition()
			.steps()
			.stream()
			.filter((step) -> step instanceof Step.SendMessage send && Template.soleReference(send.threadId()) == null)
			.map((step) -> ((Step.SendMessage) step).threadId())
			.findFirst()
			.orElse("t_1234567890");
	}

}
