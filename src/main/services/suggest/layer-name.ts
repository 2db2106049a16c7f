/** The layer `lede suggest --accept` stores suggestions in (its own file: the CLI names it without loading the rules). */
export const SUGGESTED_LAYER = 'suggested';
