/** A person as the bot keys them: an Entra object id, or a channel's user id where Teams gives no object id. */
export const PERSON_ID = /^[\w:-]{2,80}$/;

/** The longest team name a case (and so a role in that team) may carry. */
export const TEAM_NAME_MAX_LENGTH = 60;

/** Local chats (the Emulator, the Playground, tests without a tenant) all belong to this one tenant. */
export const LOCAL_TENANT_ID = 'local';
