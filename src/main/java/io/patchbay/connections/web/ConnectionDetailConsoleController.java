package io.patchbay.connections.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.connections.ApiCall;
import io.patchbay.connections.ApiCallFailedException;
import io.patchbay.connections.Connection;
import io.patchbay.connections.ConnectionChange;
import io.patchbay.connections.ConnectionCreation;
import io.patchbay.connections.Connections;
import io.patchbay.platform.ConflictException;
import io.patchbay.connections.Credentials;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One connection in the console: its settings and state, "Try a call" with the answer
 * shown, replacing its secret, reconnecting an OAuth connection, deleting it.
 */
@PageController
@RequestMapping("/console/connections/{name}")
@PreAuthorize("hasAuthority('manage_connections')")
class ConnectionDetailConsoleController {

	private static final String VIEW = "connections/detail";

	private final Connections connections;

	ConnectionDetailConsoleController(Connections connections) {
		this.connections = connections;
	}

	static String redirect(String name) {
		return "redirect:/console/connections/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

	@GetMapping
	String detail(Actor.Administrator administrator, @PathVariable String name, Model model) {
		model.addAttribute("connection", this.connections.find(administrator, name));
		return VIEW;
	}

	@PostMapping("/calls")
	String call(Actor.Administrator administrator, @PathVariable String name,
			@RequestParam(defaultValue = "GET") String method, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String headers, @RequestParam(defaultValue = "") String body,
			Model model) {
		model.addAttribute("callMethod", method);
		model.addAttribute("callUrl", url);
		model.addAttribute("callHeaders", headers);
		model.addAttribute("callBody", body);
		try {
			model.addAttribute("result", this.connections.call(administrator, name,
					new ApiCall(method, url, headers(headers), body.isEmpty() ? null : body)));
		}
		catch (InvalidInputException | ConflictException | ApiCallFailedException ex) {
			model.addAttribute("callError", ex.getMessage());
		}
		return detail(administrator, name, model);
	}

	@PostMapping("/credentials")
	String rotate(Actor.Administrator administrator, @PathVariable String name,
			@RequestParam(required = false) @Nullable String apiKey,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String token, Model model, RedirectAttributes flash) {
		try {
			this.connections.rotate(administrator, name,
					new ConnectionChange(null, null, null, null,
							new Credentials(ConnectionConsoleController.blankToNull(apiKey),
									ConnectionConsoleController.blankToNull(username),
									ConnectionConsoleController.blankToNull(password),
									ConnectionConsoleController.blankToNull(token))));
			flash.addFlashAttribute("notice", "connections.notice.rotated");
			return redirect(name);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("rotateError", ex.getMessage());
			return detail(administrator, name, model);
		}
	}

	@PostMapping("/reconnect")
	String reconnect(Actor.Administrator administrator, @PathVariable String name, Model model,
			RedirectAttributes flash) {
		try {
			ConnectionCreation creation = this.connections.reconnect(administrator, name);
			if (creation.authorizeUrl() != null) {
				return "redirect:" + creation.authorizeUrl();
			}
			flash.addFlashAttribute("notice", "connections.notice.reconnected");
			return redirect(name);
		}
		catch (InvalidInputException | ApiCallFailedException ex) {
			model.addAttribute("reconnectError", ex.getMessage());
			return detail(administrator, name, model);
		}
	}

	@PostMapping("/delete")
	String delete(Actor.Administrator administrator, @PathVariable String name,
			@RequestParam(defaultValue = "") String confirmName, @RequestParam(defaultValue = "false") boolean force,
			Model model, RedirectAttributes flash) {
		Connection connection = this.connections.find(administrator, name);
		if (!connection.name().equals(confirmName)) {
			model.addAttribute("deleteError", true);
			return detail(administrator, name, model);
		}
		try {
			this.connections.delete(administrator, connection.name(), force);
		}
		catch (ConflictException ex) {
			// Published workflows use it: the page says which, and offers to delete
			// anyway.
			model.addAttribute("deleteConflict", true);
			return detail(administrator, name, model);
		}
		flash.addFlashAttribute("notice", "connections.notice.deleted");
		return "redirect:/console/connections";
	}

	/** "Name: value" lines, as typed in the form. */
	private static Map<String, String> headers(String lines) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : lines.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 1) {
				throw new InvalidInputException("headers", "Write one header per line, as Name: value");
			}
			headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		return headers;
	}

}
