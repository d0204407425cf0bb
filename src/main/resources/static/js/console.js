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
})();
