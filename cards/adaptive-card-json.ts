/** An Adaptive Card, bound and ready to send (a plain JSON object, schema 1.5). */
export type AdaptiveCardJson = Readonly<Record<string, unknown>>;
