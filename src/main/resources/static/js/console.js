// The console's few scripts, kept out of the pages so that the Content-Security-Policy
// can forbid inline script. Without JavaScript the links lead to pages that do the same.
(function () {
	document.addEventListener('click', function (event) {
		const opener = event.target.closest('[data-open-dialog]');
		const closer = event.target.closest('[data-close-dialog]');
		const control = opener || closer;
		if (!control) {
			return;
		}
		const dialog = document.getElementById(control.dataset.openDialog || control.dataset.closeDialog);
		if (!dialog || !dialog.showModal) {
			return;
		}
		event.preventDefault();
		if (opener) {
			dialog.showModal();
		}
		else {
			dialog.close();
		}
	});

	// Forms that cannot be undone say so first: data-confirm holds the question.
	document.addEventListener('submit', function (event) {
		const message = event.target.dataset && event.target.dataset.confirm;
		if (message && !window.confirm(message)) {
			event.preventDefault();
		}
	});

	// Copy buttons: data-copy names the element whose text is copied.
	document.addEventListener('click', function (event) {
		const button = event.target.closest('[data-copy]');
		const source = button && document.getElementById(button.dataset.copy);
		if (source && navigator.clipboard) {
			navigator.clipboard.writeText(source.textContent.trim());
		}
	});

	// "Generate" beside a secret field: data-generate names the input given 32 random
	// bytes, hex-encoded, from the browser's cryptographic generator.
	document.addEventListener('click', function (event) {
		const button = event.target.closest('[data-generate]');
		const field = button && document.getElementById(button.dataset.generate);
		if (field && window.crypto) {
			const bytes = crypto.getRandomValues(new Uint8Array(32));
			field.value = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
			field.dispatchEvent(new Event('input', { bubbles: true }));
		}
	});

	// The new-connection form shows the fields of the chosen type only (all without script).
	function showFieldsOfType(form) {
		const type = form.querySelector('select[name="type"]').value;
		form.querySelectorAll('[data-for-type]').forEach(function (fieldset) {
			fieldset.hidden = fieldset.dataset.forType !== type;
			fieldset.disabled = fieldset.hidden;
		});
	}
	document.addEventListener('change', function (event) {
		const form = event.target.closest('[data-connection-form]');
		if (form && event.target.name === 'type') {
			showFieldsOfType(form);
		}
	});
	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('[data-connection-form]').forEach(showFieldsOfType);
	});
})();
