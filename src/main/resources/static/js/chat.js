// The chat pages, live. The member's event stream (GET /api/v1/events) says what changed;
// the page then asks for server-rendered fragments of what is new, through the same
// permission checks as the page itself. A reconnecting EventSource sends Last-Event-ID by
// itself and the server replays what it missed; the page also catches up each time the
// stream opens, for what happened before it had seen any event.
(function () {
	'use strict';

	function parse(html) {
		const template = document.createElement('template');
		template.innerHTML = html;
		return template.content;
	}

	function get(url) {
		return fetch(url, { credentials: 'same-origin' }).then((response) => (response.ok ? response.text() : ''));
	}

	// Calls with the member app's session need the CSRF token the page carries.
	function post(url, body) {
		const token = document.querySelector('meta[name="csrf-token"]');
		const header = document.querySelector('meta[name="csrf-header"]');
		const headers = { 'Content-Type': 'application/json' };
		if (token) {
			headers[header ? header.content : 'X-CSRF-TOKEN'] = token.content;
		}
		return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(body || {}) });
	}

	// Runs a refresh, and once more after it when asked again meanwhile: never two at once.
	function coalesced(refresh) {
		let running = false;
		let again = false;
		return function run() {
			if (running) {
				again = true;
				return;
			}
			running = true;
			Promise.resolve(refresh()).catch(() => undefined).finally(() => {
				running = false;
				if (again) {
					again = false;
					run();
				}
			});
		};
	}

	function replaceBadge(html) {
		const fresh = parse(html).getElementById('chat-unread');
		const current = document.getElementById('chat-unread');
		if (fresh && current) {
			current.replaceWith(fresh);
		}
	}

	function threadsPage(page, events) {
		const refresh = coalesced(() => {
			const list = document.getElementById('threads');
			return list && window.htmx ? htmx.ajax('GET', list.dataset.refresh, { target: '#threads', swap: 'outerHTML' }) : null;
		});
		events.addEventListener('open', refresh);
		events.addEventListener('message', refresh);
		events.addEventListener('thread', refresh);
		events.addEventListener('read', (event) => {
			// Read in another tab or device: the counts change here too.
			if (JSON.parse(event.data).memberId === page.dataset.me) {
				refresh();
			}
		});
	}

	function threadPage(page, events) {
		const list = document.getElementById('messages');
		const typing = document.getElementById('typing');
		const timeout = Number(page.dataset.typingTimeout) || 20000;
		const typists = new Map();
		let readPending = false;

		function lastId() {
			const shown = list.querySelectorAll(':scope > li.message[id]');
			return shown.length ? shown[shown.length - 1].id : '';
		}

		// Drops messages shown twice (the composer's answer and the stream may both bring
		// one), keeps quick replies under the newest message only, and shows the newest.
		function tidy() {
			const seen = new Set();
			list.querySelectorAll(':scope > li.message[id]').forEach((item) => {
				if (seen.has(item.id)) {
					item.remove();
				}
				seen.add(item.id);
			});
			const last = list.lastElementChild;
			list.querySelectorAll('.quick-replies').forEach((chips) => {
				if (!last || !last.contains(chips)) {
					chips.remove();
				}
			});
			const empty = document.getElementById('empty-thread');
			if (empty && last) {
				empty.remove();
			}
			list.scrollTop = list.scrollHeight;
		}

		function markRead() {
			if (document.visibilityState !== 'visible') {
				readPending = true;
				return;
			}
			readPending = false;
			post(page.dataset.read).then(() => get(page.dataset.unread)).then(replaceBadge).catch(() => undefined);
		}

		const fetchNew = coalesced(() => get(page.dataset.fresh + '?after=' + encodeURIComponent(lastId())).then((html) => {
			const fresh = parse(html).querySelector('ol');
			if (!fresh) {
				return;
			}
			let added = false;
			fresh.querySelectorAll(':scope > li.message[id]').forEach((item) => {
				if (!document.getElementById(item.id)) {
					list.appendChild(item);
					if (window.htmx) {
						htmx.process(item);
					}
					added = true;
				}
			});
			if (added) {
				tidy();
				markRead();
			}
			if (fresh.dataset.more === 'true') {
				fetchNew();
			}
		}));

		function showTyping() {
			typing.hidden = typists.size === 0;
			typing.textContent = typing.dataset.template.replace('{name}',
				Array.from(typists.values()).map((typist) => typist.name).join(', '));
		}

		function stopTyping(id) {
			const typist = typists.get(id);
			if (typist) {
				clearTimeout(typist.timer);
				typists.delete(id);
				showTyping();
			}
		}

		events.addEventListener('message', (event) => {
			const message = JSON.parse(event.data);
			if (message.threadId !== page.dataset.threadId) {
				get(page.dataset.unread).then(replaceBadge).catch(() => undefined);
				return;
			}
			stopTyping(message.from.id);
			if (page.dataset.latest === 'true') {
				fetchNew();
			}
		});
		events.addEventListener('open', () => {
			if (page.dataset.latest === 'true') {
				fetchNew();
			}
		});
		events.addEventListener('typing', (event) => {
			const data = JSON.parse(event.data);
			if (data.threadId !== page.dataset.threadId || data.from.id === page.dataset.me) {
				return;
			}
			stopTyping(data.from.id);
			if (data.on) {
				typists.set(data.from.id, { name: data.from.name, timer: setTimeout(() => stopTyping(data.from.id), timeout) });
				showTyping();
			}
		});
		document.addEventListener('visibilitychange', () => {
			if (readPending && document.visibilityState === 'visible') {
				markRead();
			}
		});
		document.body.addEventListener('htmx:afterSwap', tidy);

		// The member's own typing, at most a few times per typing timeout.
		const composer = document.getElementById('composer');
		const input = composer && composer.querySelector('input[name=text]');
		let typingSince = 0;
		if (input) {
			input.addEventListener('input', () => {
				const now = Date.now();
				if (input.value.trim() === '') {
					if (typingSince) {
						typingSince = 0;
						post(page.dataset.typing, { on: false });
					}
				}
				else if (now - typingSince > timeout / 4) {
					typingSince = now;
					post(page.dataset.typing, { on: true });
				}
			});
			composer.addEventListener('submit', () => {
				typingSince = 0;
			});
		}
		tidy();
	}

	document.addEventListener('DOMContentLoaded', () => {
		const page = document.querySelector('[data-chat-stream]');
		if (!page || !window.EventSource) {
			return;
		}
		const events = new EventSource(page.dataset.chatStream);
		const live = document.getElementById('live');
		events.addEventListener('open', () => {
			if (live) {
				live.hidden = false;
			}
		});
		events.addEventListener('error', () => {
			if (live) {
				live.hidden = true;
			}
			// The server refused the stream (the session ended: signed out elsewhere, or
			// the account deactivated): the page ends too, and the reload says why.
			if (events.readyState === EventSource.CLOSED) {
				window.location.reload();
			}
		});
		if (page.id === 'thread') {
			threadPage(page, events);
		}
		else {
			threadsPage(page, events);
		}
	});
})();
