/** Session lifetime: ends after 4 hours without activity and at most 12 hours after login (a working day). */
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not all become writes. */
export const SESSION_TOUCH_MS = 60 * 1000;
export const SESSION_COOKIE = 'xf_session';
