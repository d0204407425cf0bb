package io.patchbay.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationChanged;
import io.patchbay.integrations.IntegrationKind;
import io.patchbay.integrations.Integrations;
import io.patchbay.integrations.Permission;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bots members chat with, by page id, cached: sending a message to a bot costs no
 * query to know it. A change to an integration on this node drops the cache at once (and
 * again after its transaction); other nodes reload it within the configured time.
 */
@Component
class BotDirectory {

	/** A bot as chat needs it. */
	record Bot(long integrationId, long pageId, String name, String description, boolean enabled, boolean visible,
			boolean hasLogo, boolean messagesAnyMember, boolean groupChats) {

		/** Listed in the member app and reachable from its "New chat" picker. */
		boolean listed() {
			return this.enabled && this.visible && this.messagesAnyMember;
		}

		Participant participant() {
			return new Participant(this.pageId, ParticipantType.BOT, this.name);
		}

	}

	private record Snapshot(Map<Long, Bot> byPage, Instant loadedAt) {
	}

	private final Integrations integrations;

	private final ChatProperties properties;

	private final Clock clock;

	private volatile Optional<Snapshot> snapshot = Optional.empty();

	BotDirectory(Integrations integrations, ChatProperties properties, Clock clock) {
		this.integrations = integrations;
		this.properties = properties;
		this.clock = clock;
	}

	Optional<Bot> find(long pageId) {
		return Optional.ofNullable(current().byPage().get(pageId));
	}

	/** The bots members may find: enabled, visible and allowed to message any member. */
	List<Bot> listed() {
		return current().byPage()
			.values()
			.stream()
			.filter(Bot::listed)
			.sorted(java.util.Comparator.comparing((Bot bot) -> bot.name().toLowerCase(java.util.Locale.ROOT)))
			.toList();
	}

	@EventListener
	void forget(IntegrationChanged changed) {
		this.snapshot = Optional.empty();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					BotDirectory.this.snapshot = Optional.empty();
				}
			});
		}
	}

	private Snapshot current() {
		Instant now = this.clock.instant();
		Duration ttl = this.properties.botCacheTtl();
		return this.snapshot.filter((cached) -> cached.loadedAt().plus(ttl).isAfter(now)).orElseGet(() -> {
			Snapshot loaded = new Snapshot(this.integrations.all()
				.stream()
				.filter((integration) -> integration.kind() == IntegrationKind.BOT)
				.map(BotDirectory::bot)
				.collect(Collectors.toMap(Bot::pageId, Function.identity())), now);
			this.snapshot = Optional.of(loaded);
			return loaded;
		});
	}

	private static Bot bot(Integration integration) {
		return new Bot(integration.id(), integration.pageId(), integration.name(), integration.description(),
				integration.enabled(), integration.visible(), integration.hasLogo(),
				integration.holds(Permission.MESSAGE_ANY_MEMBER), integration.holds(Permission.GROUP_CHAT_BOT));
	}

}
