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

	// The group picker: its boxes mirror the ids in its text field, both ways; ticking a
	// group also chooses "Only these groups". The search hides the groups it does not match.
	function pickerField(picker) {
		return document.getElementById(picker.dataset.groupPicker);
	}
	function idsIn(field) {
		return field.value.split(/[\s,]+/).filter((id) => id !== '');
	}
	function showPicked(picker) {
		const ids = idsIn(pickerField(picker));
		picker.querySelectorAll('input[type=checkbox]').forEach(function (box) {
			box.checked = ids.includes(box.value);
		});
	}
	document.addEventListener('change', function (event) {
		const picker = event.target.closest('[data-group-picker]');
		if (!picker || event.target.type !== 'checkbox') {
			return;
		}
		const field = pickerField(picker);
		const listed = Array.from(picker.querySelectorAll('input[type=checkbox]'), (box) => box.value);
		// What was typed that is not a listed group stays, so that its error can be shown.
		const kept = idsIn(field).filter((id) => !listed.includes(id));
		const ticked = Array.from(picker.querySelectorAll('input[type=checkbox]:checked'), (box) => box.value);
		field.value = kept.concat(ticked).join(', ');
		const list = document.getElementById('group-access-list');
		if (list && event.target.checked) {
			list.checked = true;
		}
	});
	document.addEventListener('input', function (event) {
		const filter = event.target.closest('[data-filter-for]');
		if (filter) {
			const words = filter.value.trim().toLowerCase();
			const list = document.getElementById(filter.dataset.filterFor);
			(list ? list.querySelectorAll('li') : []).forEach(function (item) {
				item.hidden = words !== '' && !item.dataset.name.includes(words);
			});
		}
		const picker = document.querySelector('[data-group-picker="' + event.target.id + '"]');
		if (picker) {
			showPicked(picker);
		}
	});
	document.addEventListener('htmx:load', function (event) {
		const element = event.detail.elt;
		const picker = element.matches('[data-group-picker]') ? element : element.querySelector('[data-group-picker]');
		if (picker) {
			showPicked(picker);
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
