package dev.migration.sample;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The notes REST API.
 */
@RestController
public class NoteController {

	private final NoteRepository notes;

	public NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@GetMapping("/notes")
	public List<Note> list(@RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "false") boolean includeArchived) {
		return this.notes.findAll(tag, includeArchived);
	}

	@PostMapping("/notes")
	public ResponseEntity<Note> create(@RequestBody NewNote request) {
		String title = request.title();
		if (title == null || title.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A note needs a non-blank 'title'");
		}
		String body = (request.body() != null) ? request.body() : "";
		Note note = this.notes.create(title.strip(), body, request.tagsOrEmpty());
		return ResponseEntity.created(URI.create("/notes/" + note.id())).body(note);
	}

	@GetMapping("/notes/{id}")
	public Note get(@PathVariable String id) {
		return this.notes.findById(id).orElseThrow(() -> noSuchNote(id));
	}

	@PostMapping("/notes/{id}/archive")
	public Note archive(@PathVariable String id) {
		return this.notes.archive(id).orElseThrow(() -> noSuchNote(id));
	}

	@DeleteMapping("/notes/{id}")
	public ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.notes.delete(id)) {
			throw noSuchNote(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/notes/{id}/audit")
	public List<AuditEntry> audit(@PathVariable String id) {
		return this.notes.auditTrail(id);
	}

	@GetMapping("/tags")
	public List<TagCount> tags() {
		return this.notes.tags();
	}

	@GetMapping("/summary")
	public List<NoteSummary> summary() {
		return this.notes.summary();
	}

	private static ResponseStatusException noSuchNote(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No note with id '" + id + "'");
	}

}
