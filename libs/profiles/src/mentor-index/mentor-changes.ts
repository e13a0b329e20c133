/** Channel of the profiles trigger: a user id per changed mentor, or RELOAD after bulk loads. */
export const MENTOR_CHANGES_CHANNEL = 'mentor_changes';
export const MENTOR_CHANGES_RELOAD = 'reload';
/** application_name of each API process's index connections (its listener and its loads). */
export const MENTOR_INDEX_APPLICATION_NAME = 'preceptor-mentor-index';
