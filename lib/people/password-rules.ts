// Shared by the invitation form (browser) and the server's check.
export const MIN_PASSWORD_LENGTH = 12;
