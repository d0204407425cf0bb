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
			// The server refused the stream (the session ended: signed out elsewhere, or
			// the account deactivated): the page ends too, and the reload says why.
			if (events.readyState === EventSource.CLOSED) {
				window.location.reload();
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

// The workflow builder: copy the revealed URL, insert a {{variable}} where the cursor is,
// show the fields of the chosen step type (all fields work without script), and confirm
// what cannot be undone.
(function () {
	document.addEventListener('click', function (event) {
		const button = event.target.closest('[data-copy]');
		const source = button && document.getElementById(button.dataset.copy);
		if (source && navigator.clipboard) {
			navigator.clipboard.writeText(source.textContent.trim());
		}
	});

	document.addEventListener('change', function (event) {
		const picker = event.target.closest('select[data-insert-into]');
		if (picker && picker.value) {
			const field = document.getElementById(picker.dataset.insertInto);
			const at = field.selectionStart ?? field.value.length;
			field.value = field.value.slice(0, at) + picker.value + field.value.slice(field.selectionEnd ?? at);
			field.focus();
			picker.value = '';
		}
		const form = event.target.closest('form[data-step-form]');
		if (form && event.target.name === 'type') {
			showFieldsOfType(form);
		}
	});

	document.addEventListener('submit', function (event) {
		const message = event.target.dataset && event.target.dataset.confirm;
		if (message && !window.confirm(message)) {
			event.preventDefault();
		}
	});

	function showFieldsOfType(form) {
		const type = form.querySelector('select[name="type"]').value;
		form.querySelectorAll('[data-for-type]').forEach(function (fieldset) {
			fieldset.hidden = !fieldset.dataset.forType.split(' ').includes(type);
			fieldset.disabled = fieldset.hidden;
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('form[data-step-form]').forEach(showFieldsOfType);
	});
})();
