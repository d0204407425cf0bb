package io.patchbay.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code fields=} selection:
 * {@code id,name,from{id,name},comments.limit(0).summary(total_count)}. Each field may
 * carry modifiers ({@code limit(n)}, {@code summary(total_count)}) and a nested
 * selection. The Graph syntax has no library; this is its whole grammar: <pre>
 * selection := field (',' field)*
 * field     := name ('.' name '(' arg ')')* ('{' selection '}')?
 * </pre> A selection nests at most {@value #MAX_DEPTH} levels and names at most
 * {@value #MAX_FIELDS} fields in all: more is no client's need, and the parser and the
 * views that walk a selection would otherwise go as deep and as wide as a caller asks.
 */
record Fields(List<Field> fields) {

	record Field(String name, Map<String, String> modifiers, @Nullable Fields nested) {

		@Nullable String modifier(String name) {
			return this.modifiers.get(name);
		}

	}

	static final Fields NONE = new Fields(List.of());

	static final int MAX_DEPTH = 8;

	static final int MAX_FIELDS = 100;

	static Fields parse(@Nullable String selection) {
		if (selection == null || selection.isBlank()) {
			return NONE;
		}
		Parser parser = new Parser(selection.replace(" ", ""));
		Fields fields = parser.selection();
		if (!parser.atEnd()) {
			throw parser.error();
		}
		return fields;
	}

	boolean isEmpty() {
		return this.fields.isEmpty();
	}

	/** The selection, or the given default names when none was asked for. */
	Fields orDefault(String... names) {
		if (!isEmpty()) {
			return this;
		}
		return new Fields(java.util.Arrays.stream(names).map((name) -> new Field(name, Map.of(), null)).toList());
	}

	/** Refuses any field outside those the node type has. */
	Fields allowOnly(Set<String> known, String nodeType) {
		for (Field field : this.fields) {
			if (!known.contains(field.name())) {
				throw GraphException.unknownField(field.name(), nodeType);
			}
		}
		return this;
	}

	private static final class Parser {

		private final String text;

		private int position;

		private int depth;

		private int count;

		Parser(String text) {
			this.text = text;
		}

		Fields selection() {
			List<Field> fields = new ArrayList<>();
			do {
				fields.add(field());
			}
			while (accept(','));
			return new Fields(List.copyOf(fields));
		}

		private Field field() {
			if (++this.count > MAX_FIELDS) {
				throw GraphException
					.invalidParameter("(#100) fields may name at most " + MAX_FIELDS + " fields in all");
			}
			String name = name();
			Map<String, String> modifiers = new LinkedHashMap<>();
			while (accept('.')) {
				String modifier = name();
				expect('(');
				int start = this.position;
				while (!atEnd() && peek() != ')') {
					this.position++;
				}
				modifiers.put(modifier, this.text.substring(start, this.position));
				expect(')');
			}
			Fields nested = null;
			if (accept('{')) {
				if (++this.depth > MAX_DEPTH) {
					throw GraphException.invalidParameter("(#100) fields may nest at most " + MAX_DEPTH + " levels");
				}
				nested = selection();
				expect('}');
				this.depth--;
			}
			return new Field(name, Map.copyOf(modifiers), nested);
		}

		private String name() {
			int start = this.position;
			while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
				this.position++;
			}
			if (start == this.position) {
				throw error();
			}
			return this.text.substring(start, this.position);
		}

		private boolean accept(char expected) {
			if (!atEnd() && peek() == expected) {
				this.position++;
				return true;
			}
			return false;
		}

		private void expect(char expected) {
			if (!accept(expected)) {
				throw error();
			}
		}

		private char peek() {
			return this.text.charAt(this.position);
		}

		boolean atEnd() {
			return this.position >= this.text.length();
		}

		GraphException error() {
			return GraphException.invalidParameter("(#100) Syntax error in fields at character " + this.position);
		}

	}

}
