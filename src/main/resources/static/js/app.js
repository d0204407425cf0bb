// Live group feeds: the server sends a small "feed" event when a post or comment appears;
// the feed is then fetched again through the ordinary page request. While the member is
// typing in the feed, the refresh waits so that nothing they wrote is lost.
(function () {
	function typing(feed) {
		return Array.from(feed.querySelectorAll('input[name=message]')).some((input) => input.value.trim() !== '');
	}

	function refresh() {
		const feed = document.getElementById('feed');
		if (!feed || !window.htmx) {
			return;
		}
		if (typing(feed)) {
			feed.dataset.stale = 'true';
			return;
		}
		htmx.ajax('GET', feed.dataset.refresh, { target: '#feed', swap: 'outerHTML' });
	}

	// A composer that posted through htmx starts empty again (only when the post was
	// accepted, so that nothing the member wrote is lost).
	document.addEventListener('htmx:afterRequest', function (event) {
		const form = event.detail.elt;
		if (event.detail.successful && form && form.matches && form.matches('form[data-reset-after-post]')) {
			form.reset();
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		const feed = document.getElementById('feed');
		if (!feed || !feed.dataset.stream || !window.EventSource) {
			return;
		}
		const events = new EventSource(feed.dataset.stream);
		const live = document.getElementById('live');
		events.addEventListener('ready', function () {
			if (live) {
				live.hidden = false;
			}
		});
		events.addEventListener('feed', refresh);
		events.onerror = function () {
			if (live) {
				live.hidden = true;
			}
		};
		document.addEventListener('focusout', function () {
			const current = document.getElementById('feed');
			if (current && current.dataset.stale === 'true') {
				refresh();
			}
		});
	});
})();
