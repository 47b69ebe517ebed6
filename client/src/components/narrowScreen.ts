/** The width below which the app lays screens out for a phone (the stylesheet's `max-width: 40rem`). */
export const narrowScreen = '(max-width: 40rem)';

/** Whether the screen is a phone's now (read once, when a screen is laid out: not followed while it turns). */
export const onNarrowScreen = () => window.matchMedia?.(narrowScreen).matches ?? false;
