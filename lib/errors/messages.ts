// Refusal messages said the same way everywhere.

/** Unknown, or hidden from this person: the two read alike, so nothing hints that it exists. */
export const NOT_FOUND = "This does not exist or is not shared with your delegation.";

/** Signed in and taking part, but the organisation's role does not allow it. */
export const NOT_ALLOWED = "Your delegation's role does not allow this.";
