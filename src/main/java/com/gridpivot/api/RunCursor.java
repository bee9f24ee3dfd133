package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.persistence.AllocationRunService.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * The {@code cursor} of the list of allocation runs: an opaque text that names the last run of a page (its creation
 * time and id, base64url-encoded). A client passes a page's {@code nextCursor} back as it is and never builds one.
 */
public final class RunCursor {
    private static final String VERSION = "r1";

    private RunCursor() {
    }

    public static String encode(Position p) {
        String text = VERSION + "|" + p.createdAt() + "|" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; a 400 naming {@code cursor} when the text is not one this service gave out. */
    public static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                long id = Long.parseLong(parts[2]);
                if (id > 0) {
                    return new Position(Instant.parse(parts[1]), id);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
        throw new InvalidRequestException(List.of(FieldError.of("cursor",
                "is not a cursor of this list; pass a page's nextCursor as it is (got '" + shown + "')")));
    }
}
