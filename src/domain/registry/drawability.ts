/** The answer of a drawability rule: drawable, or not with one reason code from the rule's closed set. */
export type Drawability<Reason extends string> = { drawable: true } | { drawable: false; reason: Reason };
